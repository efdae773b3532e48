import { ensurePush, noteProviderSynced, providerSyncDue } from './push.js';
import type { Prospect } from '../domain/types.js';
import type { AccountRuntime, TickSummary, WorkerContext } from './context.js';
import { emptySummary, prospectsOf } from './context.js';
import { describeError, underPolicy } from './error-policy.js';
import { detectOutcomes, matchMeetings } from './meetings.js';
import { planAccount } from './plan.js';
import { effectiveNextStep, syncCallHolds } from './prevent.js';
import { readReplies, type MailboxRead } from './replies.js';
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

/** Runs one named step of a tick; a failure is recorded as a problem and the tick goes on. */
export type Step = (where: string, fn: () => Promise<void>) => Promise<void>;

/**
 * One run: import prospects → sync calendars and mailboxes → act on replies (book) →
 * detect missed meetings → plan → draft → send what is approved and due.
 * Every step is idempotent; one account's failure never stops the others.
 * The tick holds a short lease, renewed while it works, and has a time budget: when the budget
 * is spent (or the lease was lost), the steps not started yet wait for the next run.
 * On PostgreSQL the job engine runs the same account steps as jobs (src/jobs/account-pass.ts).
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
  const leasedStep: Step = async (where, fn) => {
    if (stopped) return;
    if (!lease.held() || Date.now() > ctx.deadlineMs!) {
      stopped = true;
      const why = lease.held()
        ? `the run's time budget (${Math.round(budgetMs / 1000)} s) was spent after ${Math.round((Date.now() - startedWall) / 1000)} s`
        : 'another run took over the lease after this one overran it';
      summary.problems.push({ where, message: `not started: ${why}; it and the steps after it wait for the next run` });
      return;
    }
    await step(summary, where, fn);
  };
  try {
    for (const message of ctx.prospectProblems ?? []) summary.problems.push({ where: 'prospects file', message });
    await importProspects(ctx);
    for (const rt of ctx.accounts) await syncAccount(ctx, rt, summary, leasedStep);
    for (const rt of ctx.accounts) await planAccountStep(ctx, rt, summary, leasedStep);
    const digest = ctx.digest;
    if (digest) await leasedStep('digest', () => sendDigests(ctx, summary, digest));
    await leasedStep('sending', () => sendDue(ctx, summary));
    settleQuiet(summary);
    if (!stopped) await finishTick(ctx, summary, leasedStep);
  } finally {
    await lease.release();
  }
  summary.finishedAt = new Date();
  return summary;
}

/**
 * One account's reading work, the same code in-process (SQLite) and as step jobs on the
 * PostgreSQL engine: calendar sync (the `sync` job), mailbox (the `replies` job: replies, and the
 * booking a reply asks for), meetings (first in the `plan` job).
 */
export async function syncAccount(ctx: WorkerContext, rt: AccountRuntime, summary: TickSummary, run: Step = plainStep(summary)): Promise<void> {
  const provider = await syncCalendarStep(ctx, rt, summary, run);
  if (!provider) return;
  await readRepliesStep(ctx, rt, summary, provider, run);
  await meetingsStep(ctx, rt, summary, run);
}

/** Whether this pass reads the providers (push may say no: nothing changed), and since when. */
export interface ProviderPass {
  due: boolean;
  /** Wall clock on purpose: a notification that lands while this sync runs keeps its mark. */
  startedAt: Date;
}

/** The `sync` step: push subscriptions, then the calendar. Null when the account is not connected. */
export async function syncCalendarStep(ctx: WorkerContext, rt: AccountRuntime, summary: TickSummary, run: Step = plainStep(summary)): Promise<ProviderPass | null> {
  if (!rt.providers) {
    summary.alerts.push(`${rt.account.id}: not connected. ${rt.account.statusDetail ?? ''}`.trim());
    summary.attention.push({ accountId: rt.account.id, reason: 'not connected' });
    return null;
  }
  if (ctx.push && rt.providers.push) await run(`${rt.account.id} push subscriptions`, () => ensurePush(ctx, rt));
  const pass: ProviderPass = { due: await providerSyncDue(ctx, rt), startedAt: new Date() };
  if (pass.due) await run(`${rt.account.id} calendar`, () => syncCalendar(ctx, rt, summary));
  return pass;
}

