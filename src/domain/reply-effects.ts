/**
 * What each reply decision does to the prospect ("Replies that are not a yes", R1, R2), as data:
 * the worker carries the effects out in order and never decides them itself. Pure.
 */
import type { ReplyDecision } from './reply-decision.js';
import type { ProspectStatus, TimeInterval } from './types.js';
import { formatWithZone } from './zone-label.js';

export type ReplyEffect =
  /** Never email this address again (opt-out, bounce). */
  | { kind: 'suppress'; reason: 'opt-out reply' | 'bounce' }
  | { kind: 'set_status'; status: ProspectStatus; pausedUntil: Date | null; statusReason: string }
  /** Cancel every pending draft of the prospect, with this reason. */
  | { kind: 'cancel_pending'; reason: string }
  /** Run the send gate over what waits: it withdraws what a real reply made moot. */
  | { kind: 'withdraw_moot' }
  | { kind: 'alert'; message: string }
  | { kind: 'confirm_time'; alternatives: TimeInterval[]; reasons?: string[] }
  | { kind: 'offer_slots'; range: TimeInterval }
  | { kind: 'book'; candidates: TimeInterval[] };

export interface ReplyPlan {
  effects: ReplyEffect[];
  /** Plain words for the run summary and the timeline ("paused until ..."). */
  outcome: string;
}

/** The effects of one reply decision; `repZone` spells times for the rep. */
export function replyEffects(decision: ReplyDecision, repZone: string): ReplyPlan {
  switch (decision.kind) {
    case 'suppress':
      return {
        effects: [
          { kind: 'suppress', reason: 'opt-out reply' },
          { kind: 'set_status', status: 'suppressed', pausedUntil: null, statusReason: decision.detail },
          { kind: 'cancel_pending', reason: decision.detail },
        ],
        outcome: 'suppressed: never emailed again',
      };
    case 'bounce':
      return {
        effects: [
          { kind: 'suppress', reason: 'bounce' },
          { kind: 'set_status', status: 'bounced', pausedUntil: null, statusReason: decision.detail },
          { kind: 'cancel_pending', reason: decision.detail },
          { kind: 'alert', message: decision.detail },
        ],
        outcome: 'bounced: stopped, address flagged',
      };
    case 'declined':
      return {
        effects: [
          // Paused with no end date: the rep decides to close or keep (the send gate holds everything).
          { kind: 'set_status', status: 'paused', pausedUntil: null, statusReason: decision.detail },
          { kind: 'cancel_pending', reason: decision.detail },
          { kind: 'alert', message: decision.detail },
        ],
        outcome: 'declined: cadence stopped, waiting for your decision',
      };
    case 'pause':
      return {
        effects: [{ kind: 'set_status', status: 'paused', pausedUntil: decision.until, statusReason: decision.detail }],
        outcome: `paused until ${formatWithZone(decision.until, repZone, "cccc, LLLL d 'at' h:mm a")} (your time)`,
      };
    case 'replied':
      return { effects: [{ kind: 'withdraw_moot' }], outcome: 'nudges stopped; answer in person' };
    case 'confirm_time':
      return { effects: [{ kind: 'withdraw_moot' }, { kind: 'confirm_time', alternatives: decision.alternatives, reasons: decision.reasons }], outcome: 'time was ambiguous: confirmation drafted' };
    case 'offer_slots':
      return { effects: [{ kind: 'withdraw_moot' }, { kind: 'offer_slots', range: decision.range }], outcome: 'slots offered' };
    case 'book':
      return { effects: [{ kind: 'withdraw_moot' }, { kind: 'book', candidates: decision.candidates }], outcome: 'booked' };
  }
}
