import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../../src/app/runtime.js';
import { buildDemoScenario } from '../../src/demo/build-scenario.js';
import { seedLocalWorkspace } from '../../src/demo/seed-local.js';
import { silentLogger } from '../../src/log.js';
import { approveDraft, editDraft } from '../../src/worker/drafts.js';
import { runTick } from '../../src/worker/tick.js';
import { DEMO_REP } from '../../src/demo/build-scenario.js';
import type { CalendarEvent } from '../../src/domain/types.js';

// Linda (New York) missed her call on Monday 23 Nov 2026; the demo runs at 15:00 UTC (10:00 in New York).
const NOW = new Date('2026-11-23T15:00:00Z');
const DAY = 86_400_000;
const REP = { name: 'Alex Morgan', email: 'alex@northwind.example' };
const THIS_WEEK = /another day this week/i;

/** The bodies of the emails sent to an address (the local transport's outbox folder). */
function sentBodies(dir: string, to: string): string[] {
  const folder = join(dir, 'mail', 'outbox', 'new');
  return readdirSync(folder)
    .map((f) => readFileSync(join(folder, f), 'utf8'))
    .filter((raw) => !/text\/calendar/i.test(raw) && new RegExp(`^To:.*${to.replace('.', '\\.')}`, 'im').test(raw))
    .map((raw) => raw.replace(/=\r?\n/g, ''));
}

describe('a missed-meeting nudge approved a week after it was drafted', () => {
  let dir: string;
  let rt: Runtime;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'followup-stale-nudge-'));
    rt = await openRuntime({ config: seedLocalWorkspace(dir, buildDemoScenario(NOW)), logger: silentLogger() });
  });
  afterEach(async () => {
    await rt.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const draftNudge = async () => {
    await runTick(await rt.context(NOW));
    const nudge = (await rt.store.listDrafts({ status: 'pending' })).find((d) => d.template === 'missed-nudge-1')!;
    // Drafted on the Monday of the missed meeting, for that day: "this week" holds.
    expect(nudge.text).toMatch(THIS_WEEK);
    return nudge;
  };

  it('goes out worded for the day it is sent: no "this week" a week later, and the timeline says so', async () => {
    const nudge = await draftNudge();
    const weekLater = new Date(NOW.getTime() + 7 * DAY);
    await approveDraft({ store: rt.store, now: weekLater }, { draftId: nudge.id, by: 'alex (cli)', rep: REP });
    const summary = await runTick(await rt.context(weekLater));

    const bodies = sentBodies(dir, 'linda@acme.example');
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).not.toMatch(THIS_WEEK);
    expect(bodies[0]).toMatch(/Is there another day in the next few days we can connect\?/);
    // What the store says was sent is what went out.
    const row = (await rt.store.listOutbox({})).find((o) => o.draftId === nudge.id)!;
    expect([row.status, THIS_WEEK.test(row.text)]).toEqual(['sent', false]);
    expect((await rt.store.getDraft(nudge.id))!.text).toBe(row.text);
    expect(summary.notes.some((n) => n.startsWith('linda@acme.example: Nudge worded again for Mon 30 Nov'))).toBe(true);
    const timeline = await rt.store.listAttempts(nudge.prospectId);
    expect(timeline.some((a) => a.outcome === 'reworded' && a.refId === nudge.id)).toBe(true);
  });

  it('still waiting a week later, it shows the words it would go out with after the next run', async () => {
    const nudge = await draftNudge();
    const weekLater = new Date(NOW.getTime() + 7 * DAY);
    const summary = await runTick(await rt.context(weekLater));
    const waiting = (await rt.store.getDraft(nudge.id))!;
    expect([waiting.status, THIS_WEEK.test(waiting.text), waiting.editedAt ?? null]).toEqual(['pending', false, null]);
    expect(waiting.text).toMatch(/Is there another day in the next few days we can connect\?/);
    expect(summary.notes).toContain(
      'linda@acme.example: Nudge worded again for Mon 30 Nov, 10:00 AM EST (Linda\'s time): "Something must have come up, and I hope everything is alright. Is there another day this week we can connect?" is now "Something must have come up, and I hope everything is alright. Is there another day in the next few days we can connect?".',
    );
    // What the rep approves now is what goes out.
    await approveDraft({ store: rt.store, now: weekLater }, { draftId: nudge.id, by: 'alex (cli)', rep: REP });
    const next = await runTick(await rt.context(new Date(weekLater.getTime() + 60_000)));
    expect(next.notes.filter((n) => n.includes('worded again'))).toEqual([]);
    expect((await rt.store.listOutbox({})).find((o) => o.draftId === nudge.id)).toMatchObject({ status: 'sent', text: waiting.text });
  });

  it('approved and sent the next day, in the same week: it still says "this week"', async () => {
    const nudge = await draftNudge();
    const tuesday = new Date(NOW.getTime() + DAY);
    await approveDraft({ store: rt.store, now: tuesday }, { draftId: nudge.id, by: 'alex (cli)', rep: REP });
    const summary = await runTick(await rt.context(tuesday));
    const bodies = sentBodies(dir, 'linda@acme.example');
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatch(THIS_WEEK);
    expect(summary.notes.filter((n) => n.includes('worded again'))).toEqual([]);
  });

  it('a nudge the rep edited goes out as they wrote it, a week later too', async () => {
    const nudge = await draftNudge();
    const mine = 'Hi Linda,\n\nSorry we missed each other. Is there another day this week we can connect? Any slot works.\n\nAlex\n';
    await editDraft({ store: rt.store, now: NOW }, { draftId: nudge.id, by: 'alex (cli)', text: mine });
    const weekLater = new Date(NOW.getTime() + 7 * DAY);
    await approveDraft({ store: rt.store, now: weekLater }, { draftId: nudge.id, by: 'alex (cli)', rep: REP });
    await runTick(await rt.context(weekLater));
    const bodies = sentBodies(dir, 'linda@acme.example');
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toContain('Sorry we missed each other. Is there another day this week we can connect? Any slot works.');
  });
});

