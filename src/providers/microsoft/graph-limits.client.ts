import { ProviderError } from '../../ports/errors.js';

/**
 * Outlook's service limits are per app + mailbox: 4 concurrent requests and 10,000 requests per
 * 10 minutes. One MailboxLimiter per mailbox (shared by every adapter of that mailbox in the
 * process) keeps every HTTP request under both.
 */
export const MAX_CONCURRENT_REQUESTS_PER_MAILBOX = 4;
export const REQUEST_BUDGET_PER_WINDOW = 10_000;
export const REQUEST_BUDGET_WINDOW_MS = 10 * 60_000;

export class MailboxLimiter {
  private inUse = 0;
  private readonly waiters: { permits: number; resolve: () => void }[] = [];
  private readonly sent: number[] = [];

  constructor(
    readonly maxConcurrent = MAX_CONCURRENT_REQUESTS_PER_MAILBOX,
    readonly budget = REQUEST_BUDGET_PER_WINDOW,
    readonly windowMs = REQUEST_BUDGET_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts `count` requests against the 10-minute budget, or throws RATE_LIMITED with the wait. */
  spend(count: number, where: string): void {
    const t = this.now();
    while (this.sent.length > 0 && this.sent[0]! <= t - this.windowMs) this.sent.shift();
    if (this.sent.length + count > this.budget) {
      const oldest = this.sent[Math.min(this.sent.length - 1, this.sent.length + count - this.budget - 1)] ?? t;
      throw new ProviderError({
        code: 'RATE_LIMITED',
        message: `the mailbox's budget of ${this.budget} requests per ${this.windowMs / 60_000} minutes is used up`,
        where,
        retryAfterMs: Math.max(1, oldest + this.windowMs - t),
      });
    }
    for (let i = 0; i < count; i++) this.sent.push(t);
  }

  /** Waits for `permits` of the concurrency slots; returns the release function. */
  async acquire(permits = 1): Promise<() => void> {
    const n = Math.min(Math.max(1, permits), this.maxConcurrent);
    if (this.inUse + n <= this.maxConcurrent && this.waiters.length === 0) {
      this.inUse += n;
    } else {
      await new Promise<void>((resolve) => this.waiters.push({ permits: n, resolve }));
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inUse -= n;
      this.drain();
    };
  }

  private drain(): void {
    while (this.waiters.length > 0 && this.inUse + this.waiters[0]!.permits <= this.maxConcurrent) {
      const next = this.waiters.shift()!;
      this.inUse += next.permits;
      next.resolve();
    }
  }

  get active(): number {
    return this.inUse;
  }
}

const limiters = new Map<string, MailboxLimiter>();

/** The process-wide limiter of a mailbox (keyed by Graph host + mailbox address). */
export function mailboxLimiter(key: string): MailboxLimiter {
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = new MailboxLimiter();
    limiters.set(key, limiter);
  }
  return limiter;
}
