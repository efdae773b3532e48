import { appendFileSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseProspects, ProspectsSource } from '../../src/app/prospects-file.js';
import { openRuntime } from '../../src/app/runtime.js';
import { buildDemoScenario } from '../../src/demo/build-scenario.js';
import { seedLocalWorkspace } from '../../src/demo/seed-local.js';
import { silentLogger } from '../../src/log.js';
import { runTick } from '../../src/worker/tick.js';

const FILE = 'prospects.yaml';
const GOOD = '- { email: ann@a.example, name: Ann, timeZone: Europe/Paris }\n';

describe('the prospects file', () => {
  it('skips a bad entry with a message naming it and the key, and keeps every good one', () => {
    const text = [
      GOOD,
      '- { email: bob@b.example, name: Bob, timeZone: Mars/Base }',
      '- { email: not-an-address, name: Cy, timeZone: UTC }',
      '- { email: dee@d.example, name: Dee, timeZone: UTC, account: nobody }',
      '- { email: ANN@a.example, name: Ann again, timeZone: UTC }',
      '- { email: eve@e.example, name: Eve, timeZone: Asia/Tokyo, nextStep: { what: call, due: "2026-12-01T10:00:00Z" } }',
    ].join('\n');
    const { prospects, problems } = parseProspects(text, FILE, ['rep']);
    expect(prospects.map((p) => p.email)).toEqual(['ann@a.example', 'eve@e.example']);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^prospects\.yaml, entry \[1\] \(bob@b\.example\) skipped: timeZone: an IANA time zone.*the next run picks it up\.$/);
    expect(problems[1]).toMatch(/entry \[2\] \(not-an-address\) skipped: email: /);
    expect(problems[2]).toMatch(/entry \[3\] \(dee@d\.example\) skipped: account "nobody" is not an account id in the config \(rep\)/);
    expect(problems[3]).toMatch(/entry \[4\] \(ANN@a\.example\) skipped: ANN@a\.example is listed twice for account rep; the first entry is used/);
  });

  it('refuses a file it cannot read as a list at all, and reads an empty one as no prospects', () => {
    expect(() => parseProspects('- [unclosed', FILE, ['rep'])).toThrow(/^Prospects file prospects\.yaml is not valid YAML or JSON/);
    expect(() => parseProspects('email: ann@a.example', FILE, ['rep'])).toThrow(/must be a list of prospects/);
    expect(parseProspects('', FILE, ['rep'])).toEqual({ prospects: [], problems: [] });
  });

  describe('read by a long-running worker', () => {
    let dir: string;
    let file: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'followup-prospects-'));
      file = join(dir, FILE);
      writeFileSync(file, GOOD);
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    // Each edit gets a distinct mtime, as a later save would.
    let tick = 0;
    const edit = (text: string) => {
      writeFileSync(file, text);
      const t = new Date(Date.now() + ++tick * 2_000);
      utimesSync(file, t, t);
    };

    it('sees an edit at the next read, keeps the last good list through a broken edit, and says so', () => {
      const source = new ProspectsSource(file, ['rep']);
      expect(source.current().prospects.map((p) => p.email)).toEqual(['ann@a.example']);
      edit(`${GOOD}- { email: bo@b.example, name: Bo, timeZone: UTC }\n`);
      expect(source.current().prospects.map((p) => p.email)).toEqual(['ann@a.example', 'bo@b.example']);
      edit('- [half saved');
      const broken = source.current();
      expect(broken.prospects.map((p) => p.email)).toEqual(['ann@a.example', 'bo@b.example']);
      expect(broken.problems[0]).toMatch(/is not valid YAML or JSON.*The list read at .* is used until the file is fixed\./s);
      edit(GOOD);
      expect(source.current()).toEqual({ prospects: [expect.objectContaining({ email: 'ann@a.example' })], problems: [] });
    });

    it('a file broken at start does not stop the start: it is reported, marked unreadable, and no one is listed', () => {
      writeFileSync(file, 'email: nope');
      const read = new ProspectsSource(file, ['rep']).current();
      expect(read.unreadable).toBe(true);
      expect(read.prospects).toEqual([]);
      expect(read.problems[0]).toMatch(/must be a list of prospects.*already known are kept, approved emails are still sent/s);
    });
  });

  it('in a tick: a bad entry is reported and the others are followed up; an added prospect counts from the next tick', async () => {
    const now = new Date('2026-11-23T15:00:00Z');
    const dir = mkdtempSync(join(tmpdir(), 'followup-prospects-tick-'));
    const config = seedLocalWorkspace(dir, buildDemoScenario(now));
    const file = join(dir, 'prospects.yaml');
    appendFileSync(file, '- { email: typo@x.example, name: Typo, timeZone: Europe/Londn }\n');
    const rt = await openRuntime({ config, logger: silentLogger() });
    try {
      const first = await runTick(await rt.context(now));
      expect(first.problems).toEqual([{ where: 'prospects file', message: expect.stringMatching(/entry \[7\] \(typo@x\.example\) skipped: timeZone/) }]);
      expect(first.drafted).toHaveLength(5);
      // `serve` keeps the runtime open: the rep fixes the entry, and the next tick follows it up.
      writeFileSync(file, readFileSync(file, 'utf8').replace('timeZone: Europe/Londn }', 'timeZone: Europe/London, nextStep: { what: "send the deck", due: "2026-11-10T10:00:00Z" } }'));
      const later = new Date(Date.now() + 5_000);
      utimesSync(file, later, later);
      const second = await runTick(await rt.context(new Date(now.getTime() + 60_000)));
      expect(second.problems).toEqual([]);
      expect(second.drafted.map((d) => [d.prospectEmail, d.template])).toEqual([['typo@x.example', 'follow-up-apology']]);
    } finally {
      await rt.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
