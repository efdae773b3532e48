import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, startCli, waitForOutput, type Running } from './procs.js';

/**
 * `followup emulate google|microsoft --demo-reps N --write-config FILE --faults FILE --latency-ms L`
 * as a user runs it: a real process serves the emulator, and `followup run --once` (another
 * process) works against the config it wrote. The control plane answers state, stats and faults.
 */
const ENV = { FOLLOWUP_ENCRYPTION_KEY: randomBytes(32).toString('base64'), MICROSOFT_CLIENT_SECRET: 'emulator-secret', DATABASE_URL: '' };
const dirs: string[] = [];
const running: Running[] = [];
afterAll(() => {
  for (const r of running) r.child.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe.each(['google', 'microsoft'] as const)('followup emulate %s', (family) => {
  it('seeds N reps, writes a config the worker runs against, and answers state, stats and fault rules', async () => {
    const dir = mkdtempSync(join(tmpdir(), `followup-emulate-${family}-`));
    dirs.push(dir);
    const config = join(dir, 'followup.yaml');
    const faultsFile = join(dir, 'faults.json');
    // One 503 on the first calendar read: the worker retries and goes on.
    writeFileSync(faultsFile, JSON.stringify([{ pathIncludes: family === 'google' ? '/events' : '/calendarView', method: 'GET', status: 503, retryAfterSeconds: 0, times: 1 }]));
    const emulator = startCli(['emulate', family, '--port', '0', '--demo-reps', '2', '--write-config', config, '--faults', faultsFile, '--latency-ms', '2'], ENV);
    running.push(emulator);
    const url = (await waitForOutput(emulator, /Control: POST (http:\/\/127\.0\.0\.1:\d+)\/__emulator/))[1]!;
    expect(emulator.output()).toContain('rep0@northwind.example, rep1@northwind.example');
    const written = readFileSync(config, 'utf8');
    expect(written).toContain(url);
    expect(written).not.toContain(ENV.FOLLOWUP_ENCRYPTION_KEY);

    const run = await runCli(['--config', config, 'run', '--once', '--json'], ENV);
    expect(run.code, run.out + run.err).toBe(0);
    const summary = JSON.parse(run.out) as { drafted: unknown[] };
    // Each rep has its own copy of the demo: Linda, Tom, Priya and Ken get a draft from each.
    expect(summary.drafted.length).toBeGreaterThanOrEqual(2 * 4);

    const state = (await (await fetch(`${url}/__emulator/state`)).json()) as { mailboxes: { mailbox: string; events: { id: string; attendees: string[] }[] }[] };
    const reps = state.mailboxes.map((m) => m.mailbox).sort();
    expect(reps).toEqual(['rep0@northwind.example', 'rep1@northwind.example']);
    for (const m of state.mailboxes) expect(m.events.some((e) => e.attendees.includes('linda@acme.example'))).toBe(true);

    const stats = (await (await fetch(`${url}/__emulator/stats`)).json()) as { requests: number; byRoute: Record<string, number>; faults: Record<string, number> };
    expect(stats.requests).toBe(Object.values(stats.byRoute).reduce((a, b) => a + b, 0));
    expect(stats.requests).toBeGreaterThan(4);
    expect(stats.faults['5xx']).toBe(1);

    // A bad rule is refused with its index and field named; a good one is added.
    const bad = await fetch(`${url}/__emulator/faults`, { method: 'POST', body: JSON.stringify([{ status: 503 }, { pathIncludes: '/x', status: 404 }]) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/rule \[1\]\.status: a 429 or a 5xx status/);
    const good = await fetch(`${url}/__emulator/faults`, { method: 'POST', body: JSON.stringify([{ pathIncludes: '/nothing-matches', timeout: true, hangMs: 10 }]) });
    expect(good.status).toBe(200);
    expect(((await good.json()) as { rules: unknown[] }).rules).toHaveLength(2);

    emulator.child.kill('SIGTERM');
    const exit = await emulator.done;
    expect(exit.signal ?? exit.code).toBeDefined();
  }, 120_000);
});

describe('followup emulate with bad input', () => {
  it('names the bad fault rule and its field, and exits 1 without serving', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'followup-emulate-bad-'));
    dirs.push(dir);
    const faultsFile = join(dir, 'faults.json');
    writeFileSync(faultsFile, JSON.stringify([{ pathIncludes: '/sendMail', status: 503 }, { pathIncludes: '/sendMail', status: 503, hangMs: 5 }]));
    const exit = await runCli(['emulate', 'google', '--port', '0', '--faults', faultsFile], ENV);
    expect(exit.code).toBe(1);
    expect(exit.err).toContain(`Fault rules in ${faultsFile} are not valid`);
    expect(exit.err).toContain('rule [1].hangMs: "hangMs" goes with "timeout": true');
  });

  it('says which key is missing before writing a Google workspace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'followup-emulate-nokey-'));
    dirs.push(dir);
    const exit = await runCli(['emulate', 'google', '--port', '0', '--demo-reps', '1', '--write-config', join(dir, 'followup.yaml')], { ...ENV, FOLLOWUP_ENCRYPTION_KEY: '' });
    expect(exit.code).toBe(1);
    expect(exit.err).toContain('FOLLOWUP_ENCRYPTION_KEY is not set');
  });
});
