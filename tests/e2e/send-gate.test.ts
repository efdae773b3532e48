import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../../src/app/runtime.js';
import { buildDemoScenario } from '../../src/demo/build-scenario.js';
import { seedLocalWorkspace } from '../../src/demo/seed-local.js';
import { silentLogger } from '../../src/log.js';
import { approveDraft } from '../../src/worker/drafts.js';
import { markMeeting } from '../../src/worker/meetings.js';
import { runTick } from '../../src/worker/tick.js';
import { isBusinessInstant } from '../../src/domain/business-time.js';
import { DEFAULT_POLICY } from '../../src/domain/policy.js';

// The scripted run-through of issue 9 on the demo workspace, as a user would do it.
// Monday 23 Nov 2026, 15:00 UTC (10:00 in New York).
const NOW = new Date('2026-11-23T15:00:00Z');
const REP = { name: 'Alex Morgan', email: 'alex@northwind.example' };
const MIN = 60_000;

function rfc2822(d: Date): string {
  return DateTime.fromJSDate(d, { zone: 'UTC' }).setLocale('en-US').toFormat("ccc, dd LLL yyyy HH:mm:ss '+0000'");
}

function sentTo(dir: string): { to: string; date: string }[] {
  const folder = join(dir, 'mail', 'outbox', 'new');
  let files: string[] = [];
  try {
    files = readdirSync(folder);
  } catch {
    return [];
  }
  return files
    .map((f) => readFileSync(join(folder, f), 'utf8'))
    .filter((raw) => !/text\/calendar/i.test(raw))
    .map((raw) => ({ to: /^To:.*?<?([^<>\s]+@[^<>\s]+)>?\s*$/im.exec(raw)?.[1] ?? '?', date: /^Date:\s*(.+)$/im.exec(raw)?.[1]?.trim() ?? '' }));
}

