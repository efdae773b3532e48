import type { ContextOptions, Runtime } from '../app/runtime.js';
import type { Account } from '../domain/types.js';
import { emptySummary, type AccountRuntime, type BookingRequest, type CursorCache, type TickSummary, type WorkerContext } from '../worker/context.js';
import { describeError } from '../worker/error-policy.js';
import { sendDigests } from '../worker/digest.js';
import { bookRequested } from '../worker/replies.js';
import {
  finishTick,
  importProspects,
  meetingsStep,
  planAccountStep,
  readRepliesStep,
  sendAccount,
  syncCalendarStep,
  type ProviderPass,
  type Step,
} from '../worker/tick.js';

/**
 * The step jobs of one account, the same code as the in-process tick (src/worker/tick.ts):
 * sync (calendar) → replies (mailbox; a booking a reply asks for becomes a `book` job) → book →
 * plan (meetings, planning, call holds, digest) → send. Each builds a context for that account
 * alone (its providers kept by the process between steps).
 *
 * A step's failure (a provider error, the store) is reported in its summary as before, and also
 * returned as `failed`: the engine then lets the chain go on (planning still runs every tick) and
 * fails that one job, which pg-boss retries with backoff without redoing the other steps.
 */
export interface StepResult {
  summary: TickSummary;
  /** The account as this step left it (status): the next step of the chain starts from it. */
  account?: Account;
  /** The first error of this step: the engine fails the job (retried by pg-boss). */
  failed: Error | null;
}

/**
 * An account's context as one step built it, for the next steps of the same job (idleChain in
 * pg-engine/steps.ts): the same providers, account and settings, without building them again.
 */
export interface SharedContext {
  base: WorkerContext;
  rt: AccountRuntime;
}

interface AccountStep {
  shared: SharedContext;
  ctx: WorkerContext;
  rt: AccountRuntime;
  summary: TickSummary;
  run: Step;
  failed: () => Error | null;
}

async function accountStep(runtime: Runtime, accountId: string, now: Date, known: Account | undefined, extra: Partial<WorkerContext> = {}, credentials?: ContextOptions['credentials'], shared?: SharedContext): Promise<AccountStep | StepResult> {
  const summary = emptySummary(now);
  const base = shared?.base ?? (await runtime.context(now, { accounts: [accountId], reuseProviders: true, ...(known ? { known: [known] } : {}), ...(credentials ? { credentials } : {}) }));
  const ctx = { ...base, ...extra };
  const rt = shared?.rt ?? ctx.accounts[0];
  if (!rt) {
    summary.problems.push({ where: `job for ${accountId}`, message: `account "${accountId}" is not in the config any more; the job did nothing.` });
    return { summary, failed: null };
  }
  let first: Error | null = null;
  const run: Step = async (where, fn) => {
    try {
      await fn();
    } catch (err) {
      summary.problems.push({ where, message: describeError(err) });
      first ??= err instanceof Error ? err : new Error(String(err));
    }
  };
  return { shared: { base, rt }, ctx, rt, summary, run, failed: () => first };
}

const done = (s: AccountStep): StepResult => {
  s.summary.finishedAt = new Date();
  return { summary: s.summary, failed: s.failed(), account: s.rt.account };
};

/**
 * `sync`: the prospects file's entries of this account, push subscriptions, the calendar.
 * `credentials`: the account's sealed credentials read with the job (its providers built from them).
 */
export async function runSyncStep(runtime: Runtime, accountId: string, now: Date, known?: Account, extra: Partial<WorkerContext> = {}, credentials?: ContextOptions['credentials']): Promise<StepResult & { pass: ProviderPass | null; shared: SharedContext | null }> {
  const s = await accountStep(runtime, accountId, now, known, extra, credentials);
  if (!('ctx' in s)) return { ...s, pass: null, shared: null };
  await s.run(`${accountId} prospects`, () => importProspects(s.ctx, new Set([accountId])));
  const pass = await syncCalendarStep(s.ctx, s.rt, s.summary, s.run);
  return { ...done(s), pass, shared: s.shared };
}

/**
 * `replies`: new mail and what the replies ask for; a booking is handed to `deferBooking`.
 * `deferIfNew` (the sync job reading an idle account's mailbox itself): when anything arrived,
 * nothing is read and `deferred` is true, for a replies job to read it.
 */
