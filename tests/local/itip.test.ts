import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import ical from 'node-ical';
import { describe, expect, it } from 'vitest';
import type { Booking } from '../../src/domain/types.js';
import { composeRawEmail } from '../../src/mail/compose.js';
import { parseRawEmail } from '../../src/mail/parse-mime.js';
import { buildInviteEmail, inviteMessageId } from '../../src/providers/local/invite-email.writer.js';
import { buildCalendarObject, buildInvite, isAmbiguousWallClock } from '../../src/providers/local/itip.writer.js';
import { foldLine } from '../../src/providers/local/ics.writer.js';

function booking(overrides: Partial<Booking> = {}): Booking {
  return {
    id: 'bk_0123456789abcdef0123',
    accountId: 'rep1',
    prospectId: 'p1',
    prospectEmail: 'pat.prospect@client.example',
    prospectName: 'Pat Prospect',
    organizerEmail: 'rep@followup.example',
    organizerName: 'Robin Rep',
    title: 'Intro call: Client Co, Followup; and \\ more',
    description: 'Agenda:\n- pricing, rollout; next steps\n- questions \\ answers\nÜmlauts and emoji 🎉 are fine. '.repeat(3),
    start: new Date('2030-03-12T15:00:00Z'),
    end: new Date('2030-03-12T15:30:00Z'),
    timeZone: 'America/New_York',
    reminderMinutes: 15,
    conference: false,
    thread: { inReplyTo: '<reply-2@client.example>', references: ['<first@followup.local>'], subject: 'Re: Quick question' },
    ...overrides,
  };
}

const DTSTAMP = new Date('2030-03-01T12:00:00Z');

function nodeIcalEvent(text: string): ical.VEvent {
  const parsed = ical.sync.parseICS(text);
  const events = Object.values(parsed).filter((c): c is ical.VEvent => c?.type === 'VEVENT');
  expect(events).toHaveLength(1);
  return events[0]!;
}