describe('the send gate on the demo workspace', () => {
  let dir: string;
  let rt: Runtime;
  const open = async (templates?: string) => {
    const config = seedLocalWorkspace(dir, buildDemoScenario(NOW));
    if (templates) writeFileSync(config, `${readFileSync(config, 'utf8')}templates: ${templates}\n`);
    rt = await openRuntime({ config, logger: silentLogger() });
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'followup-gate-'));
  });
  afterEach(async () => {
    await rt.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Linda replies after her nudge was approved: nothing goes to her, and the reason is shown', async () => {
    await open();
    await runTick(await rt.context(NOW));
    const nudge = (await rt.store.listDrafts({ status: 'pending' })).find((d) => d.template === 'missed-nudge-1')!;
    // The nudge is planned for later today; approve it now.
    await approveDraft({ store: rt.store, now: new Date(NOW.getTime() + 5 * MIN) }, { draftId: nudge.id, by: 'alex (cli)', rep: REP });
    // Linda writes at 10:30 New York time.
    const replyAt = new Date('2026-11-23T15:30:00Z');
    writeFileSync(
      join(dir, 'mail', 'inbox', 'new', `${replyAt.getTime()}.linda.eml:2,`),
      ['From: Linda Park <linda@acme.example>', `To: ${REP.email}`, 'Subject: Re: Acme / Northwind: intro call', `Date: ${rfc2822(replyAt)}`,
        'Message-ID: <linda-reply@acme.example>', 'Content-Type: text/plain', '', 'So sorry, I got pulled into something. Let me get back to you.', ''].join('\r\n'),
    );
    const later = new Date('2026-11-24T16:00:00Z');
    const summary = await runTick(await rt.context(later));
    expect(sentTo(dir).map((s) => s.to)).not.toContain('linda@acme.example');
    expect(summary.sent.map((s) => s.to)).not.toContain('linda@acme.example');
    const w = summary.withdrawn.find((x) => x.draftId === nudge.id)!;
    expect(w.detail).toBe('Linda replied at Mon 23 Nov, 10:30 AM EST, after you approved it; the nudge was withdrawn. Answer in person.');
    const draft = (await rt.store.getDraft(nudge.id))!;
    expect([draft.status, draft.cancelledReason]).toEqual(['cancelled', w.detail]);
    expect((await rt.store.listOutbox({})).find((o) => o.draftId === nudge.id)?.status).toBe('withdrawn');
    const timeline = await rt.store.listAttempts(draft.prospectId);
    expect(timeline.some((a) => a.outcome === 'withdrawn' && a.detail === w.detail)).toBe(true);
  });

  it('everything approved and run on a Saturday night (UTC): nothing before Monday\'s hours in each zone, then each email once', async () => {
    await open();
    await runTick(await rt.context(NOW));
    for (const d of await rt.store.listDrafts({ status: 'pending' })) {
      await approveDraft({ store: rt.store, now: NOW }, { draftId: d.id, by: 'test', rep: REP });
    }
    const approved = (await rt.store.listOutbox({ status: 'approved' })).filter((o) => o.prospectId).length;
    expect(approved).toBe(5);
    const before = sentTo(dir).length;
    // Saturday 28 Nov, 23:00 UTC and Sunday runs: nothing at all.
    for (const at of ['2026-11-28T23:00:00Z', '2026-11-29T03:00:00Z', '2026-11-29T20:00:00Z', '2026-11-30T05:00:00Z']) {
      const s = await runTick(await rt.context(new Date(at)));
      expect(s.sent).toEqual([]);
    }
    expect(sentTo(dir).length).toBe(before);
    // Monday 30 Nov, hour by hour: each prospect's email goes when their own business hours open.
    for (let h = 6; h <= 20; h++) await runTick(await rt.context(new Date(Date.UTC(2026, 10, 30, h, 0))));
    const prospects = await rt.store.listProspects();
    const zoneOf = new Map(prospects.map((p) => [p.email, p.timeZone]));
    const sent = await rt.store.listOutbox({ status: 'sent' });
    // Sara's booking confirmation is not among them: her meeting (Tue 24 Nov) is over by Monday 30th.
    expect(sent.filter((o) => o.prospectId).length).toBe(approved - 1);
    expect(sent.map((o) => o.to)).not.toContain('sara@hooli.example');
    expect((await rt.store.listOutbox({ status: 'withdrawn' })).map((o) => o.to)).toEqual(['sara@hooli.example']);
    for (const o of sent.filter((x) => x.prospectId)) {
      const zone = zoneOf.get(o.to)!;
      expect(isBusinessInstant(o.sentAt!, { zone, country: null, policy: DEFAULT_POLICY }), `${o.to} at ${o.sentAt!.toISOString()}`).toBe(true);
    }
    const addresses = sentTo(dir).map((s) => s.to);
    expect(new Set(addresses).size).toBe(addresses.length);
  });

  it('marking the missed meeting held withdraws its nudge at once', async () => {
    await open();
    await runTick(await rt.context(NOW));
    const nudge = (await rt.store.listDrafts({ status: 'pending' })).find((d) => d.template === 'missed-nudge-1')!;
    const meeting = (await rt.store.listMeetings({ outcome: 'missed' }))[0]!;
    const marked = await markMeeting({ store: rt.store, now: NOW, policy: DEFAULT_POLICY }, { meetingId: meeting.id, outcome: 'held', by: 'alex (cli)' });
    expect(marked.withdrawn.map((w) => w.draftId)).toEqual([nudge.id]);
    expect((await rt.store.getDraft(nudge.id))?.cancelledReason).toBe('The meeting with Linda was marked held by alex (cli); the nudge was withdrawn.');
    const next = await runTick(await rt.context(new Date(NOW.getTime() + 3 * 3_600_000)));
    expect(next.drafted.map((d) => d.template)).not.toContain('missed-nudge-1');
    expect(sentTo(dir).map((s) => s.to)).not.toContain('linda@acme.example');
  });

  it('a custom template with a variable that is null for one prospect: that draft is refused with file, line and variable; the others are made', async () => {
    const custom = join(dir, 'my-templates');
    mkdirSync(custom, { recursive: true });
    // Only follow-up.hbs is overridden; Tom has a hot button, Dana and Ken do not (Dana opted out).
    writeFileSync(
      join(custom, 'follow-up.hbs'),
      '---\nsubject: "Following up"\napproval: approve\n---\nHi {{prospect.firstName}},\n\nLast time you told me {{prospect.hotButton}} was your top priority.\n\n{{rep.firstName}}\n',
    );
    await open('./my-templates');
    // Ken's next step is overdue by months (follow-up-ages, bundled), Tom's by 3 days (follow-up, custom).
    const entries = parseYaml(readFileSync(join(dir, 'prospects.yaml'), 'utf8')) as { email: string; hotButton?: string }[];
    for (const e of entries) if (e.email === 'tom@globex.example') delete e.hotButton;
    writeFileSync(join(dir, 'prospects.yaml'), stringifyYaml(entries));
    await rt.close();
    rt = await openRuntime({ config: join(dir, 'followup.yaml'), logger: silentLogger() });
    const summary = await runTick(await rt.context(NOW));
    expect(summary.problems).toEqual([
      { where: join(custom, 'follow-up.hbs'), message: `${join(custom, 'follow-up.hbs')}:7: {{prospect.hotButton}} is null for this draft. Guard it in the template ({{#if prospect.hotButton}}...{{/if}}) or fill it in (for a prospect: prospects.yaml). (draft for tom@globex.example not made)` },
    ]);
    const templates = (await rt.store.listDrafts({})).map((d) => d.template).sort();
    expect(templates).toEqual(['booking-confirmation', 'follow-up-ages', 'follow-up-apology', 'missed-nudge-1']);
  });
});
