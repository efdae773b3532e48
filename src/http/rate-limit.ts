import type { TokenStore } from '../ports/store.js';

/**
 * Sign-in rate limits kept in the store: a counter per key and fixed window, so every
 * `followup serve` replica and every serverless instance on the same database shares one limit.
 */
export interface WindowLimit {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

export class StoreRateLimiter {
  constructor(
    private readonly store: Pick<TokenStore, 'countHit'>,
    private readonly name: string,
    private readonly options: WindowLimit,
  ) {}

  /** Counts one request for `key`; returns 0 when allowed, otherwise the ms until the window ends. */
  async take(key: string, nowMs: number): Promise<number> {
    const { limit, windowMs } = this.options;
    const start = Math.floor(nowMs / windowMs) * windowMs;
    const end = start + windowMs;
    const count = await this.store.countHit(`${this.name}:${key}:${start}`, new Date(end));
    return count <= limit ? 0 : end - nowMs;
  }
}
