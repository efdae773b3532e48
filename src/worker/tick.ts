import type { Prospect } from '../domain/types.js';
import type { AccountRuntime, TickSummary, WorkerContext } from './context.js';
import { emptySummary, prospectsOf } from './context.js';
import { describeError } from './error-policy.js';
import { detectOutcomes, matchMeetings } from './meetings.js';
import { planAccount } from './plan.js';
import { readReplies } from './replies.js';
import { sendDue } from './send.js';
import { sendDigests } from './digest.js';
import { checkStaleness, syncCalendar } from './sync.js';

/** A tick holds this lease; an overlapping tick finds it taken and does nothing. */
export const TICK_LEASE = 'tick';
export const TICK_LEASE_MS = 15 * 60_000;

/**
 * One run: import prospects → sync calendars and mailboxes → act on replies (book) →
 * detect missed meetings → plan → draft → send what is approved and due.
 * Every step is idempotent; one account's failure never stops the others.
 */
export async function runTick(ctx: WorkerContext): Promise<TickSummary> {
  const summary = emptySummary(ctx.now);
  const held = await ctx.store.acquireLease({ name: TICK_LEASE, owner: ctx.owner, now: ctx.now, ttlMs: TICK_LEASE_MS });
  if (!held) {
    summary.skippedBecause = 'another run is in progress (it holds the tick lease); this one did nothing.';
    summary.finishedAt = new Date();
    return summary;
  }
  try {
    for (const message of ctx.prospectProblems ?? []) summary.problems.push({ where: 'prospects file', message });
    await importProspects(ctx);
    for (const rt of ctx.accounts) await syncAccount(ctx, rt, summary);
    for (const rt of ctx.accounts) await planAccountStep(ctx, rt, summary);
    const digest = ctx.digest;
    if (digest) await step(summary, 'digest', () => sendDigests(ctx, summary, digest));
    await step(summary, 'sending', () => sendDue(ctx, summary));
    settleQuiet(summary);
    await finishTick(ctx, summary);
  } finally {
    await ctx.store.releaseLease({ name: TICK_LEASE, owner: ctx.owner });
  }
  summary.finishedAt = new Date();
  return summary;
}

/**
 * One account's reading work, the same code in-process (SQLite) and as a `sync` job on the
 * PostgreSQL engine: calendar sync, mailbox (replies, and the booking a reply asks for), meetings.
 */
export async function syncAccount(ctx: WorkerContext, rt: AccountRuntime, summary: TickSummary): Promise<void> {
  if (!rt.providers) {
    summary.alerts.push(`${rt.account.id}: not connected. ${rt.account.statusDetail ?? ''}`.trim());
    return;
  }
  await step(summary, `${rt.account.id} calendar`, () => syncCalendar(ctx, rt, summary));
  await step(summary, `${rt.account.id} mailbox`, () => readReplies(ctx, rt, summary));
  await step(summary, `${rt.account.id} meetings`, async () => {
    await matchMeetings(ctx, rt);
    await detectOutcomes(ctx, rt, summary);
  });
}

/** One account's planning (the `plan` job). */
export async function planAccountStep(ctx: WorkerContext, rt: AccountRuntime, summary: TickSummary): Promise<void> {
  await step(summary, `${rt.account.id} planning`, () => planAccount(ctx, rt, summary));
}

/** One account's due emails (the `send` job); exactly once through the outbox claim. */
export async function sendAccount(ctx: WorkerContext, accountId: string, summary: TickSummary): Promise<void> {
  await step(summary, `${accountId} sending`, () => sendDue(ctx, summary, { accountId }));
}

/** Planning ran before sending: "approved and waiting to be sent" is stale for whoever was just sent to. */
export function settleQuiet(summary: TickSummary): void {
  const sentTo = new Set(summary.sent.map((s) => s.to.toLowerCase()));
  summary.quiet = summary.quiet.filter((q) => !(q.reason === 'awaiting_approval' && sentTo.has(q.prospectEmail.toLowerCase())));
}

/** Once per tick, whatever the number of workers: staleness alerts and housekeeping. */
export async function finishTick(ctx: WorkerContext, summary: TickSummary): Promise<void> {
  await checkStaleness(ctx, summary);
  // Spent link keys and rate-limit counters are only needed until they expire. The earlier of the
  // tick's time and the wall clock, so a run with --now in the future never frees a live key.
  await step(summary, 'housekeeping', async () => {
    await ctx.store.purgeExpired(new Date(Math.min(ctx.now.getTime(), Date.now())));
  });
}

export async function step(summary: TickSummary, where: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    summary.problems.push({ where, message: describeError(err) });
  }
}

/** The prospects file is the rep's list; the worker's own state (status, pause) is kept. */
export async function importProspects(ctx: WorkerContext, only?: ReadonlySet<string>): Promise<void> {
  for (const rt of ctx.accounts) {
    if (only && !only.has(rt.account.id)) continue;
    for (const p of prospectsOf(ctx, rt.account.id)) {
      const existing = await ctx.store.getProspect(p.id);
      const merged: Prospect = existing
        ? { ...p, status: existing.status, pausedUntil: existing.pausedUntil ?? null, statusReason: existing.statusReason ?? null }
        : p;
      await ctx.store.upsertProspect(merged);
    }
  }
}
