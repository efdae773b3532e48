/**
 * What the follow-up planner (planner.ts) reads and returns: the prospect's snapshot, the actions
 * (drafts with typed template variables, call reminders, skips) and the idempotency keys of its drafts.
 */
import type { Draft, Meeting, NoShowEvidence, Prospect, ReplyKind, TemplateName } from './types.js';
import type { SentByRep } from './hand-sent.js';

export interface ProspectSnapshot {
  prospect: Prospect;
  rep: { email: string; name: string; timeZone: string };
  meetings: Meeting[];
  drafts: Pick<Draft, 'reasonKey' | 'status' | 'sendAt' | 'template'>[];
  /**
   * Emails sent or on their way to this prospect (outbox sent/sending/approved), with the draft
   * reason; 'uncertain': held for the rep because the transport cannot tell whether it went out.
   */
  emails: { at: Date; reasonKey: string | null; status: 'sent' | 'queued' | 'uncertain' }[];
  /** Messages received from the prospect, with what the parser understood. */
  replies: { at: Date; kind: ReplyKind }[];
  suppressed: boolean;
  /** Replies that wait for the rep's own answer (needs-reply.ts): the cadence pauses while one is open. */
  needsReply?: { at: Date; words: string }[];
  /** The rep's emails to the prospect (hand-sent ones get a follow-up: hand-sent.ts). */
  sentByRep?: SentByRep[];
}

export const SKIP_REASONS = [
  'suppressed',
  'closed',
  'bounced',
  'paused',
  'nothing_due',
  'replied',
  'cadence_done',
  'awaiting_approval',
  'needs_reply',
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export type PlanAction =
  | {
      kind: 'draft';
      /** Idempotency key: the store keeps one draft per key, ever. */
      reasonKey: string;
      template: TemplateName;
      /** 'prospect' or 'rep' (a brief). */
      recipient: 'prospect' | 'rep';
      sendAt: Date;
      /** Plain words for the rep. */
      reason: string;
      evidence: NoShowEvidence[];
      /** Template variables beyond prospect/rep/meeting, by kind of draft. */
      vars: DraftVars;
      meetingId?: string | null;
    }
  | { kind: 'call_reminder'; reasonKey: string; meetingId: string; at: Date; detail: string }
  /** Something the rep should know before it goes wrong (an unconfirmed meeting): brief, digest, run summary. */
  | { kind: 'warn'; reason: 'unconfirmed_meeting'; meetingId: string; detail: string }
  | { kind: 'skip'; reason: SkipReason; detail: string };

export type DraftAction = Extract<PlanAction, { kind: 'draft' }>;

/** R2: a missed-meeting nudge. */
export interface NudgeVars {
  kind: 'nudge';
  step: number;
  meetingStart: Date;
}
/** R3, R5, R7: the promised next step (gapDays 0 when on time). */
export interface NextStepVars {
  kind: 'next_step';
  gapDays: number;
  due: Date;
  what: string;
}
/** R6: the rep's brief before a meeting. */
export interface BriefVars {
  kind: 'brief';
  meetingStart: Date;
  meetingTitle: string;
  lastContactAt: Date | null;
  lastContact: string | null;
  promised: string | null;
  /** Issue 15: the prospect has not accepted the invite (plain words for the rep), else null. */
  unconfirmed?: string | null;
}
/** Issue 15: the confirmation before a meeting the prospect has not accepted. */
export interface ConfirmMeetingVars {
  kind: 'confirm_meeting';
  meetingStart: Date;
}
/** Issue 15: the follow-up of an email the rep sent by hand. */
export interface HandSentVars {
  kind: 'hand_sent';
  sentAt: Date;
  subject: string;
}
export type DraftVars = NudgeVars | NextStepVars | BriefVars | ConfirmMeetingVars | HandSentVars;

// Keys: the store keeps one draft per key, ever.

export function missedNudgeKey(meetingId: string, step: number): string {
  return `missed:${meetingId}:${step}`;
}
export function callReminderKey(meetingId: string): string {
  return `call:${meetingId}`;
}
export function nextStepKey(prospectId: string, due: Date): string {
  return `nextstep:${prospectId}:${due.toISOString()}`;
}
export function briefKey(meetingId: string): string {
  return `brief:${meetingId}`;
}
