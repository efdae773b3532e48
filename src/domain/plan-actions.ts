/**
 * What the follow-up planner (planner.ts) reads and what it decides: the prospect's snapshot, the
 * plan actions, and the idempotency keys that make a planned draft unique for ever.
 */
import type { Draft, Meeting, NoShowEvidence, Prospect, ReplyKind, TemplateName } from './types.js';

export interface ProspectSnapshot {
  prospect: Prospect;
  rep: { email: string; name: string; timeZone: string };
  meetings: Meeting[];
  drafts: Pick<Draft, 'reasonKey' | 'status' | 'sendAt' | 'template'>[];
  /** Emails sent or on their way to this prospect (outbox sent/sending/approved), with the draft reason. */
  emails: { at: Date; reasonKey: string | null; status: 'sent' | 'queued' }[];
  /** Messages received from the prospect, with what the parser understood. */
  replies: { at: Date; kind: ReplyKind }[];
  suppressed: boolean;
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
      /** Template variables beyond prospect/rep/meeting, e.g. { gapDays: 12, step: 2 }. */
      vars: Record<string, unknown>;
      meetingId?: string | null;
    }
  | { kind: 'call_reminder'; reasonKey: string; meetingId: string; at: Date; detail: string }
  | { kind: 'skip'; reason: SkipReason; detail: string };

export type DraftAction = Extract<PlanAction, { kind: 'draft' }>;

// ---------------------------------------------------------------------------------------------
// Keys: one draft per key, ever

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
