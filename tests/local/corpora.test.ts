import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { simpleParser } from 'mailparser';
import { basename, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarProvider } from '../../src/ports/providers.js';
import { readCalendarEvents } from '../../src/providers/local/ics-event.mapper.js';
import { parseIcs } from '../../src/providers/local/ics.parser.js';
import { makeLocalConfig, makeLocalProviders, makeTempDir } from './helpers.js';
import { CORPORA_DIR, corporaPresent } from '../support/corpora.js';

/**
 * Every calendar file of the public corpora (../shared/corpora, see SOURCES.md) is read
 * without throwing; what cannot be read comes back as problems. The numbers are printed and
 * held to floors, so a regression in the reader shows up here.
 */
const CORPORA = CORPORA_DIR;
const SETS: { name: string; root: string; filter?: (path: string) => boolean }[] = [
  { name: 'node-ical', root: join(CORPORA, 'node-ical') },
  { name: 'khal', root: join(CORPORA, 'khal') },
  { name: 'ical4j valid', root: join(CORPORA, 'ical4j'), filter: (p) => p.split('/').includes('valid') },
  { name: 'ical.js samples', root: join(CORPORA, 'ical.js/samples') },
  { name: 'collective-icalendar', root: join(CORPORA, 'collective-icalendar') },
];
const INVALID_ICAL4J = join(CORPORA, 'ical4j/src/test/resources/samples/invalid');
const WINDOW = { start: new Date('1995-01-01T00:00:00Z'), end: new Date('2035-01-01T00:00:00Z') };

async function icsFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && /\.ics$/i.test(e.name)).map((e) => join(e.parentPath, e.name)).sort();
}

/** Whether the file has events at all, outside the test window (read, but nothing to report in it). */
async function hasEventsOutsideWindow(bytes: Buffer): Promise<boolean> {
  const wide = { start: new Date('1000-01-01T00:00:00Z'), end: new Date('3000-01-01T00:00:00Z') };
  return readCalendarEvents(parseIcs(bytes), { calendarId: 'corpus', floatingZone: 'Europe/Berlin', range: wide }).events.length > 0;
}

interface SetStats {
  set: string;
  files: number;
  clean: number;
  withProblems: number;
  unreadable: number;
  events: number;
}

