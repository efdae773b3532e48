import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { buildDemoScenario } from '../../src/demo/build-scenario.js';
import { seedLocalWorkspace } from '../../src/demo/seed-local.js';

const NOW = '2026-11-23T15:00:00Z';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  try {
    return { code: await main(args), out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('--json on every listing command, and followup stats on the demo history', () => {
  let dir: string;
  let config: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'followup-json-'));
    config = seedLocalWorkspace(dir, buildDemoScenario(new Date(NOW)));
    expect((await run(['--config', config, '--now', NOW, 'run', '--once'])).code).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const json = async (...args: string[]) => {
    const r = await run(['--config', config, '--now', NOW, ...args]);
    expect(r.code, r.err).toBe(0);
    return JSON.parse(r.out) as unknown;
  };

  it.each([
    ['meetings list', 1],
    ['prospects list', 1],
    ['templates list', 1],
    ['outbox list', 0], // nothing approved yet after the first run
    ['drafts list', 1],
    ['accounts', 1],
  ] as const)('%s --json prints a JSON array', async (cmd, atLeast) => {
    const value = await json(...cmd.split(' '), '--json');
    expect(Array.isArray(value)).toBe(true);
    expect((value as unknown[]).length).toBeGreaterThanOrEqual(atLeast);
  });

  it('accounts --json gives each account\'s state for monitoring', async () => {
    const [alex] = (await json('accounts', '--json')) as { id: string; status: string; stale: boolean; cursors: { key: string; minutesSinceSuccess: number | null }[] }[];
    expect(alex).toMatchObject({ id: 'alex', status: 'connected', stale: false });
    expect(alex!.cursors.length).toBeGreaterThan(0);
    expect(alex!.cursors.every((c) => c.minutesSinceSuccess !== null)).toBe(true);
  });

  it('prospects timeline --json and stats --json agree with the listed meetings and outbox, and follow a mark', async () => {
    const meetings = (await json('meetings', 'list', '--json')) as { id: string; outcome: string; prospectEmail: string }[];
    const missed = meetings.filter((m) => m.outcome === 'missed');
    const held = meetings.filter((m) => m.outcome === 'held');
    expect(missed.length).toBeGreaterThan(0);
    const timeline = (await json('prospects', 'timeline', missed[0]!.prospectEmail, '--json')) as { attempts: { kind: string; outcome: string | null }[] };
    expect(timeline.attempts.some((a) => a.kind === 'meeting' && a.outcome === 'missed')).toBe(true);

    const before = (await json('stats', '--json')) as { meetings: { held: number; missed: number; noShow: { rate: number | null } }; bookings: { total: number } };
    expect(before.meetings.missed).toBe(missed.length);
    expect(before.meetings.held).toBe(held.length);

    // The rep says the missed meeting was held after all: one no-show fewer, one held more.
    expect((await run(['--config', config, '--now', NOW, 'meetings', 'mark', missed[0]!.id, 'held'])).code).toBe(0);
    const after = (await json('stats', '--json')) as typeof before;
    expect(after.meetings.missed).toBe(before.meetings.missed - 1);
    expect(after.meetings.held).toBe(before.meetings.held + 1);
    const rep = (await json('stats', '--rep', 'alex@northwind.example', '--since', '2026-01-01', '--json')) as { accounts: string[] };
    expect(rep.accounts).toEqual(['alex']);
    const text = await run(['--config', config, '--now', NOW, 'stats']);
    expect(text.out).toContain('No-show rate:');
    const bad = await run(['--config', config, 'stats', '--since', 'yesterday-ish']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--since "yesterday-ish" is not a date');
  });
});
