/**
 * The words of a missed-meeting nudge that depend on the day it is read (playbook R2: "Is there another day this
 * week we can connect?"). "This week" holds only while the email goes out in the week of the missed meeting (Monday
 * to Sunday in the prospect's zone) with one of that week's business days still ahead; otherwise the template asks
 * for another day without naming the week. The worker words a nudge for its send time, and words an unedited one
 * again when it goes out later than that (src/worker/reword.ts): approved a week late, it no longer says "this week".
 * Pure.
 */
import { DateTime } from 'luxon';
import { isBusinessDate, localDateOf, plusDays, type BusinessContext } from './business-time.js';

export function thisWeekHolds(meetingStart: Date, sendAt: Date, ctx: BusinessContext): boolean {
  const send = DateTime.fromJSDate(sendAt, { zone: ctx.zone });
  if (!send.hasSame(DateTime.fromJSDate(meetingStart, { zone: ctx.zone }), 'week')) return false;
  const day = localDateOf(sendAt, ctx.zone);
  for (let ahead = 1; ahead <= 7 - send.weekday; ahead++) if (isBusinessDate(plusDays(day, ahead), ctx)) return true;
  return false;
}
