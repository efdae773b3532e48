import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../../src/app/runtime.js';
import { buildDemoScenario } from '../../src/demo/build-scenario.js';
import { seedLocalWorkspace } from '../../src/demo/seed-local.js';
import { silentLogger } from '../../src/log.js';
import { ProviderError } from '../../src/ports/errors.js';
import type { MailSender } from '../../src/ports/providers.js';
import { VdirCalendarAdapter } from '../../src/providers/local/vdir-calendar.adapter.js';
import { VdirClient } from '../../src/providers/local/vdir.client.js';
import type { WorkerContext } from '../../src/worker/context.js';
import { runTick } from '../../src/worker/tick.js';

// Monday 23 Nov 2026, 15:00 UTC: the demo, where Sara asks for next Tuesday 15:00 Berlin.
const NOW = new Date('2026-11-23T15:00:00Z');
const SARA_SLOT = '2026-11-24T14:00:00.000Z';

function invites(dir: string): string[] {
  const folder = join(dir, 'mail', 'outbox', 'new');
  try {
    return readdirSync(folder)
      .map((f) => readFileSync(join(folder, f), 'utf8'))
      .filter((raw) => /text\/calendar/i.test(raw));
  } catch {
    return [];
  }
}

/** The account's real sender, refusing its next `failures` emails with a transient error (an SMTP 451). */
function flaky(inner: MailSender, failures: { left: number }): MailSender {
  return {
    async send(email) {
      if (failures.left > 0) {
        failures.left -= 1;
        throw new ProviderError({ code: 'TRANSIENT', where: 'smtp', message: '451 4.3.0 try again later' });
      }
      return inner.send(email);
    },
    findSent: (id) => inner.findSent(id),
  };
}

describe('a booking interrupted by a transient error is finished on the next run', () => {
  let dir: string;
  let rt: Runtime;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'followup-book-retry-'));
    rt = await openRuntime({ config: seedLocalWorkspace(dir, buildDemoScenario(NOW)), logger: silentLogger() });
  });
  afterEach(async () => {
    await rt.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A context whose calendar sends invites through the flaky sender (the event file is written first). */
  async function context(now: Date, failures: { left: number }): Promise<WorkerContext> {
    const ctx = await rt.context(now);
    const account = rt.config.accounts[0]!;
    const art = ctx.accounts[0]!;
    const providers = art.providers!;
    const calendar = new VdirCalendarAdapter({
      calendarId: `local:${account.id}`,
      client: new VdirClient(join(dir, 'calendar')),
      floatingZone: account.timeZone,
      repEmail: account.email,
      sender: flaky(providers.sender, failures),
      now: () => now,
      logger: silentLogger(),
    });
    return { ...ctx, accounts: [{ ...art, providers: { ...providers, calendar } }, ...ctx.accounts.slice(1)] };
  }

  it('one 451 on Sara\'s invite: the next run books the time she named (same event, one invite), never offers slots', async () => {
    const failing = await runTick(await context(NOW, { left: 1 }));
    expect(failing.booked).toEqual([]);
    expect(failing.problems.map((p) => p.message).join('\n')).toMatch(/451/);
    expect(invites(dir)).toHaveLength(0);
    const sara = (await rt.store.findProspectByEmail('sara@hooli.example'))!;
    // The event was written before the invite failed: the booking is still under way, not abandoned.
    expect((await rt.store.listBookings(sara.id)).map((b) => [b.start.toISOString(), b.status])).toEqual([[SARA_SLOT, 'pending']]);

    const later = new Date(NOW.getTime() + 10 * 60_000);
    const retried = await runTick(await context(later, { left: 0 }));
    expect(retried.booked.map((b) => b.start.toISOString())).toEqual([SARA_SLOT]);
    expect((await rt.store.listBookings(sara.id)).map((b) => [b.start.toISOString(), b.status])).toEqual([[SARA_SLOT, 'booked']]);
    expect(readdirSync(join(dir, 'calendar')).filter((f) => f.startsWith('bk_') && f.endsWith('.ics'))).toHaveLength(1);
    expect(invites(dir)).toHaveLength(1);
    const drafts = (await rt.store.listDrafts({ prospectId: sara.id })).map((d) => d.template);
    expect(drafts).toEqual(['booking-confirmation']);

    // More runs add nothing: no second invite, no slot offer, no missed-meeting nudge.
    await runTick(await context(new Date(later.getTime() + 10 * 60_000), { left: 0 }));
    expect(invites(dir)).toHaveLength(1);
    expect((await rt.store.listDrafts({ prospectId: sara.id })).map((d) => d.template)).toEqual(['booking-confirmation']);
  });
});

