import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openRuntime } from '../../src/app/runtime.js';
import { parseConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { FeedCalendarAdapter } from '../../src/providers/local/feed-calendar.adapter.js';
import { feedHttpUrl } from '../../src/providers/local/ics-feed.client.js';
import { runTick } from '../../src/worker/tick.js';
import { makeLocalConfig, makeLocalProviders, makeTempDir } from './helpers.js';
import { eventIcs } from './local-harness.js';

/** Read-only .ics feeds next to an account's calendar: polled with ETag, never written. */
const WINDOW = { start: new Date('2030-06-01T00:00:00Z'), end: new Date('2030-07-01T00:00:00Z') };

function feedIcs(events: { uid: string; start: string; title: string }[]): string {
  const body = events
    .map((e) => `BEGIN:VEVENT\r\nUID:${e.uid}\r\nDTSTAMP:20300101T000000Z\r\nDTSTART;TZID=W. Europe Standard Time:${e.start}\r\nDURATION:PT1H\r\nSUMMARY:${e.title}\r\nEND:VEVENT\r\n`)
    .join('');
  return `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Microsoft Corporation//Outlook 16.0//EN\r\n${body}END:VCALENDAR\r\n`;
}

describe('calendar feeds', () => {
  let server: Server;
  let url: string;
  let body = '';
  let status = 200;
  const requests: { method: string; ifNoneMatch: string | undefined }[] = [];
  let temp: { dir: string; remove: () => Promise<void> };

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push({ method: req.method ?? '', ifNoneMatch: req.headers['if-none-match'] });
      if (status !== 200) return res.writeHead(status).end();
      const etag = `"${Buffer.from(body).length}-${body.length % 97}"`;
      if (req.headers['if-none-match'] === etag) return res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'text/calendar', etag }).end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/team.ics`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(async () => {
    temp = await makeTempDir('feeds');
    requests.length = 0;
    status = 200;
    body = feedIcs([
      { uid: 'offsite', start: '20300604T090000', title: 'Team offsite' },
      { uid: 'review', start: '20300605T140000', title: 'Quarterly review' },
    ]);
  });
  afterEach(() => temp.remove());

  async function adapter() {
    const inner = (await makeLocalProviders(makeLocalConfig({ baseDir: temp.dir }))).calendar;
    writeFileSync(join(temp.dir, 'calendar', 'own.ics'), eventIcs({ uid: 'own', title: 'Own call', start: new Date('2030-06-03T10:00:00Z'), end: new Date('2030-06-03T10:30:00Z'), attendees: [] }));
    return new FeedCalendarAdapter({ inner, feeds: [url], floatingZone: 'America/New_York', repEmail: 'rep@followup.example', logger: silentLogger() });
  }

  it('syncs feed events with the calendar, at the right time, then costs one 304 while unchanged', async () => {
    const cal = await adapter();
    const first = await cal.sync({ cursor: null, window: WINDOW });
    expect(first.full).toBe(true);
    const titles = Object.fromEntries(first.upserted.map((e) => [e.title, e]));
    expect(Object.keys(titles).sort()).toEqual(['Own call', 'Quarterly review', 'Team offsite']);
    expect(titles['Team offsite']!.start.toISOString()).toBe('2030-06-04T07:00:00.000Z'); // Berlin summer time
    expect(titles['Team offsite']!.calendarId).toBe(cal.calendarId);
    expect(titles['Team offsite']!.id).toMatch(/^feed-[0-9a-f]{8}-offsite$/);
    expect(first.problems).toEqual([]);

    const second = await cal.sync({ cursor: first.cursor, window: WINDOW });
    expect(second.upserted).toEqual([]);
    expect(second.deletedIds).toEqual([]);
    expect(requests.at(-1)?.ifNoneMatch).toBeTruthy();

    body = feedIcs([{ uid: 'offsite', start: '20300604T110000', title: 'Team offsite (moved)' }]);
    const third = await cal.sync({ cursor: second.cursor, window: WINDOW });
    expect(third.upserted.map((e) => [e.title, e.start.toISOString()])).toEqual([['Team offsite (moved)', '2030-06-04T09:00:00.000Z']]);
    expect(third.deletedIds).toEqual([first.upserted.find((e) => e.title === 'Quarterly review')!.id]);
  });

  it('a feed that fails is a problem naming it; the calendar syncs on and the feed events stay', async () => {
    const cal = await adapter();
    const first = await cal.sync({ cursor: null, window: WINDOW });
    status = 503;
    writeFileSync(join(temp.dir, 'calendar', 'new.ics'), eventIcs({ uid: 'new', title: 'New call', start: new Date('2030-06-06T10:00:00Z'), end: new Date('2030-06-06T10:30:00Z'), attendees: [] }));
    const next = await cal.sync({ cursor: first.cursor, window: WINDOW });
    expect(next.upserted.map((e) => e.title)).toEqual(['New call']);
    expect(next.deletedIds).toEqual([]);
    expect(next.problems).toEqual([{ where: `feed ${url}`, message: expect.stringContaining('HTTP 503') }]);
  });

  it('feed events are busy time, and a booking is written to the account calendar, never to the feed', async () => {
    const cal = await adapter();
    await cal.sync({ cursor: null, window: WINDOW });
    const busy = await cal.freeBusy({ start: new Date('2030-06-04T00:00:00Z'), end: new Date('2030-06-05T00:00:00Z') });
    expect(busy.map((b) => [b.start.toISOString(), b.end.toISOString()])).toEqual([['2030-06-04T07:00:00.000Z', '2030-06-04T08:00:00.000Z']]);
    const booking = {
      id: 'bk_feedtest00000000001', accountId: 'rep1', prospectId: 'p', prospectEmail: 'pat@client.example', prospectName: 'Pat', organizerEmail: 'rep@followup.example', organizerName: 'Robin Rep',
      title: 'Call', description: '', start: new Date('2030-06-07T14:00:00Z'), end: new Date('2030-06-07T14:30:00Z'), timeZone: 'Europe/Berlin', reminderMinutes: 15, conference: false,
      thread: { inReplyTo: null, references: [], subject: 'x' },
    };
    await cal.book(booking);
    expect(readdirSync(join(temp.dir, 'calendar'))).toContain(`${booking.id}.ics`);
    expect(requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it('webcal:// is read over https', () => {
    expect(feedHttpUrl('webcal://calendar.example/team.ics')).toBe('https://calendar.example/team.ics');
  });

  it('`feeds:` in the config joins the feed to the account for the worker', async () => {
    for (const folder of ['calendar', 'inbox']) mkdirSync(join(temp.dir, folder), { recursive: true });
    const configPath = join(temp.dir, 'followup.yaml');
    writeFileSync(configPath, `store: { sqlitePath: ./f.db }\nweb: { digest: false }\naccounts:\n  - { id: rep, name: Robin, email: rep@followup.example, timeZone: Europe/Berlin, provider: local, feeds: ["${url}"], local: { calendarDir: ./calendar, maildir: ./inbox, outgoing: { kind: maildir, dir: ./outbox } } }\n`);
    expect(() => parseConfig('accounts: [{ id: a, name: A, email: a@b.example, timeZone: UTC, provider: local, feeds: ["ftp://x"], local: { calendarDir: c, maildir: m, outgoing: { kind: maildir, dir: o } } }]', 'x.yaml')).toThrow(/feeds\[0\].*https:\/\/ or webcal:\/\//);
    const runtime = await openRuntime({ config: configPath, logger: silentLogger() });
    try {
      const summary = await runTick(await runtime.context(new Date('2030-06-02T08:00:00Z')));
      expect(summary.synced[0]!.upserted).toBe(2);
      expect(summary.problems).toEqual([]);
    } finally {
      await runtime.close();
    }
  });
});
