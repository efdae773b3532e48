/**
 * Per-user request pacing: a token bucket (default burst 1, i.e. evenly spaced requests) so a
 * large account stays under Google's per-user rate and never trips userRateLimitExceeded.
 */
export interface Pacer {
  take(): Promise<void>;
}

export class TokenBucket implements Pacer {
  private tokens: number;
  private last: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst = 1,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    if (!(ratePerSecond > 0)) throw new Error('requestsPerSecond must be positive');
    this.tokens = burst;
    this.last = now();
  }

  take(): Promise<void> {
    // Serialise waiters so they are served in order.
    const turn = this.queue.then(() => this.acquire());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async acquire(): Promise<void> {
    for (;;) {
      const t = this.now();
      this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.ratePerSecond);
      this.last = t;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.sleep(Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000));
    }
  }
}

const pacers = new Map<string, { rate: number; pacer: TokenBucket }>();

/** One bucket per Google user across every ProviderSet built in this process. */
export function pacerFor(user: string, requestsPerSecond: number): Pacer {
  const key = user.toLowerCase();
  const existing = pacers.get(key);
  if (existing && existing.rate === requestsPerSecond) return existing.pacer;
  const pacer = new TokenBucket(requestsPerSecond);
  pacers.set(key, { rate: requestsPerSecond, pacer });
  return pacer;
}

export const noPacing: Pacer = { take: async () => undefined };