describe('an invite whose connection was lost after the server may have taken it (issue 10: the SMTP chaos story)', () => {
  let dir: string;
  let rt: Runtime;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'followup-book-uncertain-'));
    rt = await openRuntime({ config: seedLocalWorkspace(dir, buildDemoScenario(NOW)), logger: silentLogger() });
  });
  afterEach(async () => {
    await rt.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The account's sender, but the first invite is lost after the server may have taken it; findSent cannot tell (plain SMTP). */
  function lostOnce(inner: MailSender, state: { lost: number }): MailSender {
    return {
      async send(email) {
        if (state.lost === 0) {
          state.lost += 1;
          throw new ProviderError({ code: 'CONFLICT', uncertain: true, where: 'smtp 127.0.0.1:25', message: `the connection was lost while "${email.subject}" to ${email.to} was being sent, so it may or may not have gone out` });
        }
        return inner.send(email);
      },
      findSent: async () => null,
    };
  }

  async function context(now: Date, state: { lost: number }): Promise<WorkerContext> {
    const ctx = await rt.context(now);
    const account = rt.config.accounts[0]!;
    const art = ctx.accounts[0]!;
    const providers = art.providers!;
    const calendar = new VdirCalendarAdapter({
      calendarId: `local:${account.id}`,
      client: new VdirClient(join(dir, 'calendar')),
      floatingZone: account.timeZone,
      repEmail: account.email,
      sender: lostOnce(providers.sender, state),
      now: () => now,
      logger: silentLogger(),
    });
    return { ...ctx, accounts: [{ ...art, providers: { ...providers, calendar } }, ...ctx.accounts.slice(1)] };
  }

  it('books the time Sara named (the event is not uncertain), holds only the invite email and names it to the rep; later runs change nothing', async () => {
    const state = { lost: 0 };
    const first = await runTick(await context(NOW, state));
    expect(state.lost).toBe(1);
    const sara = (await rt.store.findProspectByEmail('sara@hooli.example'))!;
    // The calendar event is a separate action from the email: it is written, and the booking is done.
    expect(first.booked.map((b) => b.start.toISOString())).toEqual([SARA_SLOT]);
    expect((await rt.store.listBookings(sara.id)).map((b) => [b.start.toISOString(), b.status])).toEqual([[SARA_SLOT, 'booked']]);
    expect(readdirSync(join(dir, 'calendar')).filter((f) => f.startsWith('bk_') && f.endsWith('.ics'))).toHaveLength(1);
    // Only the invite email is in doubt: the rep is told, naming it.
    expect(first.alerts.join('\n')).toMatch(/invite.*Sara|Sara.*invite/i);
    expect(first.alerts.join('\n')).toMatch(/may or may not have gone out/);
    expect(invites(dir)).toHaveLength(0);
    expect((await rt.store.listDrafts({ prospectId: sara.id })).map((d) => d.template)).toEqual(['booking-confirmation']);

    // Later runs (past the invite claim's 10 minutes): the invite is never resent, the time stays booked,
    // no slots are offered, no missed-meeting nudge.
    for (const minutes of [10, 30, 24 * 60]) {
      await runTick(await context(new Date(NOW.getTime() + minutes * 60_000), state));
    }
    expect(invites(dir)).toHaveLength(0);
    expect((await rt.store.listBookings(sara.id)).map((b) => [b.start.toISOString(), b.status])).toEqual([[SARA_SLOT, 'booked']]);
    // A day on, her meeting (Tue 24 Nov, 14:00 UTC) has started: the confirmation is withdrawn, not sent late.
    expect((await rt.store.listDrafts({ prospectId: sara.id })).map((d) => [d.template, d.status])).toEqual([['booking-confirmation', 'cancelled']]);
  });
});
