import { emptySummary, type BookingRequest, type CursorCache } from '../../worker/context.js';
import type { ProviderPass } from '../../worker/tick.js';
import { runAccountSend, runBookStep, runPlanStep, runRepliesStep, runSyncStep, runTickHousekeeping, type SharedContext, type StepResult } from '../account-pass.js';
import { rowToCursor } from '../../store/queries/cursors.js';
import { flushCursors } from '../../worker/sync.js';
import { stableJobId, tickSlot } from '../slot.js';
import { onlyStepOfAccount, otherBookingsDue, releaseHeldBookings, repliesPending } from './account-jobs.js';
import { addSummary, chainOf, enqueueTick, handOn, next, retryAfter, scheduleSend, sendAfterPlan, stepNow } from './chain.js';
import {
  BOOK_HELD_SECONDS,
  BOOK_RETRY,
  QUEUES,
  RETRY,
  type BookData,
  type EngineContext,
  type Handled,
  type QueueName,
  type RepliesData,
  type SendData,
  type StepData,
  type TickData,
  type Taken,
} from './types.js';

/** Runs one job of a queue: its step of the account's chain, then enqueues the next step. */
export async function handle(ctx: EngineContext, queue: QueueName, jobId: string, data: unknown, taken: Pick<Taken, 'onlyStep' | 'cursors' | 'credentials'> = {}): Promise<Handled> {
  const { onlyStep, cursors, credentials } = taken;
  const { runtime, boss } = ctx;
  if (queue === QUEUES.cron) {
    const now = new Date();
    await enqueueTick(ctx, tickSlot(runtime.config.schedule, now), now);
    return { summary: emptySummary(now), failed: null, next: null };
  }
  if (queue === QUEUES.tick) {
    const d = data as TickData;
    const now = new Date(d.now);
    // The fan-out: one sync job per account, the head of its chain, in one insert (ids derived
    // from the slot: a second insert of the same tick adds nothing; a sync already queued stands).
    // Each carries its account row, all read here in one query, so a sync job does not read it
    // again (a status changed after the tick, by `followup auth`, is seen by the next tick).
    const stored = new Map((await runtime.store.listAccounts()).map((a) => [a.id, a]));
    await boss.insert(
      runtime.config.accounts.map((a) => {
        const account = stored.get(a.id);
        return {
          name: QUEUES.sync,
          id: stableJobId(`${QUEUES.sync}:${a.id}:${d.slot}`),
          data: { accountId: a.id, chain: d.slot, now: d.now, slot: d.slot, reason: 'schedule', ...(account ? { account } : {}) } satisfies StepData,
          singletonKey: a.id,
          ...RETRY,
        };
      }),
    );
    return { summary: await runTickHousekeeping(runtime, now), failed: null, next: null };
  }
  if (queue === QUEUES.sync) {
    const d = data as StepData;
    const now = stepNow(d);
    // The only step job of its account: its calendar and mailbox cursors are read once for the job
    // (taken with the job when the fetch read them), and their saves are written together, in one
    // statement, before anything reads them from the store (flushCursors below and in idleChain).
    const cursorCache: CursorCache | undefined = onlyStep === true ? { accountId: d.accountId, rows: cursors ? new Map(cursors.map((row) => [row.cursor_key, rowToCursor(row)])) : null, deferred: new Map() } : undefined;
    const sealed = credentials ? { accountId: d.accountId, sealed: new Map(Object.entries(credentials)) } : undefined;
    const r = await runSyncStep(runtime, d.accountId, now, d.account, cursorCache ? { cursorCache } : {}, sealed);
    if (!r.pass || r.failed || onlyStep !== true) await flushCursors(runtime.store, cursorCache);
    // Not connected: nothing to read; planning still runs.
    if (!r.pass) return { ...r, next: await handOn(ctx, QUEUES.plan, next(d, jobId, r.account)) };
    const replies: RepliesData = { ...next(d, jobId, r.account), pass: { due: r.pass.due, startedAt: r.pass.startedAt.toISOString() } };
    if (r.failed || !(onlyStep ?? (await onlyStepOfAccount(ctx, d.accountId)))) return { ...r, next: await handOn(ctx, QUEUES.replies, replies) };
    return idleChain(ctx, d, jobId, now, r, replies, cursorCache);
  }
  if (queue === QUEUES.replies) {
    const d = data as RepliesData;
    const chain = next(d, jobId);
    const books: string[] = [];
    const pass: ProviderPass = { due: d.pass.due, startedAt: new Date(d.pass.startedAt) };
    const r = await runRepliesStep(runtime, d.accountId, stepNow(d), pass, async (request) => {
      // Persisted before the reply is recorded (act first, record after); held until this step ends.
      const id = stableJobId(`${QUEUES.book}:${d.accountId}:${request.key}`);
      await boss.insert([{ name: QUEUES.book, id, data: { ...chain, request } satisfies BookData, singletonKey: d.accountId, startAfter: new Date(Date.now() + BOOK_HELD_SECONDS * 1000), ...BOOK_RETRY }]);
      books.push(id);
      return `booking the time asked for ("${request.proposal}") in its own step`;
    }, d.account);
    const sameChain = (await releaseHeldBookings(ctx, d.accountId)).some((c) => c === chain.chain);
    // The last booking of the chain hands on to planning.
    if (books.length > 0 || sameChain) return { ...r, next: QUEUES.book };
    return { ...r, next: await handOn(ctx, QUEUES.plan, { ...next(d, jobId, r.account), ...(r.failed ? { repliesFailed: r.failed.message } : {}) }) };
  }
  if (queue === QUEUES.book) {
    const d = data as BookData;
    const request: BookingRequest = { ...d.request, candidates: d.request.candidates.map((c) => ({ start: new Date(c.start), end: new Date(c.end) })) };
    const r = await runBookStep(runtime, d.accountId, stepNow(d), request);
    // (The book step reads the account afresh: other bookings of the chain may have changed it.)
    const waiting = await otherBookingsDue(ctx, d.accountId, jobId);
    return { ...r, next: waiting > 0 ? QUEUES.book : await handOn(ctx, QUEUES.plan, next(d, jobId)) };
  }
  if (queue === QUEUES.plan) {
    const d = data as StepData;
    const now = stepNow(d);
    // Mail of this account fetched (or to be fetched again) and not yet acted on holds its new
    // drafts: an opt-out among it would make them wrong (the chaos run on PostgreSQL drafted a
    // follow-up for a prospect whose opt-out a replies job had not recorded yet).
    const pending = d.repliesFailed ? `its replies step failed: ${d.repliesFailed}` : await repliesPending(ctx, d.accountId, chainOf(d, jobId));
    const r = await runPlanStep(runtime, d.accountId, now, d.account, pending ? { mailboxPending: new Map([[d.accountId, pending]]) } : {});
    return { ...r, next: await sendAfterPlan(ctx, d.accountId, chainOf(d, jobId), now, d.slot, r) };
  }
  const d = data as SendData;
  const at = new Date(d.at);
  // A scheduled send runs at its time; one due now (from planning) at the tick's time.
  const r = await runAccountSend(runtime, d.accountId, d.slot ? at : new Date(Math.max(at.getTime(), Date.now())));
  await scheduleSend(ctx, d.accountId, r.nextSendAt);
  return { ...r, next: null };
}