export async function runRepliesStep(runtime: Runtime, accountId: string, now: Date, pass: ProviderPass, deferBooking: (request: BookingRequest) => Promise<string>, known?: Account, options: { deferIfNew?: boolean; cursorCache?: CursorCache; shared?: SharedContext } = {}): Promise<StepResult & { deferred: boolean; mailboxRead: boolean }> {
  const s = await accountStep(runtime, accountId, now, known, { deferBooking, ...(options.cursorCache ? { cursorCache: options.cursorCache } : {}) }, undefined, options.shared);
  if (!('ctx' in s)) return { ...s, deferred: false, mailboxRead: false };
  const outcome = await readRepliesStep(s.ctx, s.rt, s.summary, pass, s.run, options);
  return { ...done(s), deferred: outcome === 'deferred', mailboxRead: outcome === 'read' };
}

/** `book`: the booking one reply asked for (idempotent: stable booking ids, the invite sent once). */
export async function runBookStep(runtime: Runtime, accountId: string, now: Date, request: BookingRequest, known?: Account): Promise<StepResult> {
  const s = await accountStep(runtime, accountId, now, known);
  if (!('ctx' in s)) return s;
  await s.run(`${accountId} booking`, async () => {
    const outcome = await bookRequested(s.ctx, s.rt, request, s.summary);
    s.ctx.logger.info({ account: accountId, outcome }, 'booking step');
  });
  return done(s);
}

/**
 * `plan`: meetings, planning and call holds, the digest; then what the outbox holds for the
 * account decides the `send` step: due now (or a row left in `sending` by a dead worker), a send
 * job now; due later, a send job scheduled then. An idle account gets no send job.
 */
export async function runPlanStep(runtime: Runtime, accountId: string, now: Date, known?: Account, extra: Partial<WorkerContext> = {}, shared?: SharedContext): Promise<StepResult & { sendNow: boolean; nextSendAt: Date | null }> {
  const s = await accountStep(runtime, accountId, now, known, extra, undefined, shared);
  if (!('ctx' in s)) return { ...s, sendNow: false, nextSendAt: null };
  await meetingsStep(s.ctx, s.rt, s.summary, s.run);
  await planAccountStep(s.ctx, s.rt, s.summary, s.run);
  const digest = s.ctx.digest;
  if (digest) await s.run(`${accountId} digest`, () => sendDigests(s.ctx, s.summary, digest));
  const waiting = await outboxTimes(runtime, accountId, now);
  return { ...done(s), ...waiting };
}

/** The `send` job: what is approved and due for one account, exactly once (the outbox claim). */
export async function runAccountSend(runtime: Runtime, accountId: string, now: Date): Promise<StepResult & { nextSendAt: Date | null }> {
  const s = await accountStep(runtime, accountId, now, undefined);
  if (!('ctx' in s)) return { ...s, nextSendAt: null };
  await sendAccount(s.ctx, accountId, s.summary, s.run);
  return { ...done(s), nextSendAt: (await outboxTimes(runtime, accountId, now)).nextSendAt };
}

/** Once per tick: staleness alerts and housekeeping (no provider is contacted). */
export async function runTickHousekeeping(runtime: Runtime, now: Date): Promise<TickSummary> {
  const summary = emptySummary(now);
  const ctx = await runtime.context(now, { accounts: [] });
  for (const message of ctx.prospectProblems ?? []) summary.problems.push({ where: 'prospects file', message });
  await finishTick(ctx, summary);
  return summary;
}

async function outboxTimes(runtime: Runtime, accountId: string, now: Date): Promise<{ sendNow: boolean; nextSendAt: Date | null }> {
  const rows = await runtime.store.listOutbox({ accountId, status: ['approved', 'sending'] });
  let sendNow = false;
  let next: Date | null = null;
  for (const item of rows) {
    if (item.status === 'sending') {
      // Perhaps left by a worker that died mid-send: the send step decides (after
      // STUCK_SENDING_MS it looks in the Sent folder before anything is resent).
      sendNow = true;
      continue;
    }
    if (item.notBefore <= now) sendNow = true;
    else if (!next || item.notBefore < next) next = item.notBefore;
  }
  return { sendNow, nextSendAt: next };
}
