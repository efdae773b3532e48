import { ProviderError } from '../../ports/errors.js';
import { withRetry, type RetryOptions } from '../retry.js';
import { authRevokedError } from './google.auth.js';
import { mapGoogleError } from './google-error.mapper.js';
import type { Pacer } from './google-pacing.client.js';

/**
 * Every Google request goes through here: paced per user, errors mapped once, retried by the
 * one retry layer (TRANSIENT and RATE_LIMITED only). A rate limit that outlasts the retries is
 * thrown with retryAfterMs so the worker persists a not-before time; an invalid grant marks the
 * account disconnected and tells the rep how to reconnect.
 */

/** Used when Google gives no Retry-After for a rate limit that outlasted the retries. */
export const DEFAULT_RATE_LIMIT_BACKOFF_MS = 60_000;

export interface GoogleCallContext {
  accountId: string;
  pacer: Pacer;
  retry?: RetryOptions;
  /** Told when the authorization is refused (logging only: the worker's error policy marks the account). */
  onAuthRevoked?: (message: string) => Promise<void>;
  now?: () => number;
}

export type GoogleCall = <T>(where: string, fn: (attempt: number) => Promise<T>) => Promise<T>;

export function createGoogleCall(ctx: GoogleCallContext): GoogleCall {
  const now = ctx.now ?? Date.now;
  return async <T>(where: string, fn: (attempt: number) => Promise<T>): Promise<T> => {
    try {
      return await withRetry(async (attempt) => {
        await ctx.pacer.take();
        try {
          return await fn(attempt);
        } catch (err) {
          throw mapGoogleError(err, `google ${where}`, now());
        }
      }, ctx.retry);
    } catch (err) {
      const mapped = mapGoogleError(err, `google ${where}`, now());
      if (mapped.code === 'AUTH_REVOKED') {
        const revoked = authRevokedError(ctx.accountId, mapped, `google ${where}`);
        await ctx.onAuthRevoked?.(revoked.message.replace(/^google [^:]+: /, ''));
        throw revoked;
      }
      if (mapped.code === 'RATE_LIMITED' && mapped.retryAfterMs === null) {
        throw new ProviderError({
          code: 'RATE_LIMITED',
          where: mapped.where,
          message: mapped.message.replace(/^google [^:]+: /, ''),
          status: mapped.status,
          retryAfterMs: DEFAULT_RATE_LIMIT_BACKOFF_MS,
          cause: mapped,
        });
      }
      throw mapped;
    }
  };
}
