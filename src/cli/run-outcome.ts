import type { TickSummary } from '../worker/context.js';

/**
 * Exit statuses of `run --once`, for cron and monitors:
 * 0 everything done; 2 items were skipped (bad input); 3 an account needs attention
 * (disconnected, stale or failing, or a booking waits for its retry); 75 another run holds the
 * lease (EX_TEMPFAIL). 1: nothing ran.
 */
export const RUN_EXIT = { ok: 0, skipped: 2, attention: 3, leaseHeld: 75 } as const;

/** A run that ended with something to report: its exit status and the line that says why. */
export class RunHadProblems extends Error {
  override readonly name = 'RunHadProblems';
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** The exit status of a run from its summary, with the reason (null for 0). */
export function runOutcome(summary: TickSummary): RunHadProblems | null {
  if (summary.skippedBecause) return new RunHadProblems(`${summary.skippedBecause} Exit status ${RUN_EXIT.leaseHeld}.`, RUN_EXIT.leaseHeld);
  if (summary.attention.length > 0) {
    const accounts = [...new Set(summary.attention.map((a) => `${a.accountId} (${a.reason})`))].join(', ');
    return new RunHadProblems(`an account needs attention: ${accounts}; see the alerts above. Exit status ${RUN_EXIT.attention}.`, RUN_EXIT.attention);
  }
  const count = summary.problems.length;
  if (count > 0) {
    return new RunHadProblems(`${count} ${count === 1 ? 'problem (listed above) was' : 'problems (listed above) were'} skipped; everything else ran. Exit status ${RUN_EXIT.skipped}.`, RUN_EXIT.skipped);
  }
  return null;
}
