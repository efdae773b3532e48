import { readFile, rename, rm, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProviderError } from '../../src/ports/errors.js';
import type { CalendarProvider } from '../../src/ports/providers.js';
import { silentLogger } from '../../src/log.js';
import { encodeCalendarCursor } from '../../src/providers/local/vdir-cursor.mapper.js';
import { VdirCalendarAdapter } from '../../src/providers/local/vdir-calendar.adapter.js';
import { VdirClient } from '../../src/providers/local/vdir.client.js';
import { calendar, range, vevent } from './ics-fixtures.js';
import { makeLocalConfig, makeLocalProviders, makeTempDir } from './helpers.js';

const WINDOW = range('2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z');

describe('local vdir calendar: sync details', () => {
  let base: string;
  let dir: string;
  let provider: CalendarProvider;
  let remove: () => Promise<void>;

  beforeEach(async () => {
    ({ dir: base, remove } = await makeTempDir('vdir'));
    dir = join(base, 'calendar');
    provider = (await makeLocalProviders(makeLocalConfig({ baseDir: base }))).calendar;
  });
  afterEach(() => remove());

  const put = (name: string, ...events: string[][]) => writeFile(join(dir, name), calendar(...events));
  const single = (uid: string, start: string, extra: string[] = []) => vevent(`UID:${uid}`, `SUMMARY:${uid}`, `DTSTART:${start}`, 'DURATION:PT1H', ...extra);

  it('reports a malformed file by name and goes on with the others', async () => {
    await put('good.ics', single('good', '20250310T100000Z'));
    await writeFile(join(dir, 'broken.ics'), 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:cut\r\nDTSTART:2025');
    await writeFile(join(dir, 'notes.txt'), 'not a calendar file');
    await writeFile(join(dir, '.hidden.ics'), 'garbage');
    const result = await provider.sync({ cursor: null, window: WINDOW });
    expect(result.upserted.map((e) => e.id)).toEqual(['good']);
    expect(result.problems).toContainEqual({ where: 'broken.ics', message: expect.stringMatching(/^the file ends before its END:VCALENDAR \(truncated/) });
    expect(result.problems.every((p) => p.where === 'broken.ics')).toBe(true);
    // Reported once; an unchanged broken file is not read again.
    const next = await provider.sync({ cursor: result.cursor, window: WINDOW });
    expect(next.problems).toEqual([]);
  });

  it('re-reads only changed files', async () => {
    for (let i = 0; i < 20; i += 1) await put(`e${i}.ics`, single(`e${i}`, `202503${String(10 + i).padStart(2, '0')}T100000Z`));
    const first = await provider.sync({ cursor: null, window: WINDOW });
    expect(first.upserted).toHaveLength(20);
    await put('e3.ics', single('e3', '20250313T120000Z'));
    // A fresh adapter (as after a restart: no parse cache) that counts file reads.
    const client = new VdirClient(dir);
    const read = vi.spyOn(client, 'read');
    const fresh = new VdirCalendarAdapter({ calendarId: provider.calendarId, client, floatingZone: 'Europe/Berlin', repEmail: 'rep@followup.example', sender: null as never, now: () => new Date(), logger: silentLogger() });
    const next = await fresh.sync({ cursor: first.cursor, window: WINDOW });
    expect(next.upserted.map((e) => [e.id, e.start.toISOString()])).toEqual([['e3', '2025-03-13T12:00:00.000Z']]);
    expect(read.mock.calls).toEqual([['e3.ics']]);
  });

  it('reports every instance id of a removed series file as deleted', async () => {
    await put('series.ics', vevent('UID:series', 'DTSTART:20250303T090000Z', 'DURATION:PT30M', 'RRULE:FREQ=WEEKLY;COUNT=3'));
    const first = await provider.sync({ cursor: null, window: WINDOW });
    expect(first.upserted.map((e) => e.id)).toEqual(['series_20250303T090000Z', 'series_20250310T090000Z', 'series_20250317T090000Z']);
    await put('series.ics', vevent('UID:series', 'DTSTART:20250303T090000Z', 'DURATION:PT30M', 'RRULE:FREQ=WEEKLY;COUNT=3', 'EXDATE:20250310T090000Z'));
    const exdated = await provider.sync({ cursor: first.cursor, window: WINDOW });
    expect(exdated.deletedIds).toEqual(['series_20250310T090000Z']);
    await unlink(join(dir, 'series.ics'));
    const gone = await provider.sync({ cursor: exdated.cursor, window: WINDOW });
    expect(gone.deletedIds).toEqual(['series_20250303T090000Z', 'series_20250317T090000Z']);
  });

  it('brings in instances that enter a moving window, without re-reporting or deleting the others', async () => {
    await put('weekly.ics', vevent('UID:weekly', 'DTSTART:20250303T090000Z', 'DURATION:PT30M', 'RRULE:FREQ=WEEKLY'));
    await put('later.ics', single('later', '20250405T100000Z'));
    const first = await provider.sync({ cursor: null, window: WINDOW });
    expect(first.upserted.map((e) => e.id)).toEqual(['weekly_20250303T090000Z', 'weekly_20250310T090000Z', 'weekly_20250317T090000Z', 'weekly_20250324T090000Z', 'weekly_20250331T090000Z']);
    const moved = range('2025-03-08T00:00:00Z', '2025-04-08T00:00:00Z');
    const next = await provider.sync({ cursor: first.cursor, window: moved });
    expect(next.upserted.map((e) => e.id)).toEqual(['later', 'weekly_20250407T090000Z']);
    expect(next.deletedIds).toEqual([]);
    // A change to the series after the window moved: instances outside the window are not "deleted".
    await put('weekly.ics', vevent('UID:weekly', 'SUMMARY:renamed', 'DTSTART:20250303T090000Z', 'DURATION:PT30M', 'RRULE:FREQ=WEEKLY'));
    const renamed = await provider.sync({ cursor: next.cursor, window: moved });
    expect(renamed.deletedIds).toEqual([]);
    expect(renamed.upserted.map((e) => e.id)).toEqual(['weekly_20250310T090000Z', 'weekly_20250317T090000Z', 'weekly_20250324T090000Z', 'weekly_20250331T090000Z', 'weekly_20250407T090000Z']);
  });

  it('reports a single event moved out of the window with its new time, not as deleted', async () => {
    await put('a.ics', single('a', '20250310T100000Z'));
    const first = await provider.sync({ cursor: null, window: WINDOW });
    await put('a.ics', single('a', '20250610T100000Z'));
    const next = await provider.sync({ cursor: first.cursor, window: WINDOW });
    expect(next.deletedIds).toEqual([]);
    expect(next.upserted.map((e) => [e.id, e.start.toISOString()])).toEqual([['a', '2025-06-10T10:00:00.000Z']]);
  });

  it('notices a rewrite that keeps the size and the modification time (inode changes)', async () => {
    await put('a.ics', single('a', '20250310T100000Z'));
    const first = await provider.sync({ cursor: null, window: WINDOW });
    const text = await readFile(join(dir, 'a.ics'), 'utf8');
    await writeFile(join(dir, 'a.tmp'), text.replace('20250310T100000Z', '20250311T100000Z'));
    await utimes(join(dir, 'a.tmp'), new Date(), new Date(0));
    await rename(join(dir, 'a.tmp'), join(dir, 'a.ics'));
    const next = await provider.sync({ cursor: first.cursor, window: WINDOW });
    expect(next.upserted.map((e) => e.start.toISOString())).toEqual(['2025-03-11T10:00:00.000Z']);
  });

  it('keeps one copy of a UID found in two files and says where the other is', async () => {
    await put('a.ics', single('dup', '20250310T100000Z'));
    await put('b.ics', single('dup', '20250311T100000Z'));
    const result = await provider.sync({ cursor: null, window: WINDOW });
    expect(result.upserted.map((e) => [e.id, e.start.toISOString()])).toEqual([['dup', '2025-03-10T10:00:00.000Z']]);
    expect(result.problems).toEqual([{ where: 'b.ics', message: 'event dup is also in a.ics; skipped here (each UID belongs in one file)' }]);
  });

  it('throws CURSOR_EXPIRED for a cursor of an old version, another calendar or a replaced folder', async () => {
    await put('a.ics', single('a', '20250310T100000Z'));
    const { cursor } = await provider.sync({ cursor: null, window: WINDOW });
    const expectExpired = async (c: string, message: RegExp) => {
      const err = await provider.sync({ cursor: c, window: WINDOW }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ProviderError);
      expect((err as ProviderError).code).toBe('CURSOR_EXPIRED');
      expect((err as ProviderError).message).toMatch(message);
    };
    await expectExpired('c0.eyJ2IjowfQ', /not a local-calendar cursor of this version/);
    await expectExpired(`${cursor.slice(0, 20)}xx`, /damaged/);
    await expectExpired(encodeCalendarCursor({ cal: 'local:someone-else', dir: 'x', w: [0, 1], f: {} }), /another calendar/);
    await expectExpired('', /not a local-calendar cursor/);
  });

  it('says plainly when the calendar folder is gone (and does not recreate it)', async () => {
    await rm(dir, { recursive: true });
    const err = await provider.sync({ cursor: null, window: WINDOW }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as ProviderError).code).toBe('NOT_FOUND');
    expect((err as ProviderError).message).toMatch(/calendar folder is missing.*fix local\.calendarDir/);
  });

  it('freeBusy leaves out transparent, cancelled and rep-declined events, and merges overlaps', async () => {
    await put('a.ics', single('a', '20250310T090000Z'));
    await put('b.ics', single('b', '20250310T093000Z'));
    await put('transparent.ics', single('t', '20250310T120000Z', ['TRANSP:TRANSPARENT']));
    await put('cancelled.ics', single('c', '20250310T130000Z', ['STATUS:CANCELLED']));
    await put('declined.ics', single('d', '20250310T140000Z', ['ATTENDEE;PARTSTAT=DECLINED:mailto:rep@followup.example']));
    await put('tentative.ics', single('e', '20250310T150000Z', ['STATUS:TENTATIVE', 'ATTENDEE;PARTSTAT=DECLINED:mailto:pat@client.example']));
    const busy = await provider.freeBusy(range('2025-03-10T00:00:00Z', '2025-03-10T15:30:00Z'));
    expect(busy.map((b) => [b.start.toISOString(), b.end.toISOString()])).toEqual([
      ['2025-03-10T09:00:00.000Z', '2025-03-10T10:30:00.000Z'],
      ['2025-03-10T15:00:00.000Z', '2025-03-10T15:30:00.000Z'],
    ]);
  });
});