/**
 * The `replies` step: new mail, and what each reply asks for (a booking: see ctx.deferBooking).
 * `deferIfNew`: when the mailbox holds anything new, nothing is read or recorded (the cursor is
 * kept) and 'deferred' is returned, for the replies step of its own to read it.
 */
export async function readRepliesStep(ctx: WorkerContext, rt: AccountRuntime, summary: TickSummary, pass: ProviderPass, run: Step = plainStep(summary), options: { deferIfNew?: boolean } = {}): Promise<MailboxRead> {
  if (!rt.providers || !pass.due) return 'unread';
  let outcome = 'unread' as MailboxRead;
  await run(`${rt.account.id} mailbox`, () =>
    underPolicy(ctx.store, rt, summary, async () => {
      outcome = await readReplies(ctx, rt, summary, options);
    }),
  );
  if (outcome === 'deferred') return outcome;
  await noteProviderSynced(ctx, rt.account.id, pass.startedAt);
  return outcome;
}

/** Meetings: matched to prospects, outcomes detected (held, missed). */
export async function meetingsStep(ctx: WorkerContext, rt: AccountRuntime, summary: TickSummary, run: Step = plainStep(summary)): Promise<void> {
  if (!rt.providers) return;
  await run(`${rt.account.id} meetings`, () =>
    underPolicy(ctx.store, rt, summary, async () => {
      await matchMeetings(ctx, rt);
      await detectOutcomes(ctx, rt, summary);
    }),
  );
}

/** One account's planning (the `plan` job): drafts, then the call holds on the rep's calendar. */
export async function planAccountStep(ctx: WorkerContext, rt: AccountRuntime, summary: TickSummary, run: Step = plainStep(summary)): Promise<void> {
  // Opt-outs and out-of-office replies went unread: drafting now could ask the wrong thing.
  if (rt.setupProblem) return;
  // The prospects file could not be read: what it asks for now is unknown (reported as a problem).
  if (ctx.prospectsUnreadable) return;
  await run(`${rt.account.id} planning`, () => underPolicy(ctx.store, rt, summary, () => planAccount(ctx, rt, summary)));
  if (rt.providers) await run(`${rt.account.id} call holds`, () => underPolicy(ctx.store, rt, summary, () => syncCallHolds(ctx, rt, summary)));
}

/** One account's due emails (the `send` job); exactly once through the outbox claim. */
export async function sendAccount(ctx: WorkerContext, accountId: string, summary: TickSummary, run: Step = plainStep(summary)): Promise<void> {
  await run(`${accountId} sending`, () => sendDue(ctx, summary, { accountId }));
}

/** Planning ran before sending: "approved and waiting to be sent" is stale for whoever was just sent to. */
export function settleQuiet(summary: TickSummary): void {
  const sentTo = new Set(summary.sent.map((s) => s.to.toLowerCase()));
  summary.quiet = summary.quiet.filter((q) => !(q.reason === 'awaiting_approval' && sentTo.has(q.prospectEmail.toLowerCase())));
}

/** Once per tick, whatever the number of workers: webhooks, staleness alerts and housekeeping. */
export async function finishTick(ctx: WorkerContext, summary: TickSummary, run: Step = plainStep(summary)): Promise<void> {
  await run('webhooks', () => deliverWebhooks(ctx, ctx.webhooks, summary));
  await checkStaleness(ctx, summary);
  // Spent link keys and rate-limit counters are only needed until they expire. The earlier of the
  // tick's time and the wall clock, so a run with --now in the future never frees a live key.
  await run('housekeeping', async () => {
    await ctx.store.purgeExpired(new Date(Math.min(ctx.now.getTime(), Date.now())));
  });
}

/** Runs one step; a failure becomes a problem in the summary and the work goes on. */
export async function step(summary: TickSummary, where: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    summary.problems.push({ where, message: describeError(err) });
  }
}

const plainStep = (summary: TickSummary): Step => (where, fn) => step(summary, where, fn);

/** The prospects file is the rep's list; the worker's own state (status, pause) is kept. */
export async function importProspects(ctx: WorkerContext, only?: ReadonlySet<string>): Promise<void> {
  if (ctx.prospectsUnreadable) return; // the store's prospects stand in for the file: nothing to import
  for (const rt of ctx.accounts) {
    if (only && !only.has(rt.account.id)) continue;
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
