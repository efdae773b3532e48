import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../../src/app/runtime.js';
import { buildDemoScenario } from '../../src/demo/build-scenario.js';
import { eventToIcs, seedLocalWorkspace } from '../../src/demo/seed-local.js';
import { silentLogger } from '../../src/log.js';
import { approveDraft } from '../../src/worker/drafts.js';
import { runTick } from '../../src/worker/tick.js';
import { addBusinessMinutes } from '../../src/domain/business-time.js';
import { DEFAULT_POLICY } from '../../src/domain/policy.js';

// Monday 23 Nov 2026, 15:00 UTC (9:00 AM in Chicago, where Tom is).
const NOW = new Date('2026-11-23T15:00:00Z');
const REP = { name: 'Alex Morgan', email: 'alex@northwind.example' };
const TOM = 'tom@globex.example';

function rfc2822(d: Date): string {
  return DateTime.fromJSDate(d, { zone: 'UTC' }).setLocale('en-US').toFormat("ccc, dd LLL yyyy HH:mm:ss '+0000'");
}

function outbox(dir: string): string[] {
  const folder = join(dir, 'mail', 'outbox', 'new');
  try {
    return readdirSync(folder).map((f) => readFileSync(join(folder, f), 'utf8'));
  } catch {
    return [];
  }
}

