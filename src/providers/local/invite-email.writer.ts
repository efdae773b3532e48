import { DateTime } from 'luxon';
import type { Booking } from '../../domain/types.js';
import type { OutgoingEmail } from '../../ports/providers.js';
import { isIanaZone } from './ics-timezone.parser.js';
import { zoneAbbreviation } from './vtimezone.writer.js';

/**
 * The email that carries an iTIP invite (iMIP, RFC 6047). Its Message-ID is derived from the
 * booking id, so after a crash the worker can ask the sender whether it already went out
 * (findSent) instead of inviting the prospect twice. It answers in the prospect's thread.
 */
export function inviteMessageId(booking: Pick<Booking, 'id' | 'organizerEmail'>): string {
  // On the rep's own domain, like every message the rep sends (spam filters weigh a foreign one).
  const domain = booking.organizerEmail.split('@')[1]?.trim().toLowerCase() || 'localhost';
  return `<invite-${booking.id}@${domain}>`;
}

export function buildInviteEmail(booking: Booking, ics: string): OutgoingEmail {
  const zone = isIanaZone(booking.timeZone) ? booking.timeZone : 'UTC';
  const references = [...booking.thread.references];
  if (booking.thread.inReplyTo && !references.includes(booking.thread.inReplyTo)) references.push(booking.thread.inReplyTo);
  return {
    messageId: inviteMessageId(booking),
    from: { email: booking.organizerEmail, name: booking.organizerName },
    to: booking.prospectEmail,
    subject: `Invitation: ${booking.title} @ ${shortWhen(booking, zone)}`,
    text: inviteText(booking, zone),
    html: null,
    thread: { ...booking.thread, references },
    attachments: [{ filename: 'invite.ics', contentType: 'text/calendar', content: ics, method: 'REQUEST' }],
    headers: { 'Auto-Submitted': 'auto-generated' },
  };
}

/** "Tue 10 Mar 2026 16:00–16:30 CET (Europe/Berlin)" */
function shortWhen(booking: Booking, zone: string): string {
  const start = DateTime.fromJSDate(booking.start, { zone }).setLocale('en-GB');
  const end = DateTime.fromJSDate(booking.end, { zone }).setLocale('en-GB');
  const endText = end.hasSame(start, 'day') ? end.toFormat('HH:mm') : end.toFormat('ccc d LLL HH:mm');
  return `${start.toFormat('ccc d LLL yyyy HH:mm')}–${endText} ${zoneLabel(zone, booking.start)}`;
}

/** "Tuesday, 10 March 2026, 16:00–16:30 Central European Standard Time (Europe/Berlin)" */
export function spelledWhen(booking: Pick<Booking, 'start' | 'end'>, zone: string): string {
  const start = DateTime.fromJSDate(booking.start, { zone }).setLocale('en-GB');
  const end = DateTime.fromJSDate(booking.end, { zone }).setLocale('en-GB');
  const endText = end.hasSame(start, 'day') ? end.toFormat('HH:mm') : end.toFormat('cccc, d LLLL yyyy, HH:mm');
  const longName = start.setLocale('en-US').offsetNameLong ?? zone;
  return `${start.toFormat('cccc, d LLLL yyyy, HH:mm')}–${endText} ${longName}${zone === 'UTC' ? '' : ` (${zone})`}`;
}

function zoneLabel(zone: string, at: Date): string {
  if (zone === 'UTC') return 'UTC';
  const abbreviation = zoneAbbreviation(zone, at.getTime()) ?? DateTime.fromJSDate(at, { zone }).setLocale('en-GB').offsetNameShort;
  return `${abbreviation} (${zone})`;
}

function inviteText(booking: Booking, zone: string): string {
  const lines = [
    `${booking.organizerName} invited you to a meeting.`,
    '',
    booking.title,
    `When: ${spelledWhen(booking, zone)}`,
    `Who: ${booking.organizerName} <${booking.organizerEmail}>, ${booking.prospectName} <${booking.prospectEmail}>`,
  ];
  if (booking.description.trim()) lines.push('', booking.description.trim());
  lines.push('', 'The invitation is attached (invite.ics): open it or use your mail app’s Accept button to add the meeting to your calendar.');
  return lines.join('\n');
}
