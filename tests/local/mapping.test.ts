import { describe, expect, it } from 'vitest';
import { findConference } from '../../src/providers/local/conference-link.parser.js';
import { readCalendarEvents } from '../../src/providers/local/ics-event.mapper.js';
import { parseIcs } from '../../src/providers/local/ics.parser.js';
import { calendar, range, read, vevent } from './ics-fixtures.js';

const MARCH = range('2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z');

describe('VEVENT to CalendarEvent', () => {
  it('maps attendees’ PARTSTAT, the organizer, STATUS, every CATEGORIES property and the description', () => {
    const text = calendar(
      vevent(
        'UID:meeting-1',
        'SUMMARY:Demo with Client Co',
        'DESCRIPTION:Agenda\\, part 1\\nPart 2',
        'DTSTART:20250310T150000Z',
        'DTEND:20250310T154500Z',
        'STATUS:TENTATIVE',
        'ORGANIZER;CN=Robin Rep:MAILTO:Rep@Followup.Example',
        'ATTENDEE;CN=Robin Rep;PARTSTAT=ACCEPTED:mailto:rep@followup.example',
        'ATTENDEE;CN="Pat, Prospect";PARTSTAT=DECLINED:mailto:pat@client.example',
        'ATTENDEE;PARTSTAT=TENTATIVE:mailto:sam@client.example',
        'ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:kim@client.example',
        'ATTENDEE;PARTSTAT=DELEGATED:mailto:lee@client.example',
        'ATTENDEE:mailto:noparam@client.example',
        'CATEGORIES:no-show,Sales',
        'CATEGORIES:Follow up',
        'CATEGORIES:Sales',
        'LAST-MODIFIED:20250301T101010Z',
      ),
    );
    const { events, problems, fileProblems } = read(text, MARCH);
    expect([...problems, ...fileProblems]).toEqual([]);
    expect(events).toHaveLength(1);
    const event = events[0]!.event;
    expect(event).toMatchObject({
      id: 'meeting-1',
      uid: 'meeting-1',
      calendarId: 'cal',
      title: 'Demo with Client Co',
      description: 'Agenda, part 1\nPart 2',
      status: 'tentative',
      allDay: false,
      organizerEmail: 'rep@followup.example',
      categories: ['no-show', 'Sales', 'Follow up'],
      recurringEventId: null,
    });
    expect(event.start.toISOString()).toBe('2025-03-10T15:00:00.000Z');
    expect(event.updatedAt?.toISOString()).toBe('2025-03-01T10:10:10.000Z');
    expect(event.attendees).toEqual([
      { email: 'rep@followup.example', name: 'Robin Rep', response: 'accepted', organizer: true },
      { email: 'pat@client.example', name: 'Pat, Prospect', response: 'declined' },
      { email: 'sam@client.example', name: null, response: 'tentative' },
      { email: 'kim@client.example', name: null, response: 'needs_action' },
      { email: 'lee@client.example', name: null, response: 'needs_action' },
      { email: 'noparam@client.example', name: null, response: 'needs_action' },
    ]);
  });

  it('flags all-day events and reads floating times in the rep’s zone', () => {
    const text = calendar(
      vevent('UID:offsite', 'SUMMARY:Offsite', 'DTSTART;VALUE=DATE:20250312', 'DTEND;VALUE=DATE:20250314'),
      vevent('UID:floating', 'SUMMARY:Lunch', 'DTSTART:20250312T120000', 'DTEND:20250312T130000'),
      vevent('UID:no-end', 'SUMMARY:Reminder', 'DTSTART;VALUE=DATE:20250320'),
    );
    const { events } = read(text, MARCH, 'America/New_York');
    const byId = new Map(events.map((e) => [e.event.id, e.event]));
    expect(byId.get('offsite')).toMatchObject({ allDay: true });
    expect(byId.get('offsite')!.start.toISOString()).toBe('2025-03-12T04:00:00.000Z');
    expect(byId.get('offsite')!.end.toISOString()).toBe('2025-03-14T04:00:00.000Z');
    expect(byId.get('floating')!.start.toISOString()).toBe('2025-03-12T16:00:00.000Z');
    expect(byId.get('floating')!.allDay).toBe(false);
    expect(byId.get('no-end')!.end.getTime() - byId.get('no-end')!.start.getTime()).toBe(86_400_000);
  });

  it('finds Meet, Teams and Zoom links in URL, X-GOOGLE-CONFERENCE, LOCATION or DESCRIPTION', () => {
    const text = calendar(
      vevent('UID:meet', 'DTSTART:20250310T150000Z', 'DTEND:20250310T153000Z', 'X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij'),
      vevent('UID:teams', 'DTSTART:20250311T150000Z', 'DTEND:20250311T153000Z', 'DESCRIPTION:Join: https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0?context=%7b%7d.'),
      vevent('UID:zoom', 'DTSTART:20250312T150000Z', 'DTEND:20250312T153000Z', 'LOCATION:https://us02web.zoom.us/j/81234567890?pwd=abc'),
      vevent('UID:url', 'DTSTART:20250313T150000Z', 'DTEND:20250313T153000Z', 'URL:https://meet.google.com/xyz-abcd-efg?authuser=0'),
      vevent('UID:none', 'DTSTART:20250314T150000Z', 'DTEND:20250314T153000Z', 'LOCATION:Room 4'),
    );
    const byId = new Map(read(text, MARCH).events.map((e) => [e.event.id, e.event.conference]));
    expect(byId.get('meet')).toEqual({ provider: 'meet', id: 'abc-defg-hij', joinUrl: 'https://meet.google.com/abc-defg-hij' });
    expect(byId.get('teams')).toEqual({
      provider: 'teams',
      id: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0?context=%7b%7d',
      joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0?context=%7b%7d',
    });
    expect(byId.get('zoom')).toMatchObject({ provider: 'other', id: '81234567890' });
    expect(byId.get('url')).toMatchObject({ provider: 'meet', id: 'xyz-abcd-efg' });
    expect(byId.get('none')).toBeNull();
    expect(findConference([null, 'see https://teams.live.com/meet/9876543210'])).toMatchObject({ provider: 'teams' });
  });

  it('skips an event without UID or with a broken DTSTART and names it, keeping the rest', () => {
    const text = calendar(
      vevent('SUMMARY:No uid', 'DTSTART:20250310T150000Z'),
      vevent('UID:bad-date', 'SUMMARY:Bad', 'DTSTART:20251310T150000Z'),
      // ical.js alone would roll 30 February over to 2 March and book a meeting on the wrong day.
      vevent('UID:feb-30', 'SUMMARY:No such day', 'DTSTART:20250230T150000Z', 'DTEND:20250230T160000Z'),
      vevent('UID:good', 'SUMMARY:Good', 'DTSTART:20250310T150000Z', 'DTEND:20250310T160000Z'),
    );
    const { events, fileProblems } = read(text, MARCH);
    expect(events.map((e) => e.event.id)).toEqual(['good']);
    expect(fileProblems).toEqual([
      'event #1 ("No uid") skipped: it has no UID (every event needs one; re-export the calendar or add a UID line)',
      'event bad-date skipped: DTSTART is not a valid date-time',
      'event feb-30 skipped: DTSTART is not a valid date-time',
    ]);
  });

  it('reports a truncated file, a file that is not iCalendar, and an unknown TZID', () => {
    const truncated = calendar(vevent('UID:x', 'DTSTART:20250310T150000Z')).split('END:VEVENT')[0]!;
    expect(parseIcs(Buffer.from(truncated)).problems[0]).toMatch(/ends before its END:VCALENDAR/);
    expect(parseIcs(Buffer.from('hello world')).problems[0]).toMatch(/^not valid iCalendar/);
    expect(parseIcs(Buffer.from('')).problems).toEqual(['the file is empty; skipped']);
    const unknown = read(calendar(vevent('UID:tz', 'DTSTART;TZID=Mars/Olympus:20250310T150000')), MARCH, 'Europe/Berlin');
    expect(unknown.problems).toEqual(['TZID "Mars/Olympus" is neither defined in the file (VTIMEZONE) nor a known time zone; its times were read in Europe/Berlin']);
    expect(unknown.events[0]!.event.start.toISOString()).toBe('2025-03-10T14:00:00.000Z');
  });

  it('keeps the readable events of a file that ical.js rejects as a whole, naming the broken one', () => {
    const text = calendar(
      vevent('UID:fine-1', 'SUMMARY:Fine', 'DTSTART:20250310T100000Z'),
      vevent('UID:bad-rule', 'SUMMARY:Bad rule', 'DTSTART:20250311T100000Z', 'RRULE:FREQ=WEEKLY;BYDAY= TU'),
      vevent('UID:fine-2', 'SUMMARY:Also fine', 'DTSTART:20250312T100000Z'),
    ).replace('END:VCALENDAR', 'END:VCALENDAR\r\nX-COMMENT:cached copy');
    const { events, fileProblems } = read(text, MARCH);
    expect(events.map((e) => e.event.id)).toEqual(['fine-1', 'fine-2']);
    expect(fileProblems).toEqual(['event bad-rule skipped: invalid BYDAY value " TU"', '1 line(s) after END:VCALENDAR were ignored']);
  });

  it('reads Windows-1252 files and bare-CR line ends', () => {
    const text = calendar(vevent('UID:cp1252', 'SUMMARY:Caf\u00e9 meeting', 'DTSTART:20250310T150000Z')).replace(/\r\n/g, '\r');
    const bytes = Buffer.from(text, 'latin1');
    const parsed = parseIcs(bytes);
    expect(parsed.problems).toEqual(['not UTF-8; read as Windows-1252 (iCalendar files should be UTF-8)']);
    const { events } = readCalendarEvents(parsed, { calendarId: 'cal', floatingZone: 'UTC', range: MARCH });
    expect(events[0]!.event.title).toBe('Café meeting');
  });
});