/** Tom writes to the rep (into the local Maildir, as mbsync would deliver it). */
function tomWrites(dir: string, input: { id: string; date: Date; body: string; inReplyTo?: string; subject?: string }): void {
  const raw = [
    'From: Tom Reyes <tom@globex.example>',
    `To: ${REP.name} <${REP.email}>`,
    `Subject: ${input.subject ?? 'Re: Pricing options'}`,
    `Date: ${rfc2822(input.date)}`,
    `Message-ID: ${input.id}`,
    ...(input.inReplyTo ? [`In-Reply-To: ${input.inReplyTo}`, `References: ${input.inReplyTo}`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    input.body,
    '',
  ].join('\r\n');
  writeFileSync(join(dir, 'mail', 'inbox', 'new', `${input.date.getTime()}.${input.id.replace(/\W/g, '')}.eml:2,`), raw);
}

describe('offered slots book (slot offer sent → acceptance → booking → invite)', () => {
  let dir: string;
  let rt: Runtime;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'followup-slots-'));
    rt = await openRuntime({ config: seedLocalWorkspace(dir, buildDemoScenario(NOW)), logger: silentLogger() });
    await runTick(await rt.context(NOW));
  });
  afterEach(async () => {
    await rt.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Tom answers vaguely; the slot offer is drafted, approved and sent. Returns the slots and the sent Message-ID. */
  async function sendOffer() {
    const t1 = new Date(NOW.getTime() + 30 * 60_000);
    tomWrites(dir, { id: '<tom-vague@globex.example>', date: t1, body: 'Thanks! Sometime next week would work for a call.' });
    const read = await runTick(await rt.context(new Date(t1.getTime() + 5 * 60_000)));
    expect(read.replies.map((r) => r.kind)).toEqual(['vague']);
    const offerDraft = (await rt.store.listDrafts({ status: 'pending' })).find((d) => d.template === 'slot-proposal')!;
    expect(offerDraft).toBeDefined();
    const offer = (await rt.store.latestSlotOffer(offerDraft.prospectId))!;
    expect(offer.slots).toHaveLength(3);
    // Each slot leaves Tom at least slotLeadHours of business time after the offer goes out.
    const tom = (await rt.store.findProspectByEmail(TOM))!;
    const earliest = addBusinessMinutes(offerDraft.sendAt, DEFAULT_POLICY.slotLeadHours * 60, { zone: tom.timeZone, country: null, policy: DEFAULT_POLICY });
    for (const s of offer.slots) expect(s.start.getTime()).toBeGreaterThanOrEqual(earliest.getTime());

    const approvedAt = new Date(t1.getTime() + 60 * 60_000);
    await approveDraft({ store: rt.store, now: approvedAt }, { draftId: offerDraft.id, by: 'test', rep: REP });
    const sending = await runTick(await rt.context(approvedAt));
    expect(sending.sent.map((s) => s.to)).toContain(TOM);
    const sent = (await rt.store.listOutbox({ status: 'sent' })).find((o) => o.draftId === offerDraft.id)!;
    return { slots: offer.slots, messageId: sent.messageId, at: approvedAt };
  }

  it('"the second one works" books exactly the second slot, sends the invite and drafts a confirmation', async () => {
    const { slots, messageId, at } = await sendOffer();
    const invitesBefore = outbox(dir).filter((raw) => /text\/calendar/i.test(raw)).length;
    const t2 = new Date(at.getTime() + 2 * 3_600_000);
    tomWrites(dir, { id: '<tom-accepts@globex.example>', date: t2, body: 'The second one works for me.', inReplyTo: messageId, subject: 'Re: A few times for our call' });
    const summary = await runTick(await rt.context(new Date(t2.getTime() + 5 * 60_000)));

    expect(summary.booked).toHaveLength(1);
    expect(summary.booked[0]!.start.toISOString()).toBe(slots[1]!.start.toISOString());
    const booking = (await rt.store.listBookings((await rt.store.findProspectByEmail(TOM))!.id)).find((b) => b.status === 'booked')!;
    expect([booking.start.toISOString(), booking.end.toISOString()]).toEqual([slots[1]!.start.toISOString(), slots[1]!.end.toISOString()]);
    // The invite went out to Tom (iTIP REQUEST with the 15-minute alarm), and the confirmation waits for approval.
    const invites = outbox(dir).filter((raw) => /text\/calendar/i.test(raw));
    expect(invites.length).toBe(invitesBefore + 1);
    const invite = invites.find((raw) => raw.includes(TOM) && raw.includes(`DTSTART;TZID=America/Chicago:${DateTime.fromJSDate(slots[1]!.start, { zone: 'America/Chicago' }).toFormat("yyyyLLdd'T'HHmmss")}`))!;
    expect(invite).toMatch(/METHOD:REQUEST/);
    expect(invite).toMatch(/TRIGGER:-PT15M/);
    const drafts = await rt.store.listDrafts({ status: 'pending' });
    expect(drafts.map((d) => d.template)).toContain('booking-confirmation');
    // Not offered again.
    expect((await rt.store.listDrafts({})).filter((d) => d.template === 'slot-proposal')).toHaveLength(1);
  });

  it('an accepted slot that has since become busy gets new slots offered instead', async () => {
    const { slots, messageId, at } = await sendOffer();
    // The rep's calendar fills that slot in the meantime.
    const taken = slots[1]!;
    writeFileSync(
      join(dir, 'calendar', 'taken.ics'),
      eventToIcs({ id: 'taken', calendarId: 'local', title: 'Board meeting', start: taken.start, end: taken.end, status: 'confirmed', attendees: [], categories: [] }),
    );
    const t2 = new Date(at.getTime() + 2 * 3_600_000);
    tomWrites(dir, { id: '<tom-accepts@globex.example>', date: t2, body: 'The second one works for me.', inReplyTo: messageId, subject: 'Re: A few times for our call' });
    const summary = await runTick(await rt.context(new Date(t2.getTime() + 5 * 60_000)));

    expect(summary.booked).toEqual([]);
    const offers = (await rt.store.listDrafts({})).filter((d) => d.template === 'slot-proposal');
    expect(offers).toHaveLength(2);
    const fresh = (await rt.store.latestSlotOffer(offers[0]!.prospectId))!;
    expect(fresh.slots.length).toBeGreaterThan(0);
    expect(fresh.slots.some((s) => s.start < taken.end && s.end > taken.start)).toBe(false);
  });
});
