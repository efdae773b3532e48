import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../../src/app/runtime.js';
import { buildDemoScenario } from '../../src/demo/build-scenario.js';
import { seedLocalWorkspace } from '../../src/demo/seed-local.js';
import { silentLogger } from '../../src/log.js';
import { runTick } from '../../src/worker/tick.js';
import { makeLocalConfig, makeLocalProviders, makeTempDir } from './helpers.js';

/**
 * Files renamed under followup (issue 10, item 6): mbsync rebuilding a Maildir gives every
 * message a new file name (and time); vdirsyncer renames a booking's file. Messages are known by
 * Message-ID, bookings by UID, never by file name: nothing is acted on twice, and a booking is
 * never written again under a second name (vdirsyncer would then abort on the duplicate UID).
 */
const NOW = new Date('2026-11-23T15:00:00Z');

function icsFiles(dir: string): string[] {
  return readdirSync(join(dir, 'calendar')).filter((n) => n.endsWith('.ics'));
}

/** What mbsync does when it rebuilds the folder: every message under a new name, new times, in cur/. */
function rebuildMaildir(maildir: string, at: Date): void {
  let n = 0;
  for (const sub of ['new', 'cur']) {
    for (const name of readdirSync(join(maildir, sub))) {
      n += 1;
      const target = join(maildir, 'cur', `${Math.floor(at.getTime() / 1000)}.R${n}x${process.pid}.rebuilt,U=${n}:2,S`);
      renameSync(join(maildir, sub, name), target);
      utimesSync(target, at, at);
    }
  }
}

describe('a Maildir re-downloaded and a booking file renamed', () => {
  let dir: string;
  let rt: Runtime;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'followup-redownload-'));
    rt = await openRuntime({ config: seedLocalWorkspace(dir, buildDemoScenario(NOW)), logger: silentLogger() });
  });
  afterEach(async () => {
    await rt.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('nothing is acted on twice, and the renamed booking is not written again', async () => {
    const first = await runTick(await rt.context(NOW));
    expect(first.booked.length).toBeGreaterThan(0);
    expect(first.replies.length).toBeGreaterThan(0);
    const bookingFiles = icsFiles(dir).filter((n) => readFileSync(join(dir, 'calendar', n), 'utf8').includes('@followup'));
    expect(bookingFiles).toHaveLength(first.booked.length);
    const drafts = (await rt.store.listDrafts({})).length;
    const bookings = (await Promise.all(rt.prospects.map((p) => rt.store.listBookings(p.id)))).flat().length;
    const outbox = readdirSync(join(dir, 'mail', 'outbox', 'new')).length;

    // vdirsyncer renames the booking's file (to its own href); mbsync rebuilds the inbox.
    for (const [i, name] of bookingFiles.entries()) renameSync(join(dir, 'calendar', name), join(dir, 'calendar', `vdirsyncer-${i}-a1b2c3.ics`));
    const later = new Date(NOW.getTime() + 20 * 60_000);
    rebuildMaildir(join(dir, 'mail', 'inbox'), new Date());
    mkdirSync(join(dir, 'mail', 'inbox', 'new'), { recursive: true });

    const second = await runTick(await rt.context(later));
    expect(second.replies).toEqual([]);
    expect(second.booked).toEqual([]);
    expect(second.problems).toEqual([]);
    expect((await rt.store.listDrafts({})).length).toBe(drafts);
    expect((await Promise.all(rt.prospects.map((p) => rt.store.listBookings(p.id)))).flat().length).toBe(bookings);
    expect(readdirSync(join(dir, 'mail', 'outbox', 'new')).length).toBe(outbox);
    const uids = icsFiles(dir).flatMap((n) => [...readFileSync(join(dir, 'calendar', n), 'utf8').matchAll(/^UID:(.*@followup)\r?$/gm)].map((m) => m[1]));
    expect(new Set(uids).size).toBe(uids.length);
  });
});

describe('a booking whose file vdirsyncer renamed', () => {
  it('is found by its UID when booked again (a retry), not written under a second name', async () => {
    const temp = await makeTempDir('vdir-rename');
    try {
      const providers = await makeLocalProviders(makeLocalConfig({ baseDir: temp.dir }));
      const booking = {
        id: 'bk_rename_1', accountId: 'rep1', prospectId: 'p1', prospectEmail: 'pat@client.example', prospectName: 'Pat', organizerEmail: 'rep@followup.example',
        organizerName: 'Robin Rep', title: 'Pat / Robin', description: '', start: new Date('2030-06-04T14:00:00Z'), end: new Date('2030-06-04T14:30:00Z'),
        timeZone: 'UTC', reminderMinutes: 15, conference: false, thread: { references: [] },
      };
      const first = await providers.calendar.book(booking);
      expect(first.created).toBe(true);
      const [name] = icsFiles(temp.dir);
      renameSync(join(temp.dir, 'calendar', name!), join(temp.dir, 'calendar', '6f2b1c-vdirsyncer-href.ics'));
      const again = await providers.calendar.book(booking);
      expect(again).toMatchObject({ eventId: first.eventId, created: false });
      expect(icsFiles(temp.dir)).toEqual(['6f2b1c-vdirsyncer-href.ics']);
    } finally {
      await temp.remove();
    }
  });
});
