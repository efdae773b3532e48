import { createHash } from 'node:crypto';
import { Cron } from 'croner';

/**
 * The schedule slot a moment belongs to: the latest time the cron expression fires at or before
 * `now`. Processes started together (several `run --once`) agree on it, so they share one tick.
 */
export function tickSlot(schedule: string, now: Date): Date {
  const cron = new Cron(schedule, { paused: true });
  // Inclusive of a time exactly on the slot; croner counts in whole seconds.
  const [previous] = cron.previousRuns(1, new Date(Math.floor(now.getTime() / 1000) * 1000 + 1));
  cron.stop();
  if (!previous) throw new Error(`schedule "${schedule}" never fires before ${now.toISOString()}; check the config's schedule.`);
  return previous;
}

/** A UUID derived from a name: the job id that makes "enqueue this once" idempotent in pg-boss. */
export function stableJobId(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
