import type { Runtime } from '../app/runtime.js';
import { emptySummary, type TickSummary } from '../worker/context.js';
import { sendDigests } from '../worker/digest.js';
import { finishTick, importProspects, planAccountStep, sendAccount, settleQuiet, step, syncAccount } from '../worker/tick.js';

/**
 * The job code, the same under every engine: one account's pass (the `sync` job) and one
 * account's due emails (the `send` job). Each builds a context for that account alone.
 */
export interface AccountPassResult {
  summary: TickSummary;
  /** The earliest approved email of this account still waiting for its time: a `send` job then. */
  nextSendAt: Date | null;
}

/** sync (calendar) → replies (and the booking a reply asks for) → meetings → plan → send, for one account. */
export async function runAccountPass(runtime: Runtime, accountId: string, now: Date): Promise<AccountPassResult> {
  const summary = emptySummary(now);
  const ctx = await runtime.context(now, { accounts: [accountId] });
  const rt = ctx.accounts[0];
  if (!rt) {
    summary.problems.push({ where: `job for ${accountId}`, message: `account "${accountId}" is not in the config any more; the job did nothing.` });
    return { summary, nextSendAt: null };
  }
  await importProspects(ctx, new Set([accountId]));
  await syncAccount(ctx, rt, summary);
  await planAccountStep(ctx, rt, summary);
  const digest = ctx.digest;
  if (digest) await step(summary, `${accountId} digest`, () => sendDigests(ctx, summary, digest));
  await sendAccount(ctx, accountId, summary);
  settleQuiet(summary);
  summary.finishedAt = new Date();
  return { summary, nextSendAt: await nextSendAt(runtime, accountId, now) };
}

/** The `send` job: what is approved and due for one account, exactly once (the outbox claim). */
export async function runAccountSend(runtime: Runtime, accountId: string, now: Date): Promise<AccountPassResult> {
  const summary = emptySummary(now);
  const ctx = await runtime.context(now, { accounts: [accountId] });
  await sendAccount(ctx, accountId, summary);
  summary.finishedAt = new Date();
  return { summary, nextSendAt: await nextSendAt(runtime, accountId, now) };
}

/** Once per tick: staleness alerts and housekeeping (no provider is contacted). */
export async function runTickHousekeeping(runtime: Runtime, now: Date): Promise<TickSummary> {
  const summary = emptySummary(now);
  const ctx = await runtime.context(now, { accounts: [] });
  for (const message of ctx.prospectProblems ?? []) summary.problems.push({ where: 'prospects file', message });
  await finishTick(ctx, summary);
  return summary;
}

async function nextSendAt(runtime: Runtime, accountId: string, now: Date): Promise<Date | null> {
  const waiting = await runtime.store.listOutbox({ accountId, status: 'approved' });
  let next: Date | null = null;
  for (const item of waiting) if (item.notBefore > now && (!next || item.notBefore < next)) next = item.notBefore;
  return next;
}