describe('iTIP invite (buildInvite)', () => {
  it('parses with node-ical at the exact instant, with METHOD:REQUEST, ORGANIZER, ATTENDEE and a -15 minute VALARM', () => {
    const b = booking();
    const text = buildInvite(b, { method: 'REQUEST', sequence: 0, dtstamp: DTSTAMP });
    const event = nodeIcalEvent(text);
    expect((event.start as Date).toISOString()).toBe(b.start.toISOString());
    expect((event.end as Date).toISOString()).toBe(b.end.toISOString());
    expect(event.uid).toBe(`${b.id}@followup`);
    expect(event.summary).toBe(b.title);
    expect(event.description).toBe(b.description);
    expect((event as unknown as { method: string }).method).toBe('REQUEST');
    expect(event.organizer).toMatchObject({ params: { CN: 'Robin Rep' }, val: 'mailto:rep@followup.example' });
    const attendees = ([] as unknown[]).concat(event.attendee) as { params: Record<string, unknown>; val: string }[];
    const prospect = attendees.find((a) => a.val === 'mailto:pat.prospect@client.example');
    expect(prospect?.params).toMatchObject({ CN: 'Pat Prospect', ROLE: 'REQ-PARTICIPANT', PARTSTAT: 'NEEDS-ACTION', RSVP: true });
    expect(event.alarms).toHaveLength(1);
    expect(event.alarms![0]).toMatchObject({ action: 'DISPLAY', trigger: '-PT15M' });
    expect(event.status).toBe('CONFIRMED');
    expect(String(event.sequence)).toBe('0');
  });

  it('holds every RFC 5546 REQUEST property, DTSTAMP in UTC, and TZID with a matching VTIMEZONE', () => {
    const text = buildInvite(booking(), { method: 'REQUEST', sequence: 2, dtstamp: DTSTAMP });
    const unfolded = `\r\n${text.replace(/\r\n /g, '')}`;
    for (const line of ['BEGIN:VCALENDAR', 'VERSION:2.0', 'METHOD:REQUEST', 'DTSTAMP:20300301T120000Z', 'SEQUENCE:2', 'STATUS:CONFIRMED', 'TZID:America/New_York', 'TRIGGER:-PT15M', 'ACTION:DISPLAY']) {
      expect(unfolded).toContain(`\r\n${line}\r\n`);
    }
    expect(unfolded).toMatch(/\r\nPRODID:[^\r]+\r\n/);
    expect(unfolded).toContain('DTSTART;TZID=America/New_York:20300312T110000\r\n');
    expect(unfolded).toContain('DTEND;TZID=America/New_York:20300312T113000\r\n');
    expect(unfolded).toContain('ATTENDEE;CN=Pat Prospect;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:pat.prospect@client.example\r\n');
    expect(unfolded).toContain('ORGANIZER;CN=Robin Rep:mailto:rep@followup.example\r\n');
    // The stored copy is the same event without METHOD.
    const stored = buildCalendarObject(booking(), { sequence: 2, dtstamp: DTSTAMP });
    expect(stored).not.toContain('METHOD:');
    expect(stored.replace('PRODID', '')).toContain('UID:bk_0123456789abcdef0123@followup');
  });

  it('folds lines at 75 octets without splitting UTF-8 characters, and escapes TEXT', () => {
    const text = buildInvite(booking(), { method: 'REQUEST', sequence: 0, dtstamp: DTSTAMP });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // CRLF only
    for (const line of text.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
    }
    const summary = text.replace(/\r\n /g, '').match(/\r\nSUMMARY:([^\r]*)/)![1];
    expect(summary).toBe('Intro call: Client Co\\, Followup\\; and \\\\ more');
    expect(text.replace(/\r\n /g, '')).toMatch(/DESCRIPTION:Agenda:\\n- pricing\\, rollout\\; next steps\\n- questions \\\\ answers\\n/);
    expect(foldLine('é'.repeat(40)).split('\r\n ').map((p) => Buffer.byteLength(p))).toEqual([74, 6]);
  });

  it('is read at the same instant through its own VTIMEZONE (ical.js has no tz database), across zones and DST edges', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'America/Sao_Paulo', 'Australia/Sydney', 'Asia/Kolkata', 'Asia/Tokyo', 'Europe/London', 'Pacific/Auckland', 'Australia/Lord_Howe', 'America/St_Johns'];
    const instants = ['2030-01-15T10:00:00Z', '2030-03-10T07:30:00Z', '2030-03-31T01:30:00Z', '2030-04-06T15:45:00Z', '2030-07-01T12:00:00Z', '2030-10-27T00:30:00Z', '2030-11-03T06:30:00Z', '2030-12-31T23:00:00Z'];
    for (const timeZone of zones) {
      for (const iso of instants) {
        const start = new Date(iso);
        const b = booking({ timeZone, start, end: new Date(start.getTime() + 45 * 60_000) });
        const root = new ICAL.Component(ICAL.parse(buildInvite(b, { method: 'REQUEST', sequence: 0, dtstamp: DTSTAMP })));
        const event = new ICAL.Event(root.getFirstSubcomponent('vevent')!);
        // In the hour repeated when clocks go back, the wall-clock names two instants: UTC is written.
        expect(event.startDate.zone?.tzid, `${timeZone} ${iso}`).toBe(isAmbiguousWallClock(start, timeZone) ? 'UTC' : timeZone);
        expect(event.startDate.toJSDate().toISOString(), `${timeZone} ${iso}`).toBe(start.toISOString());
        expect(event.endDate.toJSDate().toISOString(), `${timeZone} ${iso}`).toBe(b.end.toISOString());
      }
    }
  });

  it('writes a time in the repeated autumn hour in UTC, since its wall-clock names two instants', () => {
    const start = new Date('2030-10-27T00:30:00Z'); // 02:30 CEST; 02:30 CET follows an hour later
    expect(isAmbiguousWallClock(start, 'Europe/Berlin')).toBe(true);
    expect(isAmbiguousWallClock(new Date('2030-10-27T03:30:00Z'), 'Europe/Berlin')).toBe(false);
    const text = buildInvite(booking({ timeZone: 'Europe/Berlin', start, end: new Date('2030-10-27T03:00:00Z') }), { method: 'REQUEST', sequence: 0, dtstamp: DTSTAMP });
    expect(text).toContain('DTSTART:20301027T003000Z\r\n');
    expect(text).toContain('DTEND;TZID=Europe/Berlin:20301027T040000\r\n');
    expect((nodeIcalEvent(text).start as Date).toISOString()).toBe(start.toISOString());
  });

  it('writes a yearly-rule VTIMEZONE for DST zones and a single STANDARD part for zones without DST', () => {
    const berlin = buildInvite(booking({ timeZone: 'Europe/Berlin' }), { method: 'REQUEST', sequence: 0, dtstamp: DTSTAMP });
    expect(berlin).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(berlin).toContain('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
    const newYork = buildInvite(booking(), { method: 'REQUEST', sequence: 0, dtstamp: DTSTAMP });
    expect(newYork).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU');
    expect(newYork).toContain('RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU');
    const tokyo = buildInvite(booking({ timeZone: 'Asia/Tokyo' }), { method: 'REQUEST', sequence: 0, dtstamp: DTSTAMP });
    expect(tokyo).toMatch(/BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:\+0900\r\nTZOFFSETTO:\+0900\r\n/);
    expect(tokyo).not.toContain('DAYLIGHT');
  });

  it('falls back to UTC times without VTIMEZONE for UTC or an unknown zone name', () => {
    for (const timeZone of ['UTC', 'Not/AZone']) {
      const text = buildInvite(booking({ timeZone }), { method: 'REQUEST', sequence: 0, dtstamp: DTSTAMP });
      expect(text).toContain('DTSTART:20300312T150000Z');
      expect(text).not.toContain('VTIMEZONE');
      expect((nodeIcalEvent(text).start as Date).toISOString()).toBe('2030-03-12T15:00:00.000Z');
    }
  });
});

