import type PgBoss from 'pg-boss';
import type { Runtime } from '../../app/runtime.js';
import type { BookingRequest, TickSummary } from '../../worker/context.js';
import type { Account } from '../../domain/types.js';
import type { StepResult } from '../account-pass.js';
import type { CursorsTable } from '../../store/schema.js';

/**
 * The queues of the job engine on PostgreSQL (see index.ts for the chain they make), its retry
 * budgets and timings, the data its jobs carry, and the context its modules share.
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
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
/** The slot's work: `run --once` exits when none of these is waiting or running for its slot. */
export const SLOT_QUEUES: QueueName[] = [QUEUES.tick, QUEUES.sync, QUEUES.replies, QUEUES.book, QUEUES.plan, QUEUES.send];
/** Which queue a free lane takes from first: the tick, then the end of chains already started. */
export const TAKE_ORDER: QueueName[] = [QUEUES.tick, QUEUES.send, QUEUES.book, QUEUES.plan, QUEUES.replies, QUEUES.sync, QUEUES.cron];

/** Default accounts worked on at once by one process (`--concurrency`). */
export const DEFAULT_CONCURRENCY = 4;
export const RETRY = { retryLimit: 3, retryDelay: 30, retryBackoff: true } as const;
/**
 * A booking is the prospect's named time: its reply is already recorded when the job runs, so a
 * booking whose tries all fail would be lost silently. It gets a longer budget (30 s doubling, 8
 * retries: about two hours), and when the last try fails the rep is told to book it by hand.
 */
export const BOOK_RETRY = { retryLimit: 8, retryDelay: 30, retryBackoff: true } as const;
/** Finished jobs are marked completed together, this many at most, or this long after the first. */
export const COMPLETE_BATCH = 50;
export const COMPLETE_WITHIN_MS = 1_000;
/** A job running longer than this belongs to a dead worker; pg-boss expires and retries it. */
export const EXPIRE_IN_SECONDS = 15 * 60;
/** How often an idle worker looks for jobs left active by a worker that stopped. */
export const REAP_EVERY_MS = 5_000;
/**
 * A `book` job waits this long unless the replies step that asked for it releases it when it
 * ends (the plan step must not run between a reply and its booking). If that step dies first,
 * the booking still happens then.
 */
export const BOOK_HELD_SECONDS = 15 * 60;

/** What every step job of an account's chain carries. */
export interface StepData {
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
export interface TickData { slot: string; now: string }
export interface RepliesData extends StepData { pass: { due: boolean; startedAt: string } }
export interface BookData extends StepData { request: BookingRequest }
export interface SendData { accountId: string; at: string; slot?: string; chain?: string }

/** A job taken by a lane. */
export interface Taken {
  queue: QueueName;
  id: string;
  data: unknown;
  /** Tries so far and allowed (pg-boss's metadata): the last try of a booking tells the rep. */
  retryCount: number;
  retryLimit: number;
  /** A sync job: whether no other step job of its account waits or runs (known when it was taken). */
  onlyStep?: boolean;
  /** A sync job: its account's cursor rows, read in the statement that took it (absent: not read). */
  cursors?: CursorsTable[];
  /** A sync job: its account's sealed credentials by kind, read in the statement that took it (absent: not read). */
  credentials?: Record<string, string>;
}

export interface Handled extends StepResult {
  /** The queue this job enqueued the account's next step in (null: the chain ends or waits). */
  next: QueueName | null;
}

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

/** What the engine's modules share: one per opened engine. */
export interface EngineContext {
  runtime: Runtime;
  boss: PgBoss;
  db: PgBoss.Db;
  /** pg-boss's schema (`<store schema>_jobs`). */
  schema: string;
  /** The store's schema, when its tables are there: a sync job is taken with its account's cursors and credentials. */
  storeSchema: string | null;
  /** The backend pid of this worker's presence connection (null: it could not be read). */
  presencePid: number | null;
  /** Whether this process registered the cron schedule (then lanes also take from its queue). */
  scheduled: boolean;
}
