import type { Prospect } from '../domain/types.js';
import type { TickSummary, WorkerContext } from './context.js';
import { emptySummary, prospectsOf } from './context.js';
import { describeError } from './error-policy.js';
import { detectOutcomes, matchMeetings } from './meetings.js';
import { planAccount } from './plan.js';
import { effectiveNextStep, syncCallHolds } from './prevent.js';
import { readReplies } from './replies.js';
import { sendDue } from './send.js';
import { sendDigests } from './digest.js';
import { checkStaleness, syncCalendar } from './sync.js';
import { deliverWebhooks } from './webhooks.js';
import { acquireKeptLease, TICK_LEASE_TIMING, type LeaseTiming } from './lease.js';

/** A tick holds this lease; an overlapping tick finds it taken and does nothing. */
export const TICK_LEASE = 'tick';
/** The lease lasts this long unless renewed (it is, every TICK_LEASE_TIMING.renewEveryMs). */
export const TICK_LEASE_MS = TICK_LEASE_TIMING.ttlMs;
/** A tick stops starting new steps after this much wall time (serverless: its own deadline). */
export const TICK_BUDGET_MS = 10 * 60_000;

export interface TickOptions {
  lease?: LeaseTiming;
  budgetMs?: number;
}

/**
 * One run: import prospects → sync calendars and mailboxes → act on replies (book) →
 * detect missed meetings → plan → draft → send what is approved and due.
 * Every step is idempotent; one account's failure never stops the others.
 * The tick holds a short lease, renewed while it works, and has a time budget: when the budget
 * is spent (or the lease was lost), the steps not started yet wait for the next run.
 */
export async function runTick(input: WorkerContext, options: TickOptions = {}): Promise<TickSummary> {
  const summary = emptySummary(input.now);
  const lease = await acquireKeptLease({ store: input.store, name: TICK_LEASE, owner: input.owner, now: input.now, timing: options.lease ?? TICK_LEASE_TIMING, logger: input.logger });
  if (!lease) {
    summary.skippedBecause = 'another run is in progress (it holds the tick lease); this one did nothing.';
    summary.finishedAt = new Date();
    return summary;
  }
  const startedWall = Date.now();
  const budgetMs = options.budgetMs ?? TICK_BUDGET_MS;
  const ctx: WorkerContext = { ...input, deadlineMs: Math.min(input.deadlineMs ?? Infinity, startedWall + budgetMs) };
  let stopped = false;
  const step = async (where: string, fn: () => Promise<void>): Promise<void> => {
    if (stopped) return;
    if (!lease.held() || Date.now() > ctx.deadlineMs!) {
      stopped = true;
      const why = lease.held()
        ? `the run's time budget (${Math.round(budgetMs / 1000)} s) was spent after ${Math.round((Date.now() - startedWall) / 1000)} s`
        : 'another run took over the lease after this one overran it';
      summary.problems.push({ where, message: `not started: ${why}; it and the steps after it wait for the next run` });
      return;
    }
    await runStep(summary, where, fn);
  };
  try {
    for (const message of ctx.prospectProblems ?? []) summary.problems.push({ where: 'prospects file', message });
    await importProspects(ctx);
    for (const rt of ctx.accounts) {
      if (!rt.providers) {
        summary.alerts.push(`${rt.account.id}: not connected. ${rt.account.statusDetail ?? ''}`.trim());
        summary.attention.push({ accountId: rt.account.id, reason: 'not connected' });
        continue;
      }
      await step(`${rt.account.id} calendar`, () => syncCalendar(ctx, rt, summary));
      await step(`${rt.account.id} mailbox`, () => readReplies(ctx, rt, summary));
      await step(`${rt.account.id} meetings`, async () => {
        await matchMeetings(ctx, rt);
        await detectOutcomes(ctx, rt, summary);
      });
    }
    for (const rt of ctx.accounts) await step(`${rt.account.id} planning`, () => planAccount(ctx, rt, summary));
    for (const rt of ctx.accounts) {
      if (rt.providers) await step(`${rt.account.id} call holds`, () => syncCallHolds(ctx, rt, summary));
    }
    const digest = ctx.digest;
    if (digest) await step('digest', () => sendDigests(ctx, summary, digest));
    await step('sending', () => sendDue(ctx, summary));
    await step('webhooks', () => deliverWebhooks(ctx, ctx.webhooks, summary));
    // Planning ran before sending: "approved and waiting to be sent" is stale for whoever was just sent to.
    const sentTo = new Set(summary.sent.map((s) => s.to.toLowerCase()));
    summary.quiet = summary.quiet.filter((q) => !(q.reason === 'awaiting_approval' && sentTo.has(q.prospectEmail.toLowerCase())));
    if (!stopped) await checkStaleness(ctx, summary);
    // Spent link keys and rate-limit counters are only needed until they expire. The earlier of the
    // tick's time and the wall clock, so a run with --now in the future never frees a live key.
    await step('housekeeping', async () => {
      await ctx.store.purgeExpired(new Date(Math.min(ctx.now.getTime(), Date.now())));
    });
  } finally {
    await lease.release();
  }
  summary.finishedAt = new Date();
  return summary;
}

async function runStep(summary: TickSummary, where: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    summary.problems.push({ where, message: describeError(err) });
  }
}

/** The prospects file is the rep's list; the worker's own state (status, pause) is kept. */
export async function importProspects(ctx: WorkerContext): Promise<void> {
  for (const rt of ctx.accounts) {
    for (const p of prospectsOf(ctx, rt.account.id)) {
      const existing = await ctx.store.getProspect(p.id);
      // A next step set by the rep or found in the rep's email (issue 15) wins over the file's.
      const kept = existing ? effectiveNextStep(await ctx.store.listNextSteps(p.id)) : null;
      const merged: Prospect = existing
        ? { ...p, status: existing.status, pausedUntil: existing.pausedUntil ?? null, statusReason: existing.statusReason ?? null, nextStep: kept ?? p.nextStep ?? null }
        : p;
      await ctx.store.upsertProspect(merged);
    }
  }
}