/**
 * An account with nothing new costs one job a tick, not three: its sync job reads the mailbox
 * itself (the replies step) and, when nothing arrived, plans (the plan step), each the same code
 * as its own job. The chain goes back to the step jobs whenever there is work to split:
 * - something arrived in the mailbox: nothing is read here, the replies job reads it (and a
 *   booking it asks for goes between it and planning, as always);
 * - the replies step failed: its job is enqueued to run after the engine's retry delay (pg-boss
 *   retries it from there), and planning goes on now as its own job, as when a replies job fails;
 * - planning failed: its job is enqueued to run after that delay.
 */
async function idleChain(ctx: EngineContext, d: StepData, jobId: string, now: Date, synced: StepResult & { shared: SharedContext | null }, replies: RepliesData, cursorCache: CursorCache | undefined): Promise<Handled> {
  const { runtime } = ctx;
  const summary = synced.summary;
  const pass: ProviderPass = { due: replies.pass.due, startedAt: new Date(replies.pass.startedAt) };
  // A booking is asked for only by a message read, and a mailbox with anything new is not read here.
  const noBooking = () => Promise.reject(new Error('no booking is asked for by a mailbox with nothing new'));
  // The sync step's context (providers, account, settings) serves the job's other steps.
  const shared = synced.shared ?? undefined;
  const read = await runRepliesStep(runtime, d.accountId, now, pass, noBooking, synced.account, { deferIfNew: true, ...(cursorCache ? { cursorCache } : {}), ...(shared ? { shared } : {}) });
  // The calendar's and the mailbox's cursors, saved in one statement before the replies job or
  // planning reads them.
  await flushCursors(runtime.store, cursorCache);
  if (read.deferred) return { summary, failed: null, account: synced.account, next: await handOn(ctx, QUEUES.replies, replies) };
  addSummary(summary, read.summary);
  const chain = next(d, jobId, read.account ?? synced.account);
  if (read.failed) {
    await handOn(ctx, QUEUES.replies, replies, retryAfter());
    return { summary, failed: null, account: read.account, next: await handOn(ctx, QUEUES.plan, { ...chain, repliesFailed: read.failed.message }) };
  }
  // The mailbox was just read here: planning need not read its cursor again to know it.
  const planned = await runPlanStep(runtime, d.accountId, now, chain.account, read.mailboxRead ? { mailboxReadNow: new Set([d.accountId]) } : {}, shared);
  addSummary(summary, planned.summary);
  if (planned.failed) {
    await handOn(ctx, QUEUES.plan, chain, retryAfter());
    return { summary, failed: null, account: planned.account, next: null };
  }
  return { summary, failed: null, account: planned.account, next: await sendAfterPlan(ctx, d.accountId, chainOf(d, jobId), now, d.slot, planned) };
}
