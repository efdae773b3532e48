import { describe, expect, it } from 'vitest';
import { readCalendarEvents } from '../../src/providers/local/ics-event.mapper.js';
import { parseIcs } from '../../src/providers/local/ics.parser.js';

/**
 * Calendar files as other vendors write them: Windows zone names with no VTIMEZONE (Office 365,
 * Exchange), and several versions of one event in one file (iTIP updates kept together).
 */
const RANGE = { start: new Date('2020-01-01T00:00:00Z'), end: new Date('2035-01-01T00:00:00Z') };

function read(ics: string, floatingZone = 'America/Chicago') {
  const parsed = parseIcs(Buffer.from(ics.replace(/\n/g, '\r\n')));
  const r = readCalendarEvents(parsed, { calendarId: 'c', floatingZone, range: RANGE });
  return { events: r.events.map((e) => e.event), problems: [...parsed.problems, ...r.problems] };
}

function office(tzid: string, start: string, end: string): string {
  return `BEGIN:VCALENDAR
METHOD:REQUEST
PRODID:Microsoft Exchange Server 2010
VERSION:2.0
BEGIN:VEVENT
UID:040000008200E00074C5B7101A82E008
SUMMARY:Review
DTSTART;TZID=${tzid}:${start}
DTEND;TZID=${tzid}:${end}
DTSTAMP:20300101T000000Z
ORGANIZER;CN=Kim:mailto:kim@contoso.example
END:VEVENT
END:VCALENDAR
`;
}

describe('Windows zone names with no VTIMEZONE map to IANA zones (CLDR windowsZones)', () => {
  it.each([
    // east of UTC, both sides of the EU DST change (last Sunday of March 2030: 31 March)
    ['W. Europe Standard Time', '20300329T150000', '2030-03-29T14:00:00.000Z'],
    ['W. Europe Standard Time', '20300401T150000', '2030-04-01T13:00:00.000Z'],
    ['"W. Europe Standard Time"', '20301104T090000', '2030-11-04T08:00:00.000Z'],
    ['GMT Standard Time', '20300701T090000', '2030-07-01T08:00:00.000Z'],
    ['Tokyo Standard Time', '20300105T090000', '2030-01-05T00:00:00.000Z'],
    ['India Standard Time', '20300105T090000', '2030-01-05T03:30:00.000Z'],
    // west of UTC, both sides of the US change (second Sunday of March 2030: 10 March)
    ['Pacific Standard Time', '20300308T090000', '2030-03-08T17:00:00.000Z'],
    ['Pacific Standard Time', '20300311T090000', '2030-03-11T16:00:00.000Z'],
    ['Eastern Standard Time', '20301215T090000', '2030-12-15T14:00:00.000Z'],
  ])('%s %s is %s, with no warning', (tzid, start, expected) => {
    const { events, problems } = read(office(tzid, start, start.replace(/T(\d\d)/, (_, h: string) => `T${String(Number(h) + 1).padStart(2, '0')}`)));
    expect(events).toHaveLength(1);
    expect(events[0]!.start.toISOString()).toBe(expected);
    expect(problems).toEqual([]);
  });

  it('a zone that is neither IANA, Windows nor defined is read in the floating zone and named in a problem', () => {
    const { events, problems } = read(office('Customized Time Zone', '20300401T150000', '20300401T160000'), 'Europe/Berlin');
    expect(events[0]!.start.toISOString()).toBe('2030-04-01T13:00:00.000Z');
    expect(problems.join('\n')).toContain('TZID "Customized Time Zone"');
  });

  it('a VTIMEZONE in the file still wins over the table', () => {
    const ics = office('W. Europe Standard Time', '20300701T090000', '20300701T100000').replace(
      'BEGIN:VEVENT',
      'BEGIN:VTIMEZONE\nTZID:W. Europe Standard Time\nBEGIN:STANDARD\nDTSTART:16010101T000000\nTZOFFSETFROM:+0000\nTZOFFSETTO:+0000\nEND:STANDARD\nEND:VTIMEZONE\nBEGIN:VEVENT',
    );
    expect(read(ics).events[0]!.start.toISOString()).toBe('2030-07-01T09:00:00.000Z');
  });
});

function version(v: { sequence?: number; dtstamp: string; start: string; title: string; rid?: string }): string {
  return `BEGIN:VEVENT
UID:update-1@vendor.example
${v.rid ? `RECURRENCE-ID:${v.rid}\n` : ''}${v.sequence === undefined ? '' : `SEQUENCE:${v.sequence}\n`}DTSTAMP:${v.dtstamp}
DTSTART:${v.start}
DURATION:PT30M
SUMMARY:${v.title}
END:VEVENT
`;
}

const wrap = (...vevents: string[]) => `BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//t//EN\n${vevents.join('')}END:VCALENDAR\n`;

describe('several VEVENTs with one UID: the highest SEQUENCE wins, then the latest DTSTAMP', () => {
  it.each([
    ['a higher SEQUENCE after the first', [{ sequence: 0, title: 'old' }, { sequence: 2, title: 'new' }]],
    ['a higher SEQUENCE before the first', [{ sequence: 3, title: 'new' }, { sequence: 1, title: 'old' }]],
    ['no SEQUENCE counts as 0', [{ title: 'old' }, { sequence: 1, title: 'new' }]],
    ['equal SEQUENCE: the later DTSTAMP', [{ sequence: 1, title: 'new', dtstamp: '20300102T000000Z' }, { sequence: 1, title: 'old', dtstamp: '20300101T000000Z' }]],
    ['equal SEQUENCE, later DTSTAMP second', [{ sequence: 1, title: 'old', dtstamp: '20300101T000000Z' }, { sequence: 1, title: 'new', dtstamp: '20300103T000000Z' }]],
  ] as const)('%s', (_label, versions) => {
    const ics = wrap(...versions.map((v, i) => version({ dtstamp: 'dtstamp' in v ? v.dtstamp : '20300101T000000Z', start: `2030060${i + 3}T100000Z`, ...v })));
    const { events, problems } = read(ics);
    expect(events).toHaveLength(1);
    expect(events[0]!.title).toBe('new');
    expect(problems.join('\n')).toMatch(/2 VEVENTs share this UID.*read the latest/);
  });

  it('applies to overrides of one occurrence too', () => {
    const master = `BEGIN:VEVENT\nUID:update-1@vendor.example\nDTSTAMP:20300101T000000Z\nDTSTART:20300603T100000Z\nDURATION:PT30M\nRRULE:FREQ=DAILY;COUNT=3\nSUMMARY:series\nEND:VEVENT\n`;
    const ics = wrap(
      master,
      version({ rid: '20300604T100000Z', sequence: 1, dtstamp: '20300101T000000Z', start: '20300604T120000Z', title: 'moved once' }),
      version({ rid: '20300604T100000Z', sequence: 2, dtstamp: '20300101T000000Z', start: '20300604T150000Z', title: 'moved again' }),
    );
    const second = read(ics).events.filter((e) => e.id === 'update-1@vendor.example_20300604T100000Z');
    expect(second).toHaveLength(1);
    expect(second[0]!.title).toBe('moved again');
    expect(second[0]!.start.toISOString()).toBe('2030-06-04T15:00:00.000Z');
  });
});
