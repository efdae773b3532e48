import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { buildDemoScenario } from '../../src/demo/build-scenario.js';
import { seedLocalWorkspace } from '../../src/demo/seed-local.js';

// Monday 23 Nov 2026, 10:00 in New York (the demo rep's zone).
const NOW = '2026-11-23T15:00:00Z';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  try {
    const code = await main(args);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('issue 15 commands: calls log, prospects next, suppressions', () => {
  let dir: string;
  let config: string;
  const cli = (...args: string[]) => run(['--config', config, '--now', NOW, ...args]);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'followup-prevent-cli-'));
    config = seedLocalWorkspace(dir, buildDemoScenario(new Date(NOW)));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('calls log date-stamps the outcome on the timeline; a wrong outcome is named', async () => {
    expect((await cli('run', '--once')).code).toBe(0);
    const logged = await cli('calls', 'log', 'linda@acme.example', 'voicemail', '--note', 'left my number');
    expect(logged).toMatchObject({ code: 0 });
    expect(logged.out).toContain('call logged (voicemail)');
    const timeline = await cli('prospects', 'timeline', 'linda@acme.example');
    expect(timeline.out).toMatch(/voicemail/i);
    const bad = await cli('calls', 'log', 'linda@acme.example', 'busy');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('<outcome> "busy" is not one of reached, voicemail, no-answer');
    const nobody = await cli('calls', 'log', 'nobody@example.org', 'reached');
    expect(nobody.err).toContain('No prospect with address or id "nobody@example.org"');
  });

  it('prospects next takes ISO or words in the rep\'s zone, and names --due when it cannot read it', async () => {
    await cli('run', '--once');
    const set = await cli('prospects', 'next', 'tom@globex.example', 'send the pricing options', '--due', 'tomorrow 10am');
    expect(set.code).toBe(0);
    expect(set.out).toContain('due Tuesday, November 24 at 10:00 AM EST');
    const iso = await run(['--config', config, '--now', '2026-11-23T15:05:00Z', 'prospects', 'next', 'tom@globex.example', 'call back', '--due', '2026-12-01T15:00:00Z']);
    expect(iso.out).toContain('due Tuesday, December 1 at 10:00 AM EST');
    const bad = await cli('prospects', 'next', 'tom@globex.example', 'call', '--due', 'whenever');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--due "whenever" names no time ahead');
    // On the timeline, and kept by the next run although the prospects file has another next step.
    await cli('run', '--once');
    const timeline = await cli('prospects', 'timeline', 'tom@globex.example');
    expect(timeline.out).toMatch(/Next step: call back, due Tuesday, December 1 at 10:00 AM EST/);
  });

  it('errors name the option that was wrong: --until and --send-at, not --now', async () => {
    await cli('run', '--once');
    const until = await cli('prospects', 'pause', 'tom@globex.example', '--until', 'someday');
    expect(until.err).toContain('--until "someday" is not an ISO time');
    const id = (JSON.parse((await cli('drafts', 'list', '--json')).out) as { id: string }[])[0]!.id;
    const sendAt = await cli('drafts', 'edit', id, '--send-at', 'later');
    expect(sendAt.err).toContain('--send-at "later" is not an ISO time');
  });

  it('suppressions list|add|remove: removal needs a reason and is recorded; --json lists both', async () => {
    await cli('run', '--once');
    const listed = await cli('suppressions', 'list', '--json');
    const before = JSON.parse(listed.out) as { suppressions: { email: string; reason: string }[]; removals: unknown[] };
    expect(before.suppressions).toEqual([expect.objectContaining({ email: 'dana@wayne.example', reason: 'opt-out reply' })]);
    expect((await cli('suppressions', 'add', 'tom@globex.example', '--reason', 'asked by phone')).out).toContain('Tom Reyes stopped');
    const noReason = await cli('suppressions', 'remove', 'tom@globex.example');
    expect(noReason.code).not.toBe(0);
    const removed = await cli('suppressions', 'remove', 'tom@globex.example', '--reason', 'wants to hear from us again');
    expect(removed.out).toContain('Tom Reyes is open again');
    const after = JSON.parse((await cli('suppressions', 'list', '--json')).out) as { suppressions: { email: string }[]; removals: { email: string; reason: string; was: { reason: string } }[] };
    expect(after.suppressions.map((s) => s.email)).toEqual(['dana@wayne.example']);
    expect(after.removals).toEqual([expect.objectContaining({ email: 'tom@globex.example', reason: 'wants to hear from us again', was: expect.objectContaining({ reason: 'asked by phone' }) })]);
    const notThere = await cli('suppressions', 'remove', 'tom@globex.example', '--reason', 'again');
    expect(notThere.err).toContain('tom@globex.example is not suppressed');
  });
});