describe('invite email', () => {
  it('says the time in the prospect’s zone, threads into the conversation and carries a Message-ID derived from the booking', async () => {
    const b = booking();
    const ics = buildInvite(b, { method: 'REQUEST', sequence: 0, dtstamp: DTSTAMP });
    const email = buildInviteEmail(b, ics);
    // On the rep's (organizer's) own domain, not a made-up one.
    expect(email.messageId).toBe(`<invite-bk_0123456789abcdef0123@${b.organizerEmail.split('@')[1]}>`);
    expect(email.messageId).not.toContain('followup.local');
    expect(inviteMessageId(b)).toBe(email.messageId);
    expect(email.subject).toBe('Invitation: Intro call: Client Co, Followup; and \\ more @ Tue 12 Mar 2030 11:00–11:30 EDT (America/New_York)');
    expect(email.text).toContain('When: Tuesday, 12 March 2030, 11:00–11:30 Eastern Daylight Time (America/New_York)');
    expect(email.thread.inReplyTo).toBe('<reply-2@client.example>');
    expect(email.thread.references).toEqual(['<first@followup.local>', '<reply-2@client.example>']);
    expect(email.attachments).toEqual([{ filename: 'invite.ics', contentType: 'text/calendar', content: ics, method: 'REQUEST' }]);

    const raw = await composeRawEmail(email, DTSTAMP);
    const text = raw.toString('utf8');
    expect(text).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    // invite.ics once: the iMIP alternative plus one attachment, named once; CRLF throughout.
    expect(text.match(/filename=invite\.ics/g)).toHaveLength(1);
    expect(text.match(/BEGIN:VCALENDAR/g)?.length ?? 0).toBe(1);
    expect(text).not.toMatch(/name=invite\.ics; name=/);
    expect(text).not.toMatch(/(?<!\r)\n/);
    const parsed = await parseRawEmail(raw, 'invite');
    expect(parsed.messageId).toBe(email.messageId);
    expect(parsed.inReplyTo).toBe('<reply-2@client.example>');
    expect(parsed.references).toEqual(['<first@followup.local>', '<reply-2@client.example>']);
    expect(parsed.to).toEqual(['pat.prospect@client.example']);
  });

  it('names both dates when the meeting crosses midnight in the prospect’s zone', () => {
    const start = DateTime.fromISO('2030-06-14T23:30', { zone: 'Asia/Tokyo' }).toJSDate();
    const b = booking({ timeZone: 'Asia/Tokyo', start, end: new Date(start.getTime() + 60 * 60_000), title: 'Late call' });
    const email = buildInviteEmail(b, 'ics');
    expect(email.subject).toBe('Invitation: Late call @ Fri 14 Jun 2030 23:30–Sat 15 Jun 00:30 GMT+9 (Asia/Tokyo)');
    expect(email.text).toContain('Friday, 14 June 2030, 23:30–Saturday, 15 June 2030, 00:30 Japan Standard Time (Asia/Tokyo)');
  });
});
