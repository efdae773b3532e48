import type { TickSummary } from '../worker/context.js';

/** Adds one job's summary to the process's: a `run --once` prints what its own jobs did. */
export function mergeSummary(into: TickSummary, from: TickSummary): void {
  into.synced.push(...from.synced);
  into.messagesRead += from.messagesRead;
  into.detected.push(...from.detected);
  into.drafted.push(...from.drafted);
  into.sent.push(...from.sent);
  into.booked.push(...from.booked);
  into.replies.push(...from.replies);
  into.quiet.push(...from.quiet);
  into.withdrawn.push(...from.withdrawn);
  into.held.push(...from.held);
  into.notes.push(...from.notes);
  into.problems.push(...from.problems);
  into.alerts.push(...from.alerts);
}
