import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDemoScenario } from '../../src/demo/build-scenario.js';
import { seedLocalWorkspace } from '../../src/demo/seed-local.js';
import { openStore } from '../../src/store/open-store.js';
import { anOutboxItem } from '../store/fixtures.js';
import { runCli } from '../support/run-cli.js';

/** Start-up paths of the real CLI, in its own process (issue 10, "start-up and command paths"). */
const NOW = '2026-11-23T15:00:00Z';

describe('start-up paths', () => {
  let dir: string;
  let config: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'followup-startup-'));
    config = seedLocalWorkspace(dir, buildDemoScenario(new Date(NOW)));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const drafts = async () => {
    const store = await openStore({ sqlitePath: join(dir, 'data', 'followup.db') });
    try {
      return await store.listDrafts({});
    } finally {
      await store.close();
    }
  };

  it('a misspelt calendarDir is an error naming the path and the key; exit 3, no folder made, no drafts; fixed, the account reconnects', async () => {
    const good = readFileSync(config, 'utf8');
    expect(good).toContain('./calendar');
    writeFileSync(config, good.replace('./calendar', './calender'));
    const bad = await runCli(['--config', config, '--now', NOW, 'run', '--once'], { timeoutMs: 90_000 });
    expect(bad.code, `${bad.out}\n${bad.err}`).toBe(3);
    const said = `${bad.out}\n${bad.err}`;
    expect(said).toContain('local.calendarDir');
    expect(said).toContain(join(dir, 'calender'));
    expect(said).toMatch(/does not exist\. Check the spelling/);
    expect(existsSync(join(dir, 'calender'))).toBe(false);
    expect(await drafts()).toEqual([]);
    const accounts = await runCli(['--config', config, 'accounts', '--json'], { timeoutMs: 60_000 });
    expect(accounts.out).toMatch(/"status": "disconnected"/);

    writeFileSync(config, good);
    const fixed = await runCli(['--config', config, '--now', NOW, 'run', '--once'], { timeoutMs: 90_000 });
    expect(fixed.code, `${fixed.out}\n${fixed.err}`).not.toBe(3);
    expect((await drafts()).length).toBeGreaterThan(0);
  }, 300_000);

  it('a misspelt maildir is named the same way', async () => {
    writeFileSync(config, readFileSync(config, 'utf8').replace('./mail/inbox', './mail/inbx'));
    const bad = await runCli(['--config', config, '--now', NOW, 'run', '--once'], { timeoutMs: 90_000 });
    expect(bad.code, `${bad.out}\n${bad.err}`).toBe(3);
    expect(`${bad.out}\n${bad.err}`).toContain(`local.maildir is ${join(dir, 'mail', 'inbx')}, which does not exist`);
    expect(existsSync(join(dir, 'mail', 'inbx'))).toBe(false);
    expect(await drafts()).toEqual([]);
  }, 200_000);
});

describe('serve on a port that is in use', () => {
  it('exits non-zero with a plain message naming the port and how to change it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'followup-port-'));
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const config = seedLocalWorkspace(dir, buildDemoScenario(new Date(NOW)));
      const run = await runCli(['--config', config, '--now', NOW, 'serve'], { timeoutMs: 30_000, env: { PORT: String(port), HOST: '127.0.0.1' } });
      expect(run.timedOut, 'serve kept running after its port turned out to be in use').toBe(false);
      expect(run.code).not.toBe(0);
      expect(run.code).not.toBeNull();
      expect(run.err).toContain(`Port ${port} on 127.0.0.1 is in use`);
      expect(run.err).toMatch(/PORT environment variable or web\.port in .*followup\.yaml \(HOST or web\.host/);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('a YAML syntax error in the prospects file', () => {
  it('is reported with file, line and column; known prospects are kept, no drafts planned, approved emails still go out (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'followup-prospects-yaml-'));
    try {
      const config = seedLocalWorkspace(dir, buildDemoScenario(new Date(NOW)));
      const first = await runCli(['--config', config, '--now', NOW, 'run', '--once'], { timeoutMs: 90_000 });
      expect(first.code, `${first.out}\n${first.err}`).toBe(0);
      const dbPath = join(dir, 'data', 'followup.db');
      let store = await openStore({ sqlitePath: dbPath });
      const prospectsBefore = await store.listProspects();
      const draftsBefore = await store.listDrafts({});
      const accountId = (await store.listAccounts())[0]!.id;
      const rep = (await store.getAccount(accountId))!;
      expect(prospectsBefore.length).toBeGreaterThan(0);
      await store.enqueueOutbox(
        anOutboxItem({ id: 'out-yaml', messageId: `<yaml-${process.pid}@followup.example>`, accountId, prospectId: null, from: { email: rep.email, name: rep.name }, to: 'pat@client.example', subject: 'Approved before the typo', notBefore: new Date(Date.parse(NOW) - 60_000), createdAt: new Date(Date.parse(NOW) - 120_000) }),
      );
      await store.close();

      const file = join(dir, 'prospects.yaml');
      writeFileSync(file, `${readFileSync(file, 'utf8')}- email: typo@client.example\n  name: [unclosed\n`);
      const lines = readFileSync(file, 'utf8').split('\n').length;
      const run = await runCli(['--config', config, '--now', NOW, 'run', '--once'], { timeoutMs: 90_000 });
      expect(run.code, `${run.out}\n${run.err}`).toBe(2);
      const said = `${run.out}\n${run.err}`;
      expect(said).toMatch(new RegExp(`prospects file: ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is not valid YAML or JSON at line \\d+, column \\d+`));
      const line = Number(/at line (\d+), column/.exec(said)![1]);
      expect(line).toBeGreaterThan(lines - 4);

      store = await openStore({ sqlitePath: dbPath });
      try {
        expect((await store.listProspects()).map((p) => p.id).sort()).toEqual(prospectsBefore.map((p) => p.id).sort());
        expect((await store.listDrafts({})).length).toBe(draftsBefore.length);
        expect((await store.listOutbox({ accountId })).find((o) => o.id === 'out-yaml')?.status).toBe('sent');
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
