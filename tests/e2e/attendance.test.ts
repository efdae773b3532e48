import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDemoScenario } from '../../src/demo/build-scenario.js';
import { prepareProviderWorkspace } from '../../src/demo/run-provider-demo.js';
import type { CalendarEvent } from '../../src/domain/types.js';
import { silentLogger } from '../../src/log.js';
import { runTick } from '../../src/worker/tick.js';
import { approveDraft } from '../../src/worker/drafts.js';

const NOW = new Date('2026-11-23T15:00:00Z');

/**
 * No-show evidence from conferencing, through the worker: Linda's call was online; the attendance
 * record lists only the rep, so her nudge rests on attendance (stronger than the RSVP) and says how
 * sure it is. When she did join, there is no nudge at all, whatever her RSVP said.
 */
describe.each([
  ['google', { provider: 'meet', id: 'abc-defg-hij', joinUrl: 'https://meet.google.com/abc-defg-hij' }],
  ['microsoft', { provider: 'teams', id: 'https://teams.microsoft.com/l/meetup-join/linda', joinUrl: 'https://teams.microsoft.com/l/meetup-join/linda' }],
] as const)('attendance evidence on %s', (provider, conference) => {
  async function run(joined: { email?: string; name: string }[]) {
    const dir = mkdtempSync(join(tmpdir(), `followup-att-${provider}-`));
    const scenario = buildDemoScenario(NOW);
    const linda = scenario.events.find((e) => e.title.includes('intro call')) as CalendarEvent;
    linda.conference = { ...conference };
    const ws = await prepareProviderWorkspace({ provider, dir, scenario, logger: silentLogger() });
    try {
      await ws.family.addAttendance(linda, joined);
      const summary = await runTick(await ws.runtime.context(NOW));
      expect(summary.problems).toEqual([]);
      const drafts = await ws.runtime.store.listDrafts({});
      return drafts.find((d) => d.to === 'linda@acme.example') ?? null;
    } finally {
      await ws.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('the rep alone in the call: the nudge rests on attendance first', async () => {
    const draft = await run([{ email: 'alex@northwind.example', name: 'Alex Morgan' }]);
    expect(draft?.template).toBe('missed-nudge-1');
    expect(draft!.evidence[0]?.kind).toBe('conference_attendance');
    expect(draft!.evidence[0]?.detail).toMatch(/Linda/);
    expect(['likely', 'possible']).toContain(draft!.evidence[0]?.confidence);
    expect(draft!.evidence.map((e) => e.kind)).toContain('rsvp');
  }, 60_000);

  it('Linda joined: no nudge, even though she never answered the invite', async () => {
    const draft = await run([
      { email: 'alex@northwind.example', name: 'Alex Morgan' },
      { email: 'linda@acme.example', name: 'Linda Park' },
    ]);
    expect(draft).toBeNull();
  }, 60_000);

  it('attendance that arrives after the nudge was drafted (and approved) shows she joined: the nudge is withdrawn', async () => {
    const dir = mkdtempSync(join(tmpdir(), `followup-att-late-${provider}-`));
    const scenario = buildDemoScenario(NOW);
    const linda = scenario.events.find((e) => e.title.includes('intro call')) as CalendarEvent;
    linda.conference = { ...conference };
    const ws = await prepareProviderWorkspace({ provider, dir, scenario, logger: silentLogger() });
    try {
      await runTick(await ws.runtime.context(NOW));
      const nudge = (await ws.runtime.store.listDrafts({})).find((d) => d.to === 'linda@acme.example')!;
      expect(nudge.template).toBe('missed-nudge-1');
      await approveDraft({ store: ws.runtime.store, now: NOW }, { draftId: nudge.id, by: 'test', rep: { name: 'Alex Morgan', email: 'alex@northwind.example' } });
      // The attendance report comes in late: Linda was there.
      await ws.family.addAttendance(linda, [
        { email: 'alex@northwind.example', name: 'Alex Morgan' },
        { email: 'linda@acme.example', name: 'Linda Park' },
      ]);
      const later = await runTick(await ws.runtime.context(new Date(NOW.getTime() + 10 * 60_000)));
      expect(later.detected.map((d) => d.outcome)).toContain('held');
      expect(later.withdrawn.map((w) => w.draftId)).toEqual([nudge.id]);
      expect(later.sent.map((s) => s.to)).not.toContain('linda@acme.example');
      expect((await ws.runtime.store.getDraft(nudge.id))?.cancelledReason).toBe('The meeting with Linda was held (attendance shows it); the nudge was withdrawn.');
    } finally {
      await ws.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
