import type { Runtime } from '../app/runtime.js';
import type { TickSummary } from '../worker/context.js';

/** `--concurrency N`: accounts one process works on at once (PostgreSQL engine). */
export function parseConcurrency(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number.parseInt(value, 10);
  if (!/^\d+$/.test(value) || n < 1 || n > 64) throw new Error(`--concurrency "${value}" is not a number from 1 to 64.`);
  return n;
}

/**
 * `run --once` on PostgreSQL: this process enqueues the tick of the current schedule slot (once,
 * whoever comes first), then works on the slot's jobs with the others and exits when they are done.
 * The engine is loaded only here: on SQLite, `run --once` never imports it.
 */
export async function runOnceOnEngine(runtime: Runtime, now: Date, concurrency: number | undefined): Promise<TickSummary> {
  const databaseUrl = runtime.config.env.databaseUrl!;
  const { openPgEngine, DEFAULT_CONCURRENCY } = await import('../jobs/pg-engine/index.js');
  const { tickSlot } = await import('../jobs/slot.js');
  const lanes = concurrency ?? DEFAULT_CONCURRENCY;
  const engine = await openPgEngine({ runtime, databaseUrl, concurrency: lanes });
  try {
    const slot = tickSlot(runtime.config.schedule, now);
    await engine.enqueueTick(slot, now);
    const summary = await engine.work({ concurrency: lanes, untilSlotDone: slot });
    summary.startedAt = now;
    return summary;
  } finally {
    await engine.stop();
  }
}

/** `serve` on PostgreSQL: a worker among any number of others; pg-boss fires the schedule once per slot. */
export async function serveOnEngine(runtime: Runtime, concurrency: number | undefined, stop: AbortSignal, onEngine?: (engine: { enqueueSync(accountId: string, reason: string): Promise<boolean> }) => void): Promise<void> {
  const databaseUrl = runtime.config.env.databaseUrl!;
  const { openPgEngine, DEFAULT_CONCURRENCY } = await import('../jobs/pg-engine/index.js');
  const lanes = concurrency ?? DEFAULT_CONCURRENCY;
  const engine = await openPgEngine({ runtime, databaseUrl, concurrency: lanes, cron: true });
  try {
    await engine.schedule(runtime.config.schedule);
    onEngine?.(engine);
    await engine.work({
      concurrency: lanes,
      stop,
      onJob: (s) => {
        if (s.sent.length + s.drafted.length + s.booked.length + s.problems.length > 0) {
          runtime.logger.info({ drafted: s.drafted.length, sent: s.sent.length, booked: s.booked.length, problems: s.problems.length, alerts: s.alerts }, 'job done');
        }
      },
    });
  } finally {
    await engine.stop();
  }
}
