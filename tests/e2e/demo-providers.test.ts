import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDemoScenario } from '../../src/demo/build-scenario.js';
import { runProviderDemo } from '../../src/demo/run-provider-demo.js';
import { silentLogger } from '../../src/log.js';
import { missingServers } from '../../src/demo/standard-servers.js';

// The standard family runs on real Radicale and Dovecot: required in CI, skipped (with the install command) elsewhere.
const standardMissing = missingServers();
if (standardMissing && process.env.CI) throw new Error(`The standard demo needs real servers: ${standardMissing}`);
if (standardMissing) console.warn(`Skipping the standard demo: ${standardMissing}`);

const NOW = new Date('2026-11-23T15:00:00Z');

/** The demo through the real Google and Graph adapters against their emulators over HTTP, and
 *  through the standard adapter on real Radicale, Dovecot and SMTP servers. */
describe.each(['google', 'microsoft', 'standard'].filter((p) => p !== 'standard' || !standardMissing))('the demo on %s (its emulator, or real servers for standard)', (provider) => {
  it('gives the same outcomes as the local demo, and sends every approved email exactly once', async () => {
    const dir = mkdtempSync(join(tmpdir(), `followup-${provider}-`));
    try {
      const r = await runProviderDemo({ provider, dir, scenario: buildDemoScenario(NOW), logger: silentLogger(), print: () => undefined });
      expect(r.first.problems).toEqual([]);
      expect(r.drafts['linda@acme.example']).toEqual(['missed-nudge-1']);
      expect(r.drafts['tom@globex.example']).toEqual(['follow-up']);
      expect(r.drafts['priya@initech.example']).toEqual(['follow-up-apology']);
      expect(r.drafts['ken@umbrella.example']).toEqual(['follow-up-ages']);
      expect(r.drafts['sara@hooli.example']).toEqual(['booking-confirmation']);
      expect(r.drafts['omar@stark.example']).toBeUndefined();
      expect(r.drafts['dana@wayne.example']).toBeUndefined();
      expect(r.first.booked.map((b) => b.start.toISOString())).toEqual(['2026-11-24T14:00:00.000Z']);
      expect(r.booked).toHaveLength(1);
      expect(new Date(r.booked[0]!.start).toISOString()).toBe('2026-11-24T14:00:00.000Z');
      expect(r.booked[0]!.attendees).toContain('sara@hooli.example');
      // A week later Sara's meeting (Tue 24 Nov) has passed: her confirmation is withdrawn, the other 4 go.
      expect(r.sentAfterWeek).toBe(4);
      expect(r.sentOnNextRun).toBe(0);
      expect(r.sentCopies).toHaveLength(4);
      expect(r.sentCopies.every((n) => n === 1)).toBe(true);
      if (provider === 'standard') expect(r.deliveredCopies).toEqual([1, 1, 1, 1]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