describe('a confirmation before a meeting, approved on the morning of the meeting', () => {
  // Mia (Berlin) meets the rep on Tuesday 24 Nov 2026 at 15:00 Berlin and has not answered the invite.
  const START = new Date('2026-11-24T14:00:00Z');
  const mia: CalendarEvent = {
    id: 'demo-mia-demo',
    calendarId: 'demo',
    uid: 'demo-mia-demo@northwind.example',
    title: 'Mia Lang / Northwind: demo',
    start: START,
    end: new Date(START.getTime() + 30 * 60_000),
    status: 'confirmed',
    organizerEmail: DEMO_REP.email,
    attendees: [
      { email: DEMO_REP.email, name: DEMO_REP.name, response: 'accepted', organizer: true },
      { email: 'mia@contoso.example', name: 'Mia Lang', response: 'needs_action' },
    ],
    categories: [],
  };
  let dir: string;
  let rt: Runtime;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'followup-stale-confirm-'));
    const scenario = buildDemoScenario(NOW);
    scenario.prospects.push({ email: 'mia@contoso.example', name: 'Mia Lang', company: 'Contoso', timeZone: 'Europe/Berlin' });
    scenario.events.push(mia);
    rt = await openRuntime({ config: seedLocalWorkspace(dir, scenario), logger: silentLogger() });
  });
  afterEach(async () => {
    await rt.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says "today", not the "tomorrow" it was drafted with', async () => {
    await runTick(await rt.context(NOW));
    const confirm = (await rt.store.listDrafts({ status: 'pending' })).find((d) => d.template === 'meeting-confirm')!;
    expect(confirm.text).toContain('Looking forward to our call tomorrow at 3:00 PM CET.');
    // Tuesday 09:30 in Berlin.
    const morning = new Date('2026-11-24T08:30:00Z');
    await approveDraft({ store: rt.store, now: morning }, { draftId: confirm.id, by: 'alex (cli)', rep: REP });
    await runTick(await rt.context(morning));
    const bodies = sentBodies(dir, 'mia@contoso.example');
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toContain('Looking forward to our call today at 3:00 PM CET. Does that still work for you?');
    expect(bodies[0]).not.toContain('tomorrow');
  });
});
