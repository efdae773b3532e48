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
    for (const rt of ctx.accounts) {
      if (!rt.providers) {
        summary.alerts.push(`${rt.account.id}: not connected. ${rt.account.statusDetail ?? ''}`.trim());
        continue;
      }
      await step(summary, `${rt.account.id} calendar`, () => syncCalendar(ctx, rt, summary));
      await step(summary, `${rt.account.id} mailbox`, () => readReplies(ctx, rt, summary));
      await step(summary, `${rt.account.id} meetings`, async () => {
        await matchMeetings(ctx, rt);
        await detectOutcomes(ctx, rt, summary);
      });
    }
    for (const rt of ctx.accounts) await step(summary, `${rt.account.id} planning`, () => planAccount(ctx, rt, summary));
    for (const rt of ctx.accounts) {
      if (rt.providers) await step(summary, `${rt.account.id} call holds`, () => syncCallHolds(ctx, rt, summary));
    }
    const digest = ctx.digest;
    if (digest) await step(summary, 'digest', () => sendDigests(ctx, summary, digest));
    await step(summary, 'sending', () => sendDue(ctx, summary));
    await step(summary, 'webhooks', () => deliverWebhooks(ctx, ctx.webhooks, summary));
    // Planning ran before sending: "approved and waiting to be sent" is stale for whoever was just sent to.
    const sentTo = new Set(summary.sent.map((s) => s.to.toLowerCase()));
    summary.quiet = summary.quiet.filter((q) => !(q.reason === 'awaiting_approval' && sentTo.has(q.prospectEmail.toLowerCase())));
    await checkStaleness(ctx, summary);
    // Spent link keys and rate-limit counters are only needed until they expire. The earlier of the
    // tick's time and the wall clock, so a run with --now in the future never frees a live key.
    await step(summary, 'housekeeping', async () => {
      await ctx.store.purgeExpired(new Date(Math.min(ctx.now.getTime(), Date.now())));
    });
  } finally {
    await ctx.store.releaseLease({ name: TICK_LEASE, owner: ctx.owner });
  }
  summary.finishedAt = new Date();
  return summary;
}

async function step(summary: TickSummary, where: string, fn: () => Promise<void>): Promise<void> {
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
