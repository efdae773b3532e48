import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import ical from 'node-ical';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../../src/app/runtime.js';
import { buildDemoScenario, DEMO_REP } from '../../src/demo/build-scenario.js';
import { eventToIcs, seedLocalWorkspace } from '../../src/demo/seed-local.js';
import { silentLogger } from '../../src/log.js';
import { runTick } from '../../src/worker/tick.js';
import { logCall } from '../../src/worker/prevent.js';
import { formatSummary } from '../../src/cli/format.js';
import type { CalendarEvent } from '../../src/domain/types.js';
import type { DemoMessage } from '../../src/demo/scenario.js';

/**
 * Issue 15, "How it will be checked": the five checks as a user would run them, on the demo workspace
 * (local provider: .ics folder, Maildir, SQLite), with a few prospects added to it.
 */
// Monday 23 Nov 2026, 15:00 UTC (10:00 in New York, the rep's zone; 16:00 in Berlin).
const NOW = new Date('2026-11-23T15:00:00Z');
const HOUR = 3_600_000;
const at = (ms: number) => new Date(NOW.getTime() + ms);
const repFrom = `${DEMO_REP.name} <${DEMO_REP.email}>`;

function rfc2822(d: Date): string {
  return DateTime.fromJSDate(d, { zone: 'UTC' }).setLocale('en-US').toFormat("ccc, dd LLL yyyy HH:mm:ss '+0000'");
}
function mail(input: { from: string; to: string; subject: string; date: Date; id: string; inReplyTo?: string; body: string; folder: 'inbox' | 'sent' }): DemoMessage {
  const raw = [
    `From: ${input.from}`,
    `To: ${input.to}`,
    `Subject: ${input.subject}`,
    `Date: ${rfc2822(input.date)}`,
    `Message-ID: ${input.id}`,
    ...(input.inReplyTo ? [`In-Reply-To: ${input.inReplyTo}`, `References: ${input.inReplyTo}`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    input.body,
    '',
  ].join('\r\n');
  return { raw, folder: input.folder, date: input.date, threadKey: input.id };
}

function meetingWith(id: string, email: string, name: string, start: Date, response: 'needs_action' | 'accepted'): CalendarEvent {
  return {
    id,
    calendarId: 'demo',
    uid: `${id}@northwind.example`,
    title: `${name} / Northwind: demo`,
    start,
    end: new Date(start.getTime() + 30 * 60_000),
    status: 'confirmed',
    organizerEmail: DEMO_REP.email,
    attendees: [
      { email: DEMO_REP.email, name: DEMO_REP.name, response: 'accepted', organizer: true },
      { email, name, response },
    ],
    categories: [],
  };
}

describe('issue 15 on the demo: prevent the drop before it happens', () => {
  let dir: string;
  let rt: Runtime;
  // Mia (Berlin) meets the rep tomorrow, Tuesday 15:00 Berlin, and has not answered the invite.
  const miaMeeting = meetingWith('demo-mia-demo', 'mia@contoso.example', 'Mia Lang', new Date('2026-11-24T14:00:00Z'), 'needs_action');
  // Noah accepted his.
  const noahMeeting = meetingWith('demo-noah-demo', 'noah@fabrikam.example', 'Noah Berg', new Date('2026-11-24T16:00:00Z'), 'accepted');

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'followup-prevent-'));
    const scenario = buildDemoScenario(NOW);
    scenario.prospects.push(
      { email: 'mia@contoso.example', name: 'Mia Lang', company: 'Contoso', timeZone: 'Europe/Berlin' },
      { email: 'noah@fabrikam.example', name: 'Noah Berg', company: 'Fabrikam', timeZone: 'Europe/Berlin' },
      { email: 'olga@initrode.example', name: 'Olga Ivanova', company: 'Initrode', timeZone: 'America/Chicago' },
      { email: 'raj@wayneco.example', emails: ['raj.personal@example.org'], name: 'Raj Patel', company: 'WayneCo', timeZone: 'America/New_York', nextStep: { what: 'send the case study', due: at(-48 * HOUR).toISOString() } },
    );
    scenario.prospects[0]!.phone = '+1 212 555 0101';
    scenario.events.push(miaMeeting, noahMeeting);
    scenario.messages.push(
      mail({ from: repFrom, to: 'Olga Ivanova <olga@initrode.example>', subject: 'Good talking today', date: at(-1 * HOUR), id: '<demo-olga-1@northwind.example>', folder: 'sent', body: "Hi Olga,\n\nThanks for the chat. I'll call you Thursday at 10 to go through the numbers.\n\nAlex" }),
      mail({ from: repFrom, to: 'Raj Patel <raj@wayneco.example>', subject: 'Case study', date: at(-5 * 24 * HOUR), id: '<demo-raj-1@northwind.example>', folder: 'sent', body: 'Hi Raj,\n\nHere is the case study.\n\nAlex' }),
      mail({ from: 'Raj Patel <raj.personal@example.org>', to: repFrom, subject: 'Re: Case study', date: at(-2 * HOUR), id: '<demo-raj-2@example.org>', inReplyTo: '<demo-raj-1@northwind.example>', folder: 'inbox', body: 'Please remove me from your list.\n\nRaj' }),
    );
    rt = await openRuntime({ config: seedLocalWorkspace(dir, scenario), logger: silentLogger() });
  });
  afterEach(async () => {
    await rt.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const prospect = async (email: string) => (await rt.store.findProspectByEmail(email))!;
  const draftsOf = async (email: string) => rt.store.listDrafts({ prospectId: (await prospect(email)).id });

  it('1. a meeting not accepted gets a confirmation the day before, and none once they accept', async () => {
    const first = await runTick(await rt.context(NOW));
    expect(first.problems).toEqual([]);
    const [confirm] = await draftsOf('mia@contoso.example');
    expect(confirm?.template).toBe('meeting-confirm');
    expect(confirm?.status).toBe('pending');
    expect(confirm?.text).toContain('Looking forward to our call tomorrow at 3:00 PM CET. Does that still work for you?');
    expect(first.unconfirmed.map((u) => u.prospectEmail)).toContain('mia@contoso.example');
    expect(await draftsOf('noah@fabrikam.example')).toEqual([]);

    // Mia accepts in her calendar client: the next run withdraws the confirmation.
    writeFileSync(join(dir, 'calendar', `${miaMeeting.id}.ics`), eventToIcs({ ...miaMeeting, attendees: miaMeeting.attendees.map((a) => ({ ...a, response: 'accepted' as const })) }));
    const second = await runTick(await rt.context(at(10 * 60_000)));
    const [after] = await draftsOf('mia@contoso.example');
    expect(after?.status).toBe('cancelled');
    expect(after?.cancelledReason).toMatch(/accepted/);
    expect(second.unconfirmed.map((u) => u.prospectEmail)).not.toContain('mia@contoso.example');
  });

  it("2. after Linda's no-show a call hold is on the calendar 15 minutes after the end; a voicemail is on her timeline", async () => {
    await runTick(await rt.context(NOW));
    const holdFiles = readdirSync(join(dir, 'calendar')).filter((f) => f.startsWith('hold_'));
    const holds = holdFiles.flatMap((f) => Object.values(ical.sync.parseICS(readFileSync(join(dir, 'calendar', f), 'utf8'))).filter((e): e is ical.VEvent => e?.type === 'VEVENT'));
    const starts = holds.map((h) => new Date(h.start).toISOString()).sort();
    const lindaEnd = at(-3 * HOUR);
    // The first 15 minutes after the end (already passed when the demo runs), and the next one along the
    // cadence: two business days later, at the start of the rep's business hours (Wednesday 9:00 New York).
    expect(starts).toEqual([new Date(lindaEnd.getTime() + 15 * 60_000).toISOString(), '2026-11-25T14:00:00.000Z']);
    const hold = holds.find((h) => new Date(h.start).getTime() === lindaEnd.getTime() + 15 * 60_000)!;
    expect(String(hold.summary)).toBe('Call Linda Park (Acme)');
    expect(String(hold.description)).toContain('+1 212 555 0101');
    expect(String(hold.description)).toContain('Something must have come up');
    // A second run places nothing again.
    const again = await runTick(await rt.context(at(5 * 60_000)));
    expect(again.callHolds).toEqual([]);
    expect(readdirSync(join(dir, 'calendar')).filter((f) => f.startsWith('hold_'))).toHaveLength(2);

    const linda = await prospect('linda@acme.example');
    await logCall(rt.store, { prospect: linda, outcome: 'voicemail', note: 'left my number', at: at(10 * 60_000), by: DEMO_REP.email });
    const timeline = await rt.store.listAttempts(linda.id);
    expect(timeline.find((a) => a.kind === 'call')).toMatchObject({ outcome: 'voicemail', at: at(10 * 60_000) });
    expect(timeline.some((a) => a.kind === 'call_hold' && a.outcome === 'placed')).toBe(true);
  });

  it('3. "can you send the pricing first?" needs your reply, pauses her nudges, and reminds after 4 business hours', async () => {
    await runTick(await rt.context(NOW));
    const nudge = (await draftsOf('linda@acme.example')).find((d) => d.template === 'missed-nudge-1');
    expect(nudge?.status).toBe('pending');
    // Linda writes at 11:00 New York.
    writeFileSync(
      join(dir, 'mail', 'inbox', 'cur', `${Math.floor(at(HOUR).getTime() / 1000)}.linda.followup:2,S`),
      mail({ from: 'Linda Park <linda@acme.example>', to: repFrom, subject: 'Re: Acme / Northwind: intro call', date: at(HOUR), id: '<demo-linda-2@acme.example>', folder: 'inbox', body: 'Hi Alex,\n\nSorry about today. Can you send the pricing first?\n\nLinda' }).raw,
    );
    const read = await runTick(await rt.context(at(HOUR + 10 * 60_000)));
    expect(read.needsReply[0]).toMatchObject({ prospectEmail: 'linda@acme.example', words: 'Can you send the pricing first?', remind: false });
    // The run summary shows it first.
    expect(formatSummary(read, DEMO_REP.timeZone).split('\n').slice(0, 2)).toEqual([
      'Needs your reply',
      '  - Linda Park <linda@acme.example> asked you for something on Mon 23 Nov, 11:00 AM EST: "Can you send the pricing first?"',
    ]);
    expect((await draftsOf('linda@acme.example')).find((d) => d.template === 'missed-nudge-1')?.status).toBe('cancelled');
    expect(read.quiet.find((q) => q.prospectEmail === 'linda@acme.example')?.reason).toBe('needs_reply');
    // Her reply ends the call cadence: the hold still ahead (Wednesday) is taken off the calendar.
    expect(read.callHolds).toEqual([expect.objectContaining({ prospectEmail: 'linda@acme.example', placed: 0, removed: 1 })]);
    expect(readdirSync(join(dir, 'calendar')).filter((f) => f.startsWith('hold_'))).toHaveLength(1);
    const lindaTimeline = await rt.store.listAttempts((await prospect('linda@acme.example')).id);
    expect(lindaTimeline.find((a) => a.kind === 'call_hold' && a.outcome === 'removed')?.detail).toMatch(/taken off your calendar: Linda wrote back/);

    // 14:59 New York: not yet; 15:00 (four business hours after 11:00): the reminder, once.
    const before = await runTick(await rt.context(at(5 * HOUR - 60_000)));
    expect(before.needsReply[0]?.remind).toBe(false);
    const due = await runTick(await rt.context(at(5 * HOUR)));
    expect(due.needsReply[0]?.remind).toBe(true);
    expect(due.alerts.some((a) => /Reminder: Linda Park asked you for something/.test(a))).toBe(true);
    const later = await runTick(await rt.context(at(5 * HOUR + 10 * 60_000)));
    expect(later.alerts.some((a) => /Reminder: Linda Park/.test(a))).toBe(false);
    // Nothing new drafted for her while she waits for the rep.
    expect((await draftsOf('linda@acme.example')).map((d) => d.template)).toEqual(['missed-nudge-1']);

    // The rep answers from their own mail client: the item clears.
    writeFileSync(
      join(dir, 'mail', 'inbox', 'cur', `${Math.floor(at(5 * HOUR + 20 * 60_000).getTime() / 1000)}.alex.followup:2,S`),
      mail({ from: repFrom, to: 'Linda Park <linda@acme.example>', subject: 'Re: Acme / Northwind: intro call', date: at(5 * HOUR + 20 * 60_000), id: '<demo-linda-3@northwind.example>', inReplyTo: '<demo-linda-2@acme.example>', folder: 'sent', body: 'Hi Linda,\n\nHere is the pricing.\n\nAlex' }).raw,
    );
    const answered = await runTick(await rt.context(at(5 * HOUR + 30 * 60_000)));
    expect(answered.needsReply).toEqual([]);
    expect(answered.quiet.find((q) => q.prospectEmail === 'linda@acme.example')?.reason).not.toBe('needs_reply');
  });

  it('4. "I\'ll call you Thursday at 10" in the rep\'s own email makes a next step due Thursday 10:00 in the rep\'s zone', async () => {
    await runTick(await rt.context(NOW));
    const olga = await prospect('olga@initrode.example');
    expect(olga.nextStep?.due.toISOString()).toBe('2026-11-26T15:00:00.000Z');
    expect(olga.nextStep?.what).toBe('call you Thursday at 10 to go through the numbers');
    const entry = (await rt.store.listAttempts(olga.id)).find((a) => a.kind === 'next_step');
    expect(entry?.detail).toContain('found in your email "Good talking today"');
    // The next run (the prospects file is read again) keeps it.
    await runTick(await rt.context(at(10 * 60_000)));
    expect((await prospect('olga@initrode.example')).nextStep?.due.toISOString()).toBe('2026-11-26T15:00:00.000Z');
    // Two business days after her email there is no "did my note reach you?": the promised call is the follow-up.
    await runTick(await rt.context(new Date('2026-11-25T16:00:00Z')));
    expect((await draftsOf('olga@initrode.example')).map((d) => d.template)).not.toContain('hand-sent-follow-up');
  });

  it("5. an opt-out from a prospect's second address stops the prospect", async () => {
    const summary = await runTick(await rt.context(NOW));
    const raj = await prospect('raj@wayneco.example');
    expect(raj.status).toBe('suppressed');
    expect(await rt.store.isSuppressed('raj.personal@example.org')).toBe(true);
    expect(await draftsOf('raj@wayneco.example')).toEqual([]);
    expect(summary.quiet.find((q) => q.prospectEmail === 'raj@wayneco.example')?.reason).toBe('suppressed');
  });
});