describe.skipIf(!corporaPresent())('public iCalendar corpora', () => {
  it('reads every .ics without throwing; failures are problems', async () => {
    const table: SetStats[] = [];
    for (const set of SETS) {
      const files = (await icsFiles(set.root)).filter((p) => !set.filter || set.filter(relative(set.root, p)));
      const stats: SetStats = { set: set.name, files: files.length, clean: 0, withProblems: 0, unreadable: 0, events: 0 };
      for (const file of files) {
        const parsed = parseIcs(await readFile(file));
        const read = readCalendarEvents(parsed, { calendarId: 'corpus', floatingZone: 'Europe/Berlin', range: WINDOW });
        const problems = [...parsed.problems, ...read.problems];
        for (const p of problems) expect(typeof p, file).toBe('string');
        stats.events += read.events.length;
        if (parsed.calendars.length === 0) stats.unreadable += 1;
        else if (problems.length === 0) stats.clean += 1;
        else stats.withProblems += 1;
      }
      table.push(stats);
    }
    console.table(table);
    const total = table.reduce((sum, s) => sum + s.files, 0);
    const read = table.reduce((sum, s) => sum + s.clean + s.withProblems, 0);
    console.log(`corpora: ${read} of ${total} files read (${table.reduce((s, t) => s + t.clean, 0)} without any problem), ${table.reduce((s, t) => s + t.events, 0)} events`);
    expect(total).toBeGreaterThan(300);
    // Floors measured when this test was written; raise them when the reader improves.
    for (const s of table) expect(s.clean + s.withProblems, s.set).toBeGreaterThanOrEqual(Math.floor(s.files * 0.9));
  }, 120_000);

  it('every calendar file of every set is read, or each event left out is named with its file and the reason', async () => {
    const files = await icsFiles(CORPORA);
    const counts = { files: files.length, withEvents: 0, noEventsInside: 0, skippedWithReason: 0 };
    const silent: string[] = [];
    for (const file of files) {
      const bytes = await readFile(file);
      const parsed = parseIcs(bytes);
      const read = readCalendarEvents(parsed, { calendarId: 'corpus', floatingZone: 'Europe/Berlin', range: WINDOW });
      const problems = [...parsed.problems, ...read.problems];
      for (const p of problems) expect(p.length, relative(CORPORA, file)).toBeGreaterThan(10);
      const vevents = (bytes.toString('latin1').match(/^BEGIN:VEVENT/gim) ?? []).length;
      if (read.events.length > 0) counts.withEvents += 1;
      else if (vevents === 0) counts.noEventsInside += 1; // to-dos, journals, free/busy, zones only
      else if (problems.length > 0) counts.skippedWithReason += 1;
      else if (!(await hasEventsOutsideWindow(bytes))) silent.push(relative(CORPORA, file));
    }
    console.log(`all corpora: ${JSON.stringify(counts)}`);
    expect(counts.files).toBeGreaterThan(550);
    // No file with events is dropped without a word.
    expect(silent).toEqual([]);
  }, 180_000);

  it('reads other vendors’ files and invitations at the right instants', async () => {
    const strip = (text: string) => text.replace(/BEGIN:VTIMEZONE[\s\S]*?END:VTIMEZONE\r?\n/g, '');
    const cases: { file: string; title: string; start: string; transform?: (t: string) => string }[] = [
      // Office 365 with a Windows zone name, with and without its VTIMEZONE (NZ daylight time, +13)
      { file: 'allenporter-ical/tests/compat/testdata/office_360_nz_tz.ics', title: '9am local Wednesday event', start: '2025-10-07T20:00:00.000Z' },
      { file: 'allenporter-ical/tests/compat/testdata/office_360_nz_tz.ics', title: '10am local time Saturday event', start: '2025-10-10T21:00:00.000Z', transform: strip },
      { file: 'allenporter-ical/tests/compat/testdata/office_365_extended_timezone.ics', title: 'Uffe', start: '2024-04-26T12:00:00.000Z', transform: strip },
      { file: 'node-ical/test/fixtures/ms_timezones.ics', title: 'test', start: '2020-09-10T07:00:00.000Z', transform: strip },
      // Google (east of UTC), Apple (west of UTC)
      { file: 'node-ical/test/fixtures/google-calendar-kiev-tz.ics', title: 'bla bla', start: '2016-08-26T11:00:00.000Z' },
      { file: 'node-ical/test/fixtures/tentative-apple-calendar.ics', title: 'Confirmed', start: '2022-07-05T16:00:00.000Z' },
    ];
    for (const c of cases) {
      const text = await readFile(join(CORPORA, c.file), 'utf8');
      const parsed = parseIcs(Buffer.from(c.transform ? c.transform(text) : text));
      const events = readCalendarEvents(parsed, { calendarId: 'corpus', floatingZone: 'America/Los_Angeles', range: WINDOW }).events;
      expect(events.find((e) => e.event.title === c.title)?.event.start.toISOString(), `${c.file}: ${c.title}`).toBe(c.start);
    }
    // A real Google Calendar invitation email (iMIP): its text/calendar part.
    const mail = await simpleParser(await readFile(join(CORPORA, 'postal-mime/test/fixtures/calendar-event.eml')));
    const invite = mail.attachments.find((a) => a.contentType === 'text/calendar')!;
    const events = readCalendarEvents(parseIcs(invite.content), { calendarId: 'corpus', floatingZone: 'America/Los_Angeles', range: WINDOW }).events;
    expect(events.map((e) => [e.event.title, e.event.start.toISOString()])).toEqual([['Test event ⏰', '2024-04-11T08:00:00.000Z']]);
  });

  describe('through a vdir sync', () => {
    let base: string;
    let remove: () => Promise<void>;
    let provider: CalendarProvider;
    let invalid: string[];

    beforeAll(async () => {
      ({ dir: base, remove } = await makeTempDir('corpora'));
      provider = (await makeLocalProviders(makeLocalConfig({ baseDir: base }))).calendar;
      invalid = (await readdir(INVALID_ICAL4J)).filter((n) => n.endsWith('.ics'));
      for (const name of invalid) await copyFile(join(INVALID_ICAL4J, name), join(base, 'calendar', `invalid-${name}`));
      const valid = join(CORPORA, 'ical4j/src/test/resources/samples/valid/incoming.ics'); // UID calsrv.example.com-873970198738777@example.com
      const whole = await readFile(join(CORPORA, 'khal/tests/ics/event_rrule_recuid.ics'), 'utf8');
      await writeFile(join(base, 'calendar', 'truncated.ics'), whole.slice(0, Math.floor(whole.length / 2)));
      await writeFile(join(base, 'calendar', 'meeting.ics'), await readFile(valid));
      await copyFile(join(CORPORA, 'khal/tests/ics/event_rrule_recuid.ics'), join(base, 'calendar', 'series.ics'));
    });

    it('names every corpus file it could not read in full, by file name, in one sync of all of them', async () => {
      const all = await makeTempDir('corpora-all');
      try {
        const cal = (await makeLocalProviders(makeLocalConfig({ baseDir: all.dir }))).calendar;
        await mkdir(join(all.dir, 'calendar'), { recursive: true });
        const expected = new Set<string>();
        for (const file of await icsFiles(CORPORA)) {
          const name = relative(CORPORA, file).replace(/[\\/]/g, '__');
          const bytes = await readFile(file);
          await writeFile(join(all.dir, 'calendar', name), bytes);
          const parsed = parseIcs(bytes);
          const read = readCalendarEvents(parsed, { calendarId: 'c', floatingZone: 'Europe/Berlin', range: WINDOW });
          if (parsed.problems.length + read.problems.length > 0) expected.add(name);
        }
        const result = await cal.sync({ cursor: null, window: WINDOW });
        const named = new Set(result.problems.map((p) => p.where));
        const missing = [...expected].filter((n) => !named.has(n));
        console.log(`vdir sync of every corpus file: ${result.upserted.length} events, problems named in ${named.size} files`);
        expect(missing).toEqual([]);
      } finally {
        await all.remove();
      }
    }, 180_000);
    afterAll(() => remove());

    it('names each invalid ical4j sample and a truncated file in problems, and still reads the rest', async () => {
      const result = await provider.sync({ cursor: null, window: WINDOW });
      const where = new Set(result.problems.map((p) => p.where));
      for (const name of invalid) expect(where.has(`invalid-${name}`), `invalid-${name}`).toBe(true);
      expect(result.problems.find((p) => p.where === 'truncated.ics')?.message).toMatch(/ends before its END:VCALENDAR/);
      for (const p of result.problems) expect(p.message.length).toBeGreaterThan(10);
      // The valid files next to them were read.
      expect(result.upserted.some((e) => e.uid === 'calsrv.example.com-873970198738777@example.com')).toBe(true);
      expect(result.upserted.filter((e) => e.uid === 'event_rrule_recurrence_id').length).toBeGreaterThan(1);
      console.log(`vdir sync of ${invalid.length} invalid ical4j samples + 3 files: ${result.upserted.length} events, ${result.problems.length} problems in ${where.size} files`);
      expect(basename(INVALID_ICAL4J)).toBe('invalid');
    }, 60_000);
  });
});
