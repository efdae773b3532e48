import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ical from 'node-ical';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../../src/app/runtime.js';
import { buildDemoScenario } from '../../src/demo/build-scenario.js';
import { seedLocalWorkspace } from '../../src/demo/seed-local.js';
import { silentLogger } from '../../src/log.js';
import { approveDraft } from '../../src/worker/drafts.js';
import { runTick } from '../../src/worker/tick.js';
import { toOutgoing } from '../../src/worker/outgoing.js';
import { stableId } from '../../src/domain/ids.js';
import { planAccount } from '../../src/worker/plan.js';
import { emptySummary } from '../../src/worker/context.js';

// Monday 23 Nov 2026, 15:00 UTC (10:00 in New York, 16:00 in Berlin).
const NOW = new Date('2026-11-23T15:00:00Z');
const WEEK_MS = 7 * 86_400_000;

function outboxFiles(dir: string): string[] {
  const folder = join(dir, 'mail', 'outbox', 'new');
  try {
    return readdirSync(folder).map((f) => readFileSync(join(folder, f), 'utf8'));
  } catch {
    return [];
  }
}

function messageIds(files: string[]): string[] {
  return files.map((raw) => /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? '?');
}

describe('the demo workspace on the local provider (end to end)', () => {
  let dir: string;
  let rt: Runtime;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'followup-demo-'));
    const configPath = seedLocalWorkspace(dir, buildDemoScenario(NOW));
    rt = await openRuntime({ config: configPath, logger: silentLogger() });
  });
  afterEach(async () => {
    await rt.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function draftsByProspect() {
    const drafts = await rt.store.listDrafts({});
    const out: Record<string, string[]> = {};
    for (const d of drafts) {
      const p = await rt.store.getProspect(d.prospectId);
      (out[p!.email] ??= []).push(d.template);
    }
    return out;
  }

  it('drafts the right template and tone for every prospect, books Sara, pauses Omar and suppresses Dana', async () => {
    const summary = await runTick(await rt.context(NOW));
    expect(summary.problems).toEqual([]);
    const drafts = await draftsByProspect();
    expect(drafts['linda@acme.example']).toEqual(['missed-nudge-1']);
    expect(drafts['tom@globex.example']).toEqual(['follow-up']);
    expect(drafts['priya@initech.example']).toEqual(['follow-up-apology']);
    expect(drafts['ken@umbrella.example']).toEqual(['follow-up-ages']);
    expect(drafts['sara@hooli.example']).toEqual(['booking-confirmation']);
    expect(drafts['omar@stark.example']).toBeUndefined();
    expect(drafts['dana@wayne.example']).toBeUndefined();

    // Linda's nudge says why: she never answered the invite.
    const linda = (await rt.store.listDrafts({})).find((d) => d.template === 'missed-nudge-1')!;
    expect(linda.evidence[0]?.kind).toBe('rsvp');
    expect(linda.reason).toMatch(/Linda/);
    expect(linda.text).not.toMatch(/missed|pitch/i);

    // Sara: booked for Tuesday 24 Nov 15:00 Berlin (14:00 UTC), the invite written and sent.
    expect(summary.booked).toHaveLength(1);
    expect(summary.booked[0]!.start.toISOString()).toBe('2026-11-24T14:00:00.000Z');
    const invites = outboxFiles(dir).filter((raw) => /text\/calendar/i.test(raw));
    expect(invites).toHaveLength(1);
    const icsFile = readdirSync(join(dir, 'calendar')).find((f) => f.startsWith('bk_'));
    expect(icsFile).toBeDefined();
    const parsed = ical.sync.parseICS(readFileSync(join(dir, 'calendar', icsFile!), 'utf8'));
    const vevent = Object.values(parsed).find((c) => c?.type === 'VEVENT') as ical.VEvent;
    expect(new Date(vevent.start).toISOString()).toBe('2026-11-24T14:00:00.000Z');
    const alarms = (vevent as unknown as { alarms?: { type: string; trigger: string }[] }).alarms ?? [];
    expect(alarms.map((a) => [a.type, a.trigger])).toEqual([['VALARM', '-PT15M']]);
    expect(JSON.stringify(vevent.attendee)).toContain('sara@hooli.example');

    // Omar paused until after his return; Dana suppressed.
    const omar = await rt.store.findProspectByEmail('omar@stark.example');
    expect(omar?.status).toBe('paused');
    expect(omar!.pausedUntil!.getTime()).toBeGreaterThan(NOW.getTime() + 9 * 86_400_000);
    // The run's summary says it in the rep's words and zone, not as a raw ISO string.
    expect(summary.replies.find((r) => r.prospectEmail === 'omar@stark.example')?.action).toMatch(/^paused until \w+day, \w+ \d+ at \d+:\d\d [AP]M E[SD]T \(your time\)$/);
    expect(await rt.store.isSuppressed('dana@wayne.example')).toBe(true);
  });

  it('sends every approved email exactly once, in the prospect\'s thread; more runs add nothing', async () => {
    await runTick(await rt.context(NOW));
    const rep = { name: 'Alex Morgan', email: 'alex@northwind.example' };
    for (const d of await rt.store.listDrafts({ status: 'pending' })) {
      await approveDraft({ store: rt.store, now: NOW }, { draftId: d.id, by: 'test', rep });
    }
    const approved = (await rt.store.listOutbox({})).length;
    const later = new Date(NOW.getTime() + WEEK_MS);
    const sending = await runTick(await rt.context(later));
    // The summary does not also call an email that it just sent "waiting to be sent".
    const sentTo = sending.sent.map((s) => s.to);
    expect(sentTo).toContain('linda@acme.example');
    // Sara's meeting (Tue 24 Nov) is over a week later: her booking confirmation would confirm a
    // meeting that has passed, so the send gate withdraws it and says why.
    expect(sentTo).not.toContain('sara@hooli.example');
    expect(sending.withdrawn.map((w) => [w.prospectEmail, w.template, w.detail])).toEqual([
      ['sara@hooli.example', 'booking-confirmation', "The meeting it confirms (Tue 24 Nov, 3:00 PM CET, Sara's time) has started or passed; the confirmation was withdrawn."],
    ]);
    expect(sending.quiet.filter((q) => sentTo.includes(q.prospectEmail)).map((q) => q.reason)).not.toContain('awaiting_approval');
    // 15:00 UTC is 7:00 AM in Los Angeles: Ken's email waits for his business hours (the send gate).
    expect(sentTo).not.toContain('ken@umbrella.example');
    expect(sending.held.map((h) => [h.prospectEmail, h.until.toISOString()])).toEqual([['ken@umbrella.example', '2026-11-30T17:00:00.000Z']]);
    const kens = new Date('2026-11-30T17:00:00Z');
    expect((await runTick(await rt.context(kens))).sent.map((s) => s.to)).toEqual(['ken@umbrella.example']);
    const afterFirst = outboxFiles(dir);
    await runTick(await rt.context(kens));
    await runTick(await rt.context(new Date(kens.getTime() + 60_000)));
    const afterMore = outboxFiles(dir);
    expect(afterMore.length).toBe(afterFirst.length);
    const ids = messageIds(afterMore);
    expect(new Set(ids).size).toBe(ids.length);
    const sent = await rt.store.listOutbox({ status: 'sent' });
    expect(sent.length).toBe(approved - 1);
    // Every approved email but Sara's withdrawn confirmation is a file in the outbox (plus Sara's invite).
    expect(afterMore.length).toBe(approved);
    expect(afterMore.filter((raw) => /^To:.*sara@hooli\.example/im.test(raw))).toHaveLength(1);
    // Nothing ever goes to Dana or Omar.
    expect(afterMore.some((raw) => /^To:.*dana@wayne\.example/im.test(raw))).toBe(false);
    // Sara named the time herself: the booked meeting is not read as a no-show for want of an RSVP.
    expect((await draftsByProspect())['sara@hooli.example']).not.toContain('missed-nudge-1');
  });

  it('Sara\'s booking confirmation, approved and due before her meeting, goes out once in her thread', async () => {
    await runTick(await rt.context(NOW));
    const rep = { name: 'Alex Morgan', email: 'alex@northwind.example' };
    const confirmation = (await rt.store.listDrafts({ status: 'pending' })).find((d) => d.template === 'booking-confirmation')!;
    await approveDraft({ store: rt.store, now: NOW }, { draftId: confirmation.id, by: 'test', rep });
    // Tue 24 Nov 09:00 in Berlin, six hours before the meeting she named.
    const sending = await runTick(await rt.context(new Date('2026-11-24T08:00:00Z')));
    expect(sending.sent.map((s) => s.to)).toEqual(['sara@hooli.example']);
    expect(sending.withdrawn).toEqual([]);
    const sara = outboxFiles(dir).filter((raw) => /^To:.*sara@hooli\.example/im.test(raw) && !/text\/calendar/i.test(raw));
    expect(sara).toHaveLength(1);
    expect(sara[0]).toMatch(/^In-Reply-To:\s*<demo-sara-2@hooli\.example>/im);
  });

  it('two overlapping ticks make no second draft and send nothing twice', async () => {
    const [a, b] = await Promise.all([rt.context(NOW), rt.context(NOW)]);
    const results = await Promise.all([runTick(a), runTick(b)]);
    // The lease lets exactly one of them work.
    expect(results.filter((r) => r.skippedBecause)).toHaveLength(1);
    const first = (await rt.store.listDrafts({})).length;
    expect(first).toBe(5);
    // Even without the lease (it expired mid-run, say), planning twice at once adds nothing.
    const [c, d] = await Promise.all([rt.context(NOW), rt.context(NOW)]);
    await Promise.all([planAccount(c, c.accounts[0]!, emptySummary(NOW)), planAccount(d, d.accounts[0]!, emptySummary(NOW))]);
    expect((await rt.store.listDrafts({})).length).toBe(first);
    await runTick(await rt.context(NOW));
    expect((await rt.store.listDrafts({})).length).toBe(first);
    const reasonKeys = (await rt.store.listDrafts({})).map((d) => d.reasonKey);
    expect(new Set(reasonKeys).size).toBe(reasonKeys.length);
  });

  it('a worker killed at any point of a send loses nothing and sends nothing twice', async () => {
    await runTick(await rt.context(NOW));
    const rep = { name: 'Alex Morgan', email: 'alex@northwind.example' };
    const pending = await rt.store.listDrafts({ status: 'pending' });
    const tom = pending.find((d) => d.template === 'follow-up')!;
    const priya = pending.find((d) => d.template === 'follow-up-apology')!;
    for (const d of [tom, priya]) await approveDraft({ store: rt.store, now: NOW }, { draftId: d.id, by: 'test', rep });
    const later = new Date(NOW.getTime() + WEEK_MS);
    // Worker A claims both and dies: before the provider call for Tom, after it for Priya.
    const ctx = await rt.context(later);
    const claimed = await rt.store.claimOutbox({ now: later, owner: 'dead-worker', limit: 50 });
    const priyaItem = claimed.find((c) => c.draftId === priya.id)!;
    expect(claimed.some((c) => c?.draftId === tom.id)).toBe(true);
    await ctx.accounts[0]!.providers!.sender.send(toOutgoing(priyaItem));
    // A healthy tick later finds Priya's in Sent (not resent) and sends Tom's once.
    await runTick(await rt.context(new Date(later.getTime() + 20 * 60_000)));
    await runTick(await rt.context(new Date(later.getTime() + 40 * 60_000)));
    const files = outboxFiles(dir);
    expect(files.filter((raw) => /^To:.*tom@globex\.example/im.test(raw))).toHaveLength(1);
    expect(files.filter((raw) => /^To:.*priya@initech\.example/im.test(raw))).toHaveLength(1);
    for (const d of [tom, priya]) {
      expect((await rt.store.listOutbox({})).find((o) => o.draftId === d.id)?.status).toBe('sent');
    }
  });

  it('a bounce stops everything for that address: no booking, no nudge, nothing sent again', async () => {
    await runTick(await rt.context(NOW));
    const rep = { name: 'Alex Morgan', email: 'alex@northwind.example' };
    const tom = (await rt.store.listDrafts({ status: 'pending' })).find((d) => d.template === 'follow-up')!;
    const item = await approveDraft({ store: rt.store, now: NOW }, { draftId: tom.id, by: 'test', rep });
    const sentAt = new Date(NOW.getTime() + 3_600_000);
    await runTick(await rt.context(sentAt));
    // The server answers with a delivery status notification that quotes the message (and a time).
    const dsn = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.globex.example>',
      'To: alex@northwind.example',
      'Subject: Undelivered Mail Returned to Sender',
      `Date: ${new Date(sentAt.getTime() + 60_000).toUTCString()}`,
      'Message-ID: <dsn-1@mx.globex.example>',
      `In-Reply-To: ${item.messageId}`,
      'Auto-Submitted: auto-replied',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain',
      '',
      'This is the mail system at host mx.globex.example. Your message could not be delivered:',
      '<tom@globex.example>: 550 5.1.1 User unknown. Let us talk Tuesday at 3pm.',
      '--b1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.globex.example',
      '',
      'Final-Recipient: rfc822; tom@globex.example',
      'Action: failed',
      'Status: 5.1.1',
      '--b1--',
      '',
    ].join('\r\n');
    writeFileSync(join(dir, 'mail', 'inbox', 'new', `${Math.floor(sentAt.getTime() / 1000)}.dsn.test`), dsn);
    const summary = await runTick(await rt.context(new Date(sentAt.getTime() + 10 * 60_000)));
    expect(summary.replies).toEqual([{ prospectEmail: 'tom@globex.example', kind: 'bounce', action: 'bounced: stopped, address flagged' }]);
    expect(summary.booked).toEqual([]);
    const prospect = await rt.store.findProspectByEmail('tom@globex.example');
    expect(prospect?.status).toBe('bounced');
    expect(await rt.store.isSuppressed('tom@globex.example')).toBe(true);
    // A month of runs later: nothing new for Tom.
    const before = (await rt.store.listDrafts({ prospectId: prospect!.id })).length;
    for (const days of [3, 10, 30]) await runTick(await rt.context(new Date(sentAt.getTime() + days * 86_400_000)));
    expect((await rt.store.listDrafts({ prospectId: prospect!.id })).length).toBe(before);
    expect(outboxFiles(dir).filter((raw) => /^To:.*tom@globex\.example/im.test(raw))).toHaveLength(1);
  });

  it('a run killed right after booking Sara finishes the same booking on the next run (no second slot, one invite)', async () => {
    const ctx = await rt.context(NOW);
    const sara = rt.prospects.find((p) => p.email === 'sara@hooli.example')!;
    const start = new Date('2026-11-24T14:00:00.000Z');
    const end = new Date('2026-11-24T14:30:00.000Z');
    const id = stableId('bk', sara.id, start.toISOString());
    // What the killed run did: the booking row, then the event and the invite.
    await rt.store.insertBooking({ id, accountId: 'alex', prospectId: sara.id, start, end, timeZone: sara.timeZone, status: 'pending', eventId: null, sourceMessageId: '<demo-sara-2@hooli.example>', error: null, createdAt: NOW });
    await ctx.accounts[0]!.providers!.calendar.book({
      id, accountId: 'alex', prospectId: sara.id, prospectEmail: sara.email, prospectName: sara.name, organizerEmail: 'alex@northwind.example', organizerName: 'Alex Morgan',
      title: 'Sara Novak / Alex Morgan (Hooli)', description: '', start, end, timeZone: sara.timeZone, reminderMinutes: 15, conference: false, thread: { references: [] },
    });
    const summary = await runTick(await rt.context(NOW));
    expect(summary.booked.map((b) => b.start.toISOString())).toEqual([start.toISOString()]);
    expect((await rt.store.getBooking(id))?.status).toBe('booked');
    expect(readdirSync(join(dir, 'calendar')).filter((f) => f.startsWith('bk_'))).toHaveLength(1);
    expect(outboxFiles(dir).filter((raw) => /text\/calendar/i.test(raw))).toHaveLength(1);
    expect((await rt.store.listDrafts({})).some((d) => d.template === 'slot-proposal')).toBe(false);
  });
});

