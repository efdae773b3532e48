import PgBoss from 'pg-boss';
import pg from 'pg';
import type { Runtime } from '../app/runtime.js';
import { emptySummary, type BookingRequest, type TickSummary } from '../worker/context.js';
import type { ProviderPass } from '../worker/tick.js';
import type { Account } from '../domain/types.js';
import { runAccountSend, runBookStep, runPlanStep, runRepliesStep, runSyncStep, runTickHousekeeping, type StepResult } from './account-pass.js';
import { stableJobId, tickSlot } from './slot.js';
import { mergeSummary } from './summary.js';

/**
 * The job engine on PostgreSQL: pg-boss (README "Scale-out" says why it, and how it measured
 * against graphile-worker). An account's work in a tick is a chain of step jobs, one queue per
 * step, each keyed by the account id (the singleton key), so an account's step never runs twice
 * at once and its steps keep their order:
 *
 *   followup-tick (one per slot) → per account: followup-sync → followup-replies
 *     → followup-book (only when a reply asks for a booking) → followup-plan
 *     → followup-send (only when the outbox holds something due; later: scheduled then)
 *
 * Each step enqueues the next when it ends, with an id derived from the account and the chain
 * (the slot, or the push notification's sync job), so a retried step never enqueues it twice.
 * A step that fails still hands on to the next (planning runs every tick) and is itself failed:
 * pg-boss retries that one job with backoff, persisted in its tables, without redoing the others.
 * - sync, replies, plan: `stately` (one queued and one running per account: a burst of push
 *   notifications collapses into one queued sync);
 * - book, send: `singleton` (one running per account, several queued: two replies may each ask
 *   for a booking; a delayed send waits while one due now runs);
 * - followup-cron: pg-boss's own cron (fires once per slot across all workers) enqueues the tick.
 */
export const QUEUES = {
  tick: 'followup-tick',
  sync: 'followup-sync',
  replies: 'followup-replies',
  book: 'followup-book',
  plan: 'followup-plan',
  send: 'followup-send',
  cron: 'followup-cron',
} as const;
type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
/** The slot's work: `run --once` exits when none of these is waiting or running for its slot. */
const SLOT_QUEUES: QueueName[] = [QUEUES.tick, QUEUES.sync, QUEUES.replies, QUEUES.book, QUEUES.plan, QUEUES.send];
/** Which queue a free lane takes from first: the tick, then the end of chains already started. */
const TAKE_ORDER: QueueName[] = [QUEUES.tick, QUEUES.send, QUEUES.book, QUEUES.plan, QUEUES.replies, QUEUES.sync, QUEUES.cron];

/** Default accounts worked on at once by one process (`--concurrency`). */
export const DEFAULT_CONCURRENCY = 4;
const RETRY = { retryLimit: 3, retryDelay: 30, retryBackoff: true } as const;
/**
 * A booking is the prospect's named time: its reply is already recorded when the job runs, so a
 * booking whose tries all fail would be lost silently. It gets a longer budget (30 s doubling, 8
 * retries: about two hours), and when the last try fails the rep is told to book it by hand.
 */
const BOOK_RETRY = { retryLimit: 8, retryDelay: 30, retryBackoff: true } as const;
/** Finished jobs are marked completed together, this many at most, or this long after the first. */
const COMPLETE_BATCH = 50;
const COMPLETE_WITHIN_MS = 1_000;
/** A job running longer than this belongs to a dead worker; pg-boss expires and retries it. */
const EXPIRE_IN_SECONDS = 15 * 60;
/** How often an idle worker looks for jobs left active by a worker that stopped. */
const REAP_EVERY_MS = 5_000;
/**
 * A `book` job waits this long unless the replies step that asked for it releases it when it
 * ends (the plan step must not run between a reply and its booking). If that step dies first,
 * the booking still happens then.
 */
const BOOK_HELD_SECONDS = 15 * 60;

/** What every step job of an account's chain carries. */
interface StepData {
  accountId: string;
  /** The chain: the slot of a scheduled tick, or the id of the sync job a notification asked for. */
  chain?: string;
  now?: string;
  slot?: string;
  reason: string;
  /** The account row as the step before left it (not read again by this step). */
  account?: Account;
  /** Set by a replies step that failed (for the plan step it hands on to): why its mail is unread. */
  repliesFailed?: string;
}
interface TickData { slot: string; now: string }
interface RepliesData extends StepData { pass: { due: boolean; startedAt: string } }
interface BookData extends StepData { request: BookingRequest }
interface SendData { accountId: string; at: string; slot?: string; chain?: string }

