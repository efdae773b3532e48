import type { LeaseStore } from '../ports/store.js';
import type { Logger } from '../log.js';
import { describeError } from './error-policy.js';

/**
 * The tick lease, held for a short time and renewed while the tick works. A run that is killed
 * (or stuck in a loop that starves the event loop, so it cannot renew) blocks the next run only
 * until its short lease expires. Expiry times are counted from the tick's `now` plus the wall time
 * spent since, so a run with `--now` keeps one clock.
 */
export interface LeaseTiming {
  /** How long the lease lasts without renewal. */
  ttlMs: number;
  /** How often it is renewed while the tick works (well under ttlMs). */
  renewEveryMs: number;
}

export const TICK_LEASE_TIMING: LeaseTiming = { ttlMs: 60_000, renewEveryMs: 20_000 };

export interface HeldLease {
  /** False once a renewal found the lease taken by another run (this one overran its expiry). */
  held(): boolean;
  release(): Promise<void>;
}

export async function acquireKeptLease(input: {
  store: LeaseStore;
  name: string;
  owner: string;
  now: Date;
  timing: LeaseTiming;
  logger: Logger;
}): Promise<HeldLease | null> {
  const { store, name, owner, timing } = input;
  const startedWall = Date.now();
  const leaseNow = () => new Date(input.now.getTime() + (Date.now() - startedWall));
  if (!(await store.acquireLease({ name, owner, now: input.now, ttlMs: timing.ttlMs }))) return null;
  let held = true;
  let renewing: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (renewing || !held) return;
    renewing = store
      .acquireLease({ name, owner, now: leaseNow(), ttlMs: timing.ttlMs })
      .then((ok) => {
        if (!ok) {
          held = false;
          input.logger.warn({ lease: name }, 'the lease expired and another run took it; this run stops after its current step');
        }
      })
      .catch((err: unknown) => input.logger.warn({ lease: name, error: describeError(err) }, 'could not renew the lease; will try again'))
      .finally(() => {
        renewing = null;
      });
  }, timing.renewEveryMs);
  timer.unref?.();
  return {
    held: () => held,
    async release() {
      clearInterval(timer);
      await renewing;
      if (held) await store.releaseLease({ name, owner });
    },
  };
}