describe('the demo gives the same outcomes whatever the hour it runs', () => {
  it.each([
    ['Monday early UTC (Sunday evening in New York)', '2026-11-23T06:55:00Z'],
    ['Sunday 14:37 Berlin (the team sync would fall on Tuesday 15:00)', '2026-11-22T13:37:00Z'],
    ['Tuesday 11:00 Berlin (a weekday named on that weekday means next week)', '2026-11-24T10:00:00Z'],
    ['Tuesday 16:05 Berlin (Sara wrote at 15:05: next Tuesday)', '2026-11-24T15:05:00Z'],
    ['Saturday night', '2026-11-28T23:30:00Z'],
  ])('%s', async (_label, iso) => {
    const now = new Date(iso);
    const dir = mkdtempSync(join(tmpdir(), 'followup-demo-hour-'));
    const rt = await openRuntime({ config: seedLocalWorkspace(dir, buildDemoScenario(now)), logger: silentLogger() });
    try {
      const summary = await runTick(await rt.context(now));
      expect(summary.problems).toEqual([]);
      const templates: Record<string, string> = {};
      for (const d of await rt.store.listDrafts({})) templates[(await rt.store.getProspect(d.prospectId))!.email] = d.template;
      expect(templates).toEqual({
        'linda@acme.example': 'missed-nudge-1',
        'tom@globex.example': 'follow-up',
        'priya@initech.example': 'follow-up-apology',
        'ken@umbrella.example': 'follow-up-ages',
        'sara@hooli.example': 'booking-confirmation',
      });
      expect(summary.booked).toHaveLength(1);
      const start = summary.booked[0]!.start;
      expect(start.getTime()).toBeGreaterThan(now.getTime());
      // The coming Tuesday; said on a Tuesday, the next one (the parser's documented rule).
      const saidOnTuesday = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', weekday: 'long' }).format(new Date(now.getTime() - 3_600_000)) === 'Tuesday';
      expect(start.getTime() - now.getTime()).toBeLessThanOrEqual((saidOnTuesday ? 8 : 7) * 86_400_000);
      expect(start.getTime() - now.getTime()).toBeGreaterThan(saidOnTuesday ? 6 * 86_400_000 : 0);
      expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', weekday: 'long', hour: '2-digit', minute: '2-digit' }).format(start)).toBe('Tuesday 15:00');
    } finally {
      await rt.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