export interface JobEngine {
  /** Enqueues the tick of this slot (idempotent); true when this call created it. */
  enqueueTick(slot: Date, now: Date): Promise<boolean>;
  /** Enqueues one account's sync, the head of its chain (a push notification, the safety poll); false when one is already queued. */
  enqueueSync(accountId: string, reason: string): Promise<boolean>;
  /** Works until the slot's jobs are done (`run --once`), or until stopped (`serve`). */
  work(input: { concurrency: number; untilSlotDone?: Date; stop?: AbortSignal; onJob?: (summary: TickSummary) => void }): Promise<TickSummary>;
  /** Registers the config's schedule with pg-boss's cron (serve). */
  schedule(cron: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts pg-boss in the schema beside the store's (`<schema>_jobs`), its queues created once.
 * Workers starting together take turns (an advisory lock): pg-boss creates a table per queue,
 * and concurrent DDL deadlocks.
 */
async function startBoss(url: string, options: Omit<PgBoss.ConstructorOptions, 'schema' | 'connectionString'>, onError: (err: Error) => void): Promise<{ boss: PgBoss; schema: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ s: string }>('select current_schema() as s');
    const current = r.rows[0]?.s ?? 'public';
    const schema = current === 'public' ? 'followup_jobs' : `${current}_jobs`;
    await client.query('select pg_advisory_lock(hashtext($1))', [`followup-jobs:${schema}`]);
    const boss = new PgBoss({ connectionString: url, schema, ...options });
    boss.on('error', onError);
    try {
      await boss.start();
      await ensureQueues(boss);
    } catch (err) {
      await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
      throw err;
    }
    return { boss, schema };
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function openPgEngine(input: { runtime: Runtime; databaseUrl: string; concurrency: number; supervise?: boolean; cron?: boolean }): Promise<JobEngine> {
  const { runtime } = input;
  const { boss, schema } = await startBoss(
    input.databaseUrl,
    {
      max: input.concurrency + 2,
      supervise: input.supervise ?? true,
      // Only `serve` runs pg-boss's clock (it fires the config's schedule once per slot across workers).
      schedule: input.cron ?? false,
      expireInSeconds: EXPIRE_IN_SECONDS,
      ...RETRY,
    },
    (err) => runtime.logger.warn({ err: err.message }, 'job engine error'),
  );
  const db = boss.getDb();
  let scheduled = false;
  // Presence: a connection held for the worker's life. Each job this worker takes is marked with
  // that connection's backend pid; when the process dies (a crash, SIGKILL, an OOM kill), its
  // connection closes and PostgreSQL drops the backend, so any worker can tell that the job's
  // owner is gone and retry it at once, instead of waiting for pg-boss's 15-minute expiry (pg-boss
  // 10 has no heartbeat). A job whose mark never landed still has that expiry.
  const presence = new pg.Client({ connectionString: input.databaseUrl });
  let presencePid: number | null = null;
  try {
    await presence.connect();
    presence.on('error', (err) => runtime.logger.warn({ err: err.message }, 'job engine: the presence connection failed; jobs of this worker fall back to the 15-minute expiry'));
    presencePid = (await presence.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid ?? null;
  } catch (err) {
    await presence.end().catch(() => undefined);
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    throw err;
  }
  let lastReap = 0;

  /**
   * Jobs left active by a worker whose database connection is gone, and jobs active past their
   * expiry (a worker killed before its mark landed): retried now. pg-boss expires jobs only in its
   * maintenance, every 120 s of a process's life, which a `run --once` of a few seconds never
   * reaches: without this, such a job stayed active for good, and a `book` job (one running per
   * account) held that account's bookings with it (the long chaos run on PostgreSQL: Sara's
   * named time never booked).
   */
  async function reapOrphans(force = false): Promise<number> {
    if (!force && Date.now() - lastReap < REAP_EVERY_MS) return 0;
    lastReap = Date.now();
    const r = await db.executeSql(
      `select id, name from ${schema}.job where state = 'active' and (
         (output ? 'followupWorker' and (output->>'followupWorker')::int not in (select pid from pg_stat_activity where pid is not null))
         or started_on + expire_in < now())`,
      [],
    );
    const orphans = r.rows as { id: string; name: string }[];
    for (const o of orphans) {
      await boss.fail(o.name, o.id, { message: 'the worker running this job stopped (its database connection closed); retried' });
      await db.executeSql(`update ${schema}.job set start_after = now() where id = $1::uuid and state = 'retry'`, [o.id]);
    }
    if (orphans.length > 0) runtime.logger.warn({ jobs: orphans.length }, 'job engine: jobs of a worker that stopped are retried now');
    return orphans.length;
  }

  const engine: JobEngine = {
    async enqueueTick(slot, now) {
      const id = await boss.send(QUEUES.tick, { slot: slot.toISOString(), now: now.toISOString() } satisfies TickData, { id: stableJobId(`tick:${slot.toISOString()}`), ...RETRY });
      return id !== null;
    },
    async enqueueSync(accountId, reason) {
      const id = await boss.send(QUEUES.sync, { accountId, reason } satisfies StepData, { singletonKey: accountId, ...RETRY });
      return id !== null;
    },
    async schedule(cron) {
      await boss.schedule(QUEUES.cron, cron, {}, { singletonKey: 'cron' });
      scheduled = true;
    },
    async work({ concurrency, untilSlotDone, stop, onJob }) {
      const total = emptySummary(new Date());
      await reapOrphans(true);
      const pending = new Set<Promise<unknown>>();
      const settle = (p: Promise<unknown>) => {
        const tracked = p.catch((err: unknown) => runtime.logger.warn({ err: (err as Error).message }, 'job state not saved; the job runs again when it expires')).finally(() => pending.delete(tracked));
        pending.add(tracked);
      };
      // Completions are batched: one `complete` per queue for many jobs instead of one round trip
      // each. A job stays active until its batch lands (a stately or singleton queue's next job of
      // that account waits that long); a crash before it lands leaves the job to the reaper or the
      // expiry, and every step is idempotent, its next step existing once.
      let toComplete = new Map<QueueName, string[]>();
      let completing = 0;
      let oldest = 0;
      const completeLater = (queue: QueueName, id: string) => {
        if (completing === 0) oldest = Date.now();
        toComplete.set(queue, [...(toComplete.get(queue) ?? []), id]);
        completing++;
        if (completing >= COMPLETE_BATCH || Date.now() - oldest >= COMPLETE_WITHIN_MS) flushCompletions();
      };
      const flushCompletions = () => {
        const batch = toComplete;
        toComplete = new Map();
        completing = 0;
        for (const [queue, ids] of batch) settle(boss.complete(queue, ids));
      };
      const settled = async () => {
        flushCompletions();
        while (pending.size > 0) await Promise.all([...pending]);
      };
      const lanes = Array.from({ length: Math.max(1, concurrency) }, () => lane());
      await Promise.all(lanes);
      await settled();
      if (untilSlotDone) await reportWaitingBookings(total);
      total.finishedAt = new Date();
      return total;

      async function lane(): Promise<void> {
        // The queue this lane's last job handed on to: most often the same account's next step.
        let prefer: QueueName | null = null;
        while (!stop?.aborted) {
          const taken = await takeOne(prefer);
          if (taken !== false) {
            // A chain that ended: the likeliest work left is the next account's sync.
            prefer = taken ?? QUEUES.sync;
            continue;
          }
          prefer = null;
          await settled();
          if ((await reapOrphans()) > 0) continue;
          if (untilSlotDone && (await slotDone(untilSlotDone))) return;
          await sleep(untilSlotDone ? 100 : 500, stop);
        }
      }

      /** Takes and runs one job: false when there was none; else the queue it handed on to. */
      async function takeOne(prefer: QueueName | null): Promise<QueueName | null | false> {
        const job = (prefer ? await fetchFrom(prefer) : null) ?? (await fetchAny());
        if (!job) return false;
        const { queue, id, data } = job;
        let result: Handled;
        try {
          result = await handle(queue, id, data);
        } catch (err) {
          runtime.logger.warn({ queue, err: (err as Error).message }, 'job failed; the engine retries it with backoff');
          await boss.fail(queue, id, { message: (err as Error).message });
          return null;
        }
        mergeSummary(total, result.summary);
        onJob?.(result.summary);
        // The next step is enqueued already (inside handle); marking this job done overlaps the
        // lane's next fetch instead of costing it a round trip. A crash before it lands leaves the
        // job to expire and run again: every step is idempotent, and its next step exists once.
        const failed = result.failed;
        if (failed && queue === QUEUES.book && job.retryCount >= job.retryLimit) {
          const { request, accountId } = data as BookData;
          total.alerts.push(`${accountId}: the booking a prospect asked for ("${request.proposal}", prospect ${request.prospectId}) failed on every try (${failed.message}). Book it by hand and answer them; followup will not try again.`);
        }
        if (failed) runtime.logger.warn({ queue, err: failed.message }, 'step failed; the engine retries this step with backoff, the next steps went on');
        if (failed) settle(boss.fail(queue, id, { message: failed.message }));
        else completeLater(queue, id);
        return result.next;
      }

      async function fetchFrom(queue: QueueName): Promise<Taken | null> {
        if (presencePid !== null) return fetchMarked(queue, presencePid);
        const [job] = await boss.fetch<unknown>(queue, { batchSize: 1, includeMetadata: true });
        return job ? { queue, id: job.id, data: job.data, retryCount: job.retryCount, retryLimit: job.retryLimit } : null;
      }

      /**
       * pg-boss 10's fetch of one job (its `fetchNextJob` with a batch of one, where the per-key
       * grouping has nothing to group) that also marks the job with this worker's presence pid, in
       * the same statement instead of an update of its own. As in pg-boss, a stately or singleton
       * key already active makes the unique index refuse, which means "nothing to take".
       */
      async function fetchMarked(queue: QueueName, pid: number): Promise<Taken | null> {
        let rows: { id: string; data: unknown; retryCount: number; retryLimit: number }[];
        try {
          const r = await db.executeSql(
            `with next as (
               select id from ${schema}.job
                where name = $1 and state < 'active' and start_after < now()
                order by priority desc, created_on, id
                limit 1
                for update skip locked
             )
             update ${schema}.job j set
               state = 'active',
               started_on = now(),
               retry_count = case when started_on is not null then retry_count + 1 else retry_count end,
               output = jsonb_build_object('followupWorker', $2::int)
             from next
             where j.name = $1 and j.id = next.id
             returning j.id, j.data, j.retry_count as "retryCount", j.retry_limit as "retryLimit"`,
            [queue, pid],
          );
          rows = r.rows as typeof rows;
        } catch {
          // As pg-boss's fetch: its errors are the unique index refusing a second active job of a key.
          return null;
        }
        const job = rows[0];
        return job ? { queue, id: job.id, data: job.data, retryCount: job.retryCount, retryLimit: job.retryLimit } : null;
      }

      /** One query finds the queues with work due, then the first of them in TAKE_ORDER gives a job. */
      async function fetchAny(): Promise<Taken | null> {
        const names = scheduled ? TAKE_ORDER : TAKE_ORDER.filter((q) => q !== QUEUES.cron);
        const r = await db.executeSql(`select distinct name from ${schema}.job where name = any($1::text[]) and state < 'active' and start_after < now()`, [names]);
        const ready = new Set((r.rows as { name: string }[]).map((x) => x.name));
        for (const queue of names) {
          if (!ready.has(queue)) continue;
          const job = await fetchFrom(queue);
          if (job) return job;
        }
        return null;
      }
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      await presence.end().catch(() => undefined);
    },
  };

  interface Taken {
    queue: QueueName;
    id: string;
    data: unknown;
    /** Tries so far and allowed (pg-boss's metadata): the last try of a booking tells the rep. */
    retryCount: number;
    retryLimit: number;
  }

  interface Handled extends StepResult {
    /** The queue this job enqueued the account's next step in (null: the chain ends or waits). */
    next: QueueName | null;
  }

  const stepNow = (d: StepData) => (d.now ? new Date(d.now) : new Date());
  const chainOf = (d: StepData, jobId: string) => d.chain ?? jobId;
  const next = (d: StepData, jobId: string, account?: Account): StepData => ({ accountId: d.accountId, chain: chainOf(d, jobId), reason: d.reason, ...(d.now ? { now: d.now } : {}), ...(d.slot ? { slot: d.slot } : {}), ...(account ? { account } : {}) });

  /** Enqueues the account's next step of this chain, once (its id is derived from the chain). */
  async function handOn<T extends StepData>(queue: QueueName, data: T, startAfter?: Date): Promise<QueueName> {
    await boss.insert([{ name: queue, id: stableJobId(`${queue}:${data.accountId}:${data.chain ?? ''}`), data, singletonKey: data.accountId, ...(startAfter ? { startAfter } : {}), ...RETRY }]);
    return queue;
  }
  /** A step that failed inside an idle account's sync job runs again as its own job after this. */
  const retryAfter = () => new Date(Date.now() + RETRY.retryDelay * 1000);
  /** Adds a step's summary to the job's (every list: the sync job reports for the steps it ran). */
  const addSummary = (into: TickSummary, from: TickSummary) => {
    for (const key of Object.keys(from) as (keyof TickSummary)[]) {
      const list = from[key];
      if (Array.isArray(list)) (into[key] as unknown[]).push(...list);
    }
    into.messagesRead += from.messagesRead;
  };

  /**
   * Whether no other step job of this account (replies, book, plan) waits or runs: then its sync
   * job may do the rest of the chain itself without ever running one step of the account twice at
   * once (no other sync runs: that queue is stately), and whatever appears for the account while
   * it works comes from this job.
   */
  async function onlyStepOfAccount(accountId: string): Promise<boolean> {
    const r = await db.executeSql(
      `select 1 from ${schema}.job where name = any($1::text[]) and singleton_key = $2 and state in ('created', 'retry', 'active') limit 1`,
      [[QUEUES.replies, QUEUES.book, QUEUES.plan], accountId],
    );
    return r.rows.length === 0;
  }

  /**
   * Why a replies step of this account is still to come, or null: a replies job waiting (a failed
   * one's retry included) or running. The replies job of the plan's own chain that is still active
   * is the one that handed on to it (its completion is batched), so it does not count.
   */
  async function repliesPending(accountId: string, chain: string): Promise<string | null> {
    const r = await db.executeSql(
      `select state, retry_count, output->>'message' as message from ${schema}.job
        where name = $1 and singleton_key = $2 and state in ('created', 'retry', 'active')
          and not (state = 'active' and data->>'chain' = $3) limit 1`,
      [QUEUES.replies, accountId, chain],
    );
    const row = r.rows[0] as { state: string; retry_count: number; message: string | null } | undefined;
    if (!row) return null;
    if (row.state === 'active') return 'a replies step is reading it now';
    if (row.state === 'retry' || row.retry_count > 0) return `its replies step failed and waits for its retry${row.message ? ` (${row.message})` : ''}`;
    return 'its replies step has not run yet';
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
  async function idleChain(d: StepData, jobId: string, now: Date, synced: StepResult, replies: RepliesData): Promise<Handled> {
    const summary = synced.summary;
    const pass: ProviderPass = { due: replies.pass.due, startedAt: new Date(replies.pass.startedAt) };
    // A booking is asked for only by a message read, and a mailbox with anything new is not read here.
    const noBooking = () => Promise.reject(new Error('no booking is asked for by a mailbox with nothing new'));
    const read = await runRepliesStep(runtime, d.accountId, now, pass, noBooking, synced.account, { deferIfNew: true });
    if (read.deferred) return { summary, failed: null, account: synced.account, next: await handOn(QUEUES.replies, replies) };
    addSummary(summary, read.summary);
    const chain = next(d, jobId, read.account ?? synced.account);
    if (read.failed) {
      await handOn(QUEUES.replies, replies, retryAfter());
      return { summary, failed: null, account: read.account, next: await handOn(QUEUES.plan, { ...chain, repliesFailed: read.failed.message }) };
    }
    // The mailbox was just read here: planning need not read its cursor again to know it.
    const planned = await runPlanStep(runtime, d.accountId, now, chain.account, read.mailboxRead ? { mailboxReadNow: new Set([d.accountId]) } : {});
    addSummary(summary, planned.summary);
    if (planned.failed) {
      await handOn(QUEUES.plan, chain, retryAfter());
      return { summary, failed: null, account: planned.account, next: null };
    }
    return { summary, failed: null, account: planned.account, next: await sendAfterPlan(d.accountId, chainOf(d, jobId), now, d.slot, planned) };
  }

  /** After planning: a delayed send is scheduled at its time, one due now is enqueued now. */
  async function sendAfterPlan(accountId: string, chain: string, now: Date, slot: string | undefined, planned: { sendNow: boolean; nextSendAt: Date | null }): Promise<QueueName | null> {
    await scheduleSend(accountId, planned.nextSendAt);
    if (!planned.sendNow) return null;
    await boss.insert([{ name: QUEUES.send, id: stableJobId(`${QUEUES.send}:${accountId}:${chain}`), data: { accountId, at: now.toISOString(), chain, ...(slot ? { slot } : {}) } satisfies SendData, singletonKey: accountId, ...RETRY }]);
    return QUEUES.send;
  }

  async function handle(queue: QueueName, jobId: string, data: unknown): Promise<Handled> {
    if (queue === QUEUES.cron) {
      const now = new Date();
      await engine.enqueueTick(tickSlot(runtime.config.schedule, now), now);
      return { summary: emptySummary(now), failed: null, next: null };
    }
    if (queue === QUEUES.tick) {
      const d = data as TickData;
      const now = new Date(d.now);
      // The fan-out: one sync job per account, the head of its chain, in one insert (ids derived
      // from the slot: a second insert of the same tick adds nothing; a sync already queued stands).
      await boss.insert(
        runtime.config.accounts.map((a) => ({
          name: QUEUES.sync,
          id: stableJobId(`${QUEUES.sync}:${a.id}:${d.slot}`),
          data: { accountId: a.id, chain: d.slot, now: d.now, slot: d.slot, reason: 'schedule' } satisfies StepData,
          singletonKey: a.id,
          ...RETRY,
        })),
      );
      return { summary: await runTickHousekeeping(runtime, now), failed: null, next: null };
    }
    if (queue === QUEUES.sync) {
      const d = data as StepData;
      const now = stepNow(d);
      const r = await runSyncStep(runtime, d.accountId, now);
      // Not connected: nothing to read; planning still runs.
      if (!r.pass) return { ...r, next: await handOn(QUEUES.plan, next(d, jobId, r.account)) };
      const replies: RepliesData = { ...next(d, jobId, r.account), pass: { due: r.pass.due, startedAt: r.pass.startedAt.toISOString() } };
      if (r.failed || !(await onlyStepOfAccount(d.accountId))) return { ...r, next: await handOn(QUEUES.replies, replies) };
      return idleChain(d, jobId, now, r, replies);
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
      // This account's replies step has ended: every booking held for it is released, not only the
      // ones this run asked for. A replies step killed after recording its reply (before releasing
      // the booking it had persisted) runs again, finds the reply recorded and asks for nothing:
      // its booking must not wait out the hold.
      const released = await db.executeSql(
        `update ${schema}.job set start_after = now() where name = $1 and singleton_key = $2 and state = 'created' and start_after > now() returning data->>'chain' as chain`,
        [QUEUES.book, d.accountId],
      );
      const sameChain = (released.rows as { chain: string | null }[]).some((row) => row.chain === chain.chain);
      // The last booking of the chain hands on to planning.
      if (books.length > 0 || sameChain) return { ...r, next: QUEUES.book };
      return { ...r, next: await handOn(QUEUES.plan, { ...next(d, jobId, r.account), ...(r.failed ? { repliesFailed: r.failed.message } : {}) }) };
    }
    if (queue === QUEUES.book) {
      const d = data as BookData;
      const request: BookingRequest = { ...d.request, candidates: d.request.candidates.map((c) => ({ start: new Date(c.start), end: new Date(c.end) })) };
      const r = await runBookStep(runtime, d.accountId, stepNow(d), request);
      // (The book step reads the account afresh: other bookings of the chain may have changed it.)
      const others = await db.executeSql(
        `select count(*)::int as n from ${schema}.job where name = $1 and singleton_key = $2 and state = 'created' and start_after <= now() and id <> $3::uuid`,
        [QUEUES.book, d.accountId, jobId],
      );
      const waiting = Number((others.rows[0] as { n: number } | undefined)?.n ?? 0);
      return { ...r, next: waiting > 0 ? QUEUES.book : await handOn(QUEUES.plan, next(d, jobId)) };
    }
    if (queue === QUEUES.plan) {
      const d = data as StepData;
      const now = stepNow(d);
      // Mail of this account fetched (or to be fetched again) and not yet acted on holds its new
      // drafts: an opt-out among it would make them wrong (the chaos run on PostgreSQL drafted a
      // follow-up for a prospect whose opt-out a replies job had not recorded yet).
      const pending = d.repliesFailed ? `its replies step failed: ${d.repliesFailed}` : await repliesPending(d.accountId, chainOf(d, jobId));
      const r = await runPlanStep(runtime, d.accountId, now, d.account, pending ? { mailboxPending: new Map([[d.accountId, pending]]) } : {});
      return { ...r, next: await sendAfterPlan(d.accountId, chainOf(d, jobId), now, d.slot, r) };
    }
    const d = data as SendData;
    const at = new Date(d.at);
    // A scheduled send runs at its time; one due now (from planning) at the tick's time.
    const r = await runAccountSend(runtime, d.accountId, d.slot ? at : new Date(Math.max(at.getTime(), Date.now())));
    await scheduleSend(d.accountId, r.nextSendAt);
    return { ...r, next: null };
  }

  /** A delayed send becomes a job scheduled at its time (one per account and time). */
  async function scheduleSend(accountId: string, at: Date | null): Promise<void> {
    if (!at) return;
    const iso = at.toISOString();
    await boss.insert([{ name: QUEUES.send, id: stableJobId(`send:${accountId}:${iso}`), data: { accountId, at: iso } satisfies SendData, singletonKey: accountId, startAfter: at, ...RETRY }]);
  }

  /**
   * `run --once` exits when its slot's due work is done; a booking whose try failed waits for its
   * pg-boss retry (30 s, doubling) and a booking held for its replies step waits for that step.
   * Neither is lost (the next run takes it when due), but a run must not end as if all were done:
   * each is named in the summary, and its account needs attention (exit status 3) until booked.
   */
  async function reportWaitingBookings(total: TickSummary): Promise<void> {
    const r = await db.executeSql(
      `select data, state, retry_count, retry_limit, start_after, output->>'message' as message from ${schema}.job
        where name = $1 and state in ('created', 'retry') and start_after > now() order by start_after`,
      [QUEUES.book],
    );
    for (const row of r.rows as { data: BookData; state: string; retry_count: number; retry_limit: number; start_after: Date; message: string | null }[]) {
      const { accountId, request } = row.data;
      const at = new Date(row.start_after).toISOString();
      const why = row.state === 'retry' ? `its try ${row.retry_count + 1} of ${row.retry_limit + 1} failed${row.message ? ` (${row.message})` : ''}` : 'it is held for the replies step that asked for it';
      total.alerts.push(`${accountId}: the booking a prospect asked for ("${request.proposal}", prospect ${request.prospectId}) is not done yet: ${why}. The next run from ${at} tries it again (run --once again then).`);
      total.attention.push({ accountId, reason: 'a booking waits for a retry' });
    }
  }

  /** The slot's jobs are done when none of them is waiting (due) or running. Retries scheduled for later do not hold a run. */
  async function slotDone(slot: Date): Promise<boolean> {
    const r = await db.executeSql(
      `select count(*)::int as n from ${schema}.job where name = any($1::text[]) and data->>'slot' = $2 and state in ('created', 'retry', 'active') and start_after <= now()`,
      [SLOT_QUEUES, slot.toISOString()],
    );
    return Number((r.rows[0] as { n: number } | undefined)?.n ?? 0) === 0;
  }

  return engine;
}

async function ensureQueues(boss: PgBoss): Promise<void> {
  const wanted: { name: QueueName; policy: PgBoss.QueuePolicy }[] = [
    { name: QUEUES.tick, policy: 'standard' },
    { name: QUEUES.sync, policy: 'stately' },
    { name: QUEUES.replies, policy: 'stately' },
    { name: QUEUES.book, policy: 'singleton' },
    { name: QUEUES.plan, policy: 'stately' },
    { name: QUEUES.send, policy: 'singleton' },
    { name: QUEUES.cron, policy: 'standard' },
  ];
  for (const q of wanted) {
    const existing = await boss.getQueue(q.name);
    if (existing) {
      // A queue made by an older version with another policy (send was `standard`): new jobs take the new one.
      if (existing.policy !== q.policy) await boss.updateQueue(q.name, { name: q.name, policy: q.policy, ...RETRY, expireInSeconds: EXPIRE_IN_SECONDS });
      continue;
    }
    try {
      await boss.createQueue(q.name, { name: q.name, policy: q.policy, ...RETRY, expireInSeconds: EXPIRE_IN_SECONDS });
    } catch (err) {
      // Two workers creating the queue at once: fine when it is there now.
      if (!(await boss.getQueue(q.name))) throw err;
    }
  }
}

function sleep(ms: number, stop?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    stop?.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    }, { once: true });
  });
}
