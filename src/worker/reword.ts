/**
 * Words about time are written for the time an email goes out: a missed-meeting nudge's "Is there another day this
 * week we can connect?" (src/domain/nudge-words.ts), a confirmation's "our call tomorrow at 3:00 PM CET"
 * (meetingWhenWords). An unedited one that goes out later than it was worded for (approved a week late, held by a
 * pause or the weekly cap) is worded again from its template for that time: the draft and its outbox row take the
 * new words, and the timeline says so. A draft the rep edited goes out as they wrote it; a copy in the rep's mail
 * client (native drafts) is theirs too.
 */
import { stableId } from '../domain/ids.js';
import { thisWeekHolds } from '../domain/nudge-words.js';
import { businessContextOf, gateWords, meetingOfReasonKey } from '../domain/send-gate.js';
import { meetingOfConfirmKey, meetingWhenWords } from '../domain/meeting-confirm.js';
import type { Draft, Prospect } from '../domain/types.js';
import { buildTemplateContext } from '../templates/context.js';
import { TemplateError } from '../templates/engine.js';
import type { AccountRuntime, TickSummary, WorkerContext } from './context.js';
import { firstName } from '../domain/names.js';

export interface Words {
  subject: string;
  text: string;
}

/** The sentence of a draft that changed is the one to show: its first line after the greeting, shortened. */
function firstLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l && !/^(?:hi|hello|dear)\b/i.test(l));
  const line = lines[0] ?? '';
  return line.length > 120 ? `${line.slice(0, 117)}...` : line;
}

/** The nudge's step, from its key "missed:<meeting>:<step>". */
function stepOf(reasonKey: string): number | null {
  const m = /:(\d+)$/.exec(reasonKey);
  return m ? Number(m[1]) : null;
}

/**
 * Words the draft again for `at` when it is an unedited nudge or confirmation whose words differ for that time;
 * returns the new words (stored), or null when it keeps its own.
 */
export async function rewordForSend(
  ctx: WorkerContext,
  rt: AccountRuntime,
  draft: Draft,
  prospect: Prospect,
  at: Date,
  summary: TickSummary,
): Promise<Words | null> {
  if (draft.editedAt || draft.nativeDraftId || draft.to.toLowerCase() !== prospect.email.toLowerCase()) return null;
  const nudged = meetingOfReasonKey(draft.reasonKey);
  const confirmed = nudged ? null : meetingOfConfirmKey(draft.reasonKey);
  const meetingId = nudged ?? confirmed;
  const meeting = meetingId ? await ctx.store.getMeeting(meetingId) : null;
  if (!meeting) return null;
  const rep = { name: rt.account.name, email: rt.account.email, timeZone: rt.account.timeZone };
  const bctx = businessContextOf(prospect, ctx.policy, rep.timeZone);
  let words: Words;
  try {
    words = ctx.templates.get(draft.template).render(
      buildTemplateContext({
        prospect,
        rep,
        thread: draft.thread,
        meeting: { start: meeting.start, end: meeting.end, title: meeting.title },
        ...(nudged ? { step: stepOf(draft.reasonKey), thisWeek: thisWeekHolds(meeting.start, at, bctx) } : { meetingWhen: meetingWhenWords(meeting.start, at, prospect.timeZone) }),
      }),
    );
  } catch (err) {
    // A custom template that needs what only the planner knows keeps the words it was drafted with.
    if (err instanceof TemplateError) return null;
    throw err;
  }
  if (words.subject === draft.subject && words.text === draft.text) return null;
  if (!(await ctx.store.rewordDraft(draft.id, words))) return null;
  const detail = `${nudged ? 'Nudge' : 'Confirmation'} worded again for ${gateWords(at, bctx.zone)} (${firstName(prospect.name, prospect.email)}'s time): "${firstLine(draft.text)}" is now "${firstLine(words.text)}".`;
  await ctx.store.addAttempt({
    id: stableId('at', 'reworded', draft.id, words.subject, words.text),
    prospectId: draft.prospectId,
    accountId: draft.accountId,
    at: ctx.now,
    kind: 'note',
    outcome: 'reworded',
    detail,
    refId: draft.id,
  });
  summary.notes.push(`${prospect.email}: ${detail}`);
  return words;
}
