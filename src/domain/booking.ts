/**
 * Booking the time a prospect named (playbook R1, R6). Pure: which candidate to try, what to offer
 * when none is free, and what the invite carries.
 */
import type { Booking, Prospect, ThreadRef, TimeInterval } from './types.js';

const MS_PER_DAY = 86_400_000;
/** Every named time is taken: offer free slots in the days that follow the first one. */
export const FALLBACK_OFFER_DAYS = 3;

function overlaps(a: TimeInterval, b: TimeInterval): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

export interface BookingChoice {
  /** Free candidates, in the prospect's order: book the first the calendar accepts. */
  tryInOrder: TimeInterval[];
  /** When none can be booked: offer free slots in this range instead. */
  fallbackRange: TimeInterval;
}

/**
 * First free candidate, else offer slots. A candidate whose booking already started (a retried run)
 * is finished, not re-checked: its own event would show as busy.
 */
export function chooseBooking(input: { candidates: TimeInterval[]; busy: TimeInterval[]; started: (slot: TimeInterval) => boolean }): BookingChoice {
  const first = input.candidates[0];
  if (!first) throw new RangeError('chooseBooking: no candidate time');
  return {
    tryInOrder: input.candidates.filter((c) => input.started(c) || !input.busy.some((b) => overlaps(b, c))),
    fallbackRange: { start: first.start, end: new Date(first.start.getTime() + FALLBACK_OFFER_DAYS * MS_PER_DAY) },
  };
}

/** R6: the invite carries the material the prospect will need. */
export function bookingDescription(prospect: Pick<Prospect, 'materialSent'>): string {
  const lines = ['Booked by followup at the time you proposed.'];
  if (prospect.materialSent.length > 0) {
    lines.push('', 'What we will go through together:', ...prospect.materialSent.map((m) => `- ${m}`));
  }
  return lines.join('\n');
}

/** The booking for one slot: title, invite material, reminder, in the prospect's zone. */
export function bookingFor(input: {
  id: string;
  slot: TimeInterval;
  prospect: Pick<Prospect, 'id' | 'email' | 'name' | 'company' | 'timeZone' | 'materialSent'>;
  rep: { accountId: string; email: string; name: string };
  reminderMinutes: number;
  conference: boolean;
  thread: ThreadRef;
}): Booking {
  const { prospect, rep, slot } = input;
  return {
    id: input.id,
    accountId: rep.accountId,
    prospectId: prospect.id,
    prospectEmail: prospect.email,
    prospectName: prospect.name,
    organizerEmail: rep.email,
    organizerName: rep.name,
    title: `${prospect.name} / ${rep.name}${prospect.company ? ` (${prospect.company})` : ''}`,
    description: bookingDescription(prospect),
    start: slot.start,
    end: slot.end,
    timeZone: prospect.timeZone,
    reminderMinutes: input.reminderMinutes,
    conference: input.conference,
    thread: input.thread,
  };
}
