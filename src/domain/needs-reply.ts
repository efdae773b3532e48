/**
 * Replies that need the rep (issue 15, item 3). A real reply the worker cannot act on by itself (a
 * question, a request, an objection, "call me") becomes a "needs your reply" item: shown first, the
 * prospect's cadence pauses, and the rep is reminded after `policy.needsReplyHours` business hours
 * (in the rep's zone) when no answer from the rep appears in the thread. Any message the rep sends
 * the prospect afterwards, from any mail client, clears it. Pure.
 *
 * It reads the reply parser's output (kind, visible text); it never parses the email itself.
 */
import { addBusinessMinutes, type BusinessContext } from './business-time.js';
import type { ParsedReply, ReplyKind } from './types.js';

export const NEEDS_REPLY_WHYS = ['call_me', 'request', 'objection', 'question', 'message'] as const;
export type NeedsReplyWhy = (typeof NEEDS_REPLY_WHYS)[number];

export interface NeedsReplyVerdict {
  needs: boolean;
  why: NeedsReplyWhy | null;
  /** The prospect's own words that need the answer (one sentence, at most ~200 characters). */
  words: string;
}

/** At most this many characters of the prospect's words are kept for the queue and the digest. */
export const NEEDS_REPLY_WORDS_MAX = 200;

const CALL_ME = /\b(?:call|phone|ring)\s+me\b|\bgive\s+me\s+a\s+(?:call|ring)\b|\bcan\s+we\s+(?:talk|speak)\s+(?:on\s+the\s+phone|by\s+phone)\b|\bmy\s+(?:number|cell|mobile)\s+is\b/i;
const REQUEST =
  /\b(?:can|could|would)\s+you\s+(?:please\s+)?(?:send|share|forward|email|e-mail|resend|walk|explain|clarify|confirm|provide|tell)\b|\bplease\s+(?:send|share|forward|resend|provide|include)\b|\b(?:send|share|forward)\s+(?:me|us|over)\b|\bi(?:'d|\s+would)\s+(?:need|like)\s+(?:to\s+see|the|a|some)\b|\bwe\s+(?:need|would\s+need)\s+(?:the|a|some)\b/i;
const OBJECTION =
  /\btoo\s+(?:expensive|pricey|costly|high|much|complicated|complex|early|late)\b|\b(?:concern(?:ed|s)?|worried|hesitant|skeptical|sceptical)\b|\b(?:not\s+sure|unsure)\s+(?:if|whether|that|about)\b|\b(?:competitor|cheaper)\b|\bprice\s+is\b|\bsecurity\s+review\b/i;
/** Thanks-only notes ("Thanks!", "Got it, talk soon") need no answer. */
const ACK_ONLY = /^(?:(?:many\s+)?thanks?(?:\s+(?:you|a\s+lot|so\s+much))?|thank\s+you|great|perfect|got\s+it|sounds\s+good|ok(?:ay)?|noted|cheers|will\s+do|talk\s+soon|see\s+you(?:\s+then)?|have\s+a\s+(?:good|great|nice)\s+(?:day|weekend|one))[\s!.,;:-]*/i;

/** Kinds the worker acts on by itself, or that need no answer: never a "needs your reply" by kind alone. */
const HANDLED_KINDS: readonly ReplyKind[] = ['optout', 'ooo', 'bounce', 'decline'];

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function clip(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length <= NEEDS_REPLY_WORDS_MAX ? one : `${one.slice(0, NEEDS_REPLY_WORDS_MAX - 1).trimEnd()}…`;
}

/** Drops greetings and sign-offs so "Hi Alex, ... Thanks, Linda" reads as what is in between. */
function body(text: string): string[] {
  return sentences(text).filter(
    (s) => !/^(?:hi|hello|hey|dear|good\s+(?:morning|afternoon))\b[^.!?]{0,30}[,!.]?$/i.test(s) && !/^(?:best|regards|kind\s+regards|thanks|cheers|sent\s+from)\b[^.!?]{0,40}$/i.test(s) && !/^[A-Z][a-z]+$/.test(s),
  );
}

function isAckOnly(lines: string[]): boolean {
  const text = lines.join(' ').trim();
  if (text.length === 0) return true;
  if (text.length > 60 || text.includes('?')) return false;
  let rest = text;
  for (let i = 0; i < 4 && rest.length > 0; i++) {
    const m = ACK_ONLY.exec(rest);
    if (!m || m[0].length === 0) break;
    rest = rest.slice(m[0].length).trim();
  }
  return rest.length === 0 || /^[A-Z][a-z]+[.!]?$/.test(rest);
}

/**
 * Whether a reply needs the rep's own answer, why, and in which words. `decided` is what the worker
 * did with the reply ('replied' = nothing it could do by itself; 'book', 'offer_slots', 'confirm_time'
 * = it acted, so only an explicit question or request left in the text still needs the rep).
 */
export function classifyNeedsReply(parsed: Pick<ParsedReply, 'kind' | 'visibleText'>, decided: string): NeedsReplyVerdict {
  const none: NeedsReplyVerdict = { needs: false, why: null, words: '' };
  if (HANDLED_KINDS.includes(parsed.kind)) return none;
  const lines = body(parsed.visibleText ?? '');
  const find = (re: RegExp): string | null => lines.find((s) => re.test(s)) ?? null;
  const cues: [NeedsReplyWhy, string | null][] = [
    ['call_me', find(CALL_ME)],
    ['request', find(REQUEST)],
    ['objection', find(OBJECTION)],
    ['question', lines.find((s) => s.includes('?')) ?? null],
  ];
  const hit = cues.find(([, s]) => s !== null);
  if (hit) return { needs: true, why: hit[0], words: clip(hit[1]!) };
  // Nothing explicit: a reply the worker could not act on still waits for the rep, unless it is a thank-you.
  if (decided !== 'replied' || isAckOnly(lines)) return none;
  return { needs: true, why: 'message', words: clip(lines.join(' ')) };
}

export const NEEDS_REPLY_WHY_WORDS: Record<NeedsReplyWhy, string> = {
  call_me: 'asked you to call',
  request: 'asked you for something',
  objection: 'raised a concern',
  question: 'asked a question',
  message: 'wrote',
};

export interface NeedsReplyItemInput {
  /** When the prospect wrote. */
  receivedAt: Date;
  /** When the rep's messages to the prospect went out (any mail client, and followup's own sends). */
  repMessagesAt: Date[];
  /** The rep's business hours, in the rep's zone. */
  repCtx: BusinessContext;
  needsReplyHours: number;
  now: Date;
}

export type NeedsReplyState =
  | { status: 'answered'; at: Date }
  | { status: 'open'; remindAt: Date; reminderDue: boolean };

/** Open until the rep writes to the prospect after the reply; the reminder is due after the business hours. */
export function needsReplyState(input: NeedsReplyItemInput): NeedsReplyState {
  const after = input.repMessagesAt.filter((t) => t.getTime() > input.receivedAt.getTime()).sort((a, b) => a.getTime() - b.getTime());
  if (after[0]) return { status: 'answered', at: after[0] };
  const remindAt = addBusinessMinutes(input.receivedAt, Math.round(input.needsReplyHours * 60), input.repCtx);
  return { status: 'open', remindAt, reminderDue: input.now.getTime() >= remindAt.getTime() };
}

export function needsReplyReminderKey(messageKey: string): string {
  return `needs-reply-reminder:${messageKey}`;
}
export function needsReplyKey(messageKey: string): string {
  return `needs-reply:${messageKey}`;
}
