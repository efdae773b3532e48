import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRuntime } from '../../src/app/runtime.js';
import { buildDemoScenario } from '../../src/demo/build-scenario.js';
import { seedLocalWorkspace } from '../../src/demo/seed-local.js';
import { silentLogger } from '../../src/log.js';
import { openStore } from '../../src/store/open-store.js';
import { TICK_LEASE } from '../../src/worker/tick.js';
import { runCli } from '../support/run-cli.js';

/**
 * Exit statuses of `run --once` that cron and monitors can read (issue 10): 0 all done, 2 items
 * skipped, 3 an account needs attention, 75 another run holds the lease. The real CLI, in its
 * own process.
 */
const NOW = '2026-11-23T15:00:00Z';
const KEY = Buffer.alloc(32, 9).toString('base64');

describe('run --once exit status', () => {
  let dir: string;
  let config: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'followup-exit-'));
    config = seedLocalWorkspace(dir, buildDemoScenario(new Date(NOW)));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('0 when everything ran; 75 (EX_TEMPFAIL) while another run holds the lease', async () => {
    const clean = await runCli(['--config', config, '--now', NOW, 'run', '--once'], { timeoutMs: 90_000 });
    expect(clean.code, clean.err).toBe(0);
    // Another run (another process) holds the lease.
    const store = await openStore({ sqlitePath: join(dir, 'data', 'followup.db') });
    try {
      expect(await store.acquireLease({ name: TICK_LEASE, owner: 'another-run', now: new Date(NOW), ttlMs: 60_000 })).toBe(true);
    } finally {
      await store.close();
    }
    const held = await runCli(['--config', config, '--now', NOW, 'run', '--once'], { timeoutMs: 90_000 });
    expect(held.code, `${held.out}\n${held.err}`).toBe(75);
    expect(held.err).toMatch(/another run is in progress.*Exit status 75/);
  }, 200_000);

  it('3 when an account is disconnected, naming it', async () => {
    const yaml = join(dir, 'two-accounts.yaml');
    writeFileSync(
      yaml,
      readFileSync(config, 'utf8').replace(
        /^accounts:\n/m,
        'accounts:\n  - { id: gina, name: Gina Rep, email: gina@northwind.example, timeZone: Europe/Berlin, provider: google, google: { rootUrl: "http://127.0.0.1:9/" } }\n',
      ),
    );
    process.env.FOLLOWUP_ENCRYPTION_KEY ??= KEY;
    const rt = await openRuntime({ config: yaml, logger: silentLogger() });
    try {
      await rt.store.setAccountStatus('gina', 'disconnected', 'Google revoked access. Run `followup auth google --account gina` to reconnect.');
    } finally {
      await rt.close();
    }
    const run = await runCli(['--config', yaml, '--now', NOW, 'run', '--once'], { timeoutMs: 90_000, env: { FOLLOWUP_ENCRYPTION_KEY: process.env.FOLLOWUP_ENCRYPTION_KEY! } });
    expect(run.code, `${run.out}\n${run.err}`).toBe(3);
    expect(run.err).toMatch(/an account needs attention: gina \(not connected\).*Exit status 3/);
  }, 200_000);

  it('is documented in --help', async () => {
    const help = await runCli(['run', '--help'], { timeoutMs: 60_000 });
    expect(help.out).toMatch(/Exit status: 0 everything done; 2 items were skipped.*3 an account needs attention[\s\S]*75 another run holds the lease/);
  }, 90_000);
});
