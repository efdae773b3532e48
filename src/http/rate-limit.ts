/**
 * In-process token buckets (one per key), for sign-in requests. Good for one `followup serve`
 * process; several replicas each keep their own buckets (the limit then applies per replica).
 */
export interface BucketOptions {
  /** Requests allowed in a burst. */
  capacity: number;
  /** One token comes back every refillMs. */
  refillMs: number;
  /** Forget idle keys beyond this many (bounded memory). */
  maxKeys?: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly options: BucketOptions) {}

  /** Takes one token; returns 0 when allowed, otherwise the ms to wait. */
  take(key: string, nowMs: number): number {
    const { capacity, refillMs } = this.options;
    const b = this.buckets.get(key) ?? { tokens: capacity, at: nowMs };
    const refilled = Math.min(capacity, b.tokens + Math.max(0, nowMs - b.at) / refillMs);
    this.buckets.delete(key);
    if (refilled < 1) {
      this.buckets.set(key, { tokens: refilled, at: nowMs });
      return Math.ceil((1 - refilled) * refillMs);
    }
    this.buckets.set(key, { tokens: refilled - 1, at: nowMs });
    const max = this.options.maxKeys ?? 10_000;
    while (this.buckets.size > max) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) break;
      this.buckets.delete(oldest);
    }
    return 0;
  }
}
