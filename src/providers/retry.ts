import pRetry, { AbortError } from 'p-retry';
import { ProviderError } from '../ports/errors.js';

/**
 * The one retry layer for provider calls. SDK-level retries are turned off in the adapters
 * (gaxios `retry: false`, no Graph RetryHandler) so retries never multiply.
 *
 * Retries TRANSIENT and RATE_LIMITED ProviderErrors with exponential backoff and jitter,
 * honouring Retry-After. A wait longer than `maxBlockingDelayMs`, or one that would pass the
 * run's deadline, is not slept: the error is rethrown so the worker persists a "not before"
 * time instead (never long sleeps inside a serverless invocation).
 */
export const MAX_BLOCKING_RETRY_MS = 10_000;

export interface RetryOptions {
  /** Retries after the first attempt. */
  retries?: number;
  baseDelayMs?: number;
  maxBlockingDelayMs?: number;
  /** Epoch ms after which no retry starts (the run's time budget). */
  deadlineMs?: number;
  /** Injected for tests. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  onRetry?: (info: { error: ProviderError; attempt: number; delayMs: number }) => void;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function isRetryable(err: unknown): err is ProviderError {
  return err instanceof ProviderError && (err.code === 'TRANSIENT' || err.code === 'RATE_LIMITED');
}

export async function withRetry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const retries = options.retries ?? 4;
  const base = options.baseDelayMs ?? 250;
  const maxBlocking = options.maxBlockingDelayMs ?? MAX_BLOCKING_RETRY_MS;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;

  return pRetry(
    async (attempt) => {
      try {
        return await fn(attempt);
      } catch (err) {
        if (!isRetryable(err)) throw new AbortError(err instanceof Error ? err : new Error(String(err)));
        throw err;
      }
    },
    {
      retries,
      // Delays are computed and slept here (so Retry-After is honoured), not by p-retry.
      minTimeout: 0,
      maxTimeout: 0,
      randomize: false,
      onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
        if (!(error instanceof ProviderError) || retriesLeft <= 0) return;
        const backoff = base * 2 ** (attemptNumber - 1);
        const jittered = backoff / 2 + Math.random() * (backoff / 2);
        const delayMs = Math.max(error.retryAfterMs ?? 0, Math.round(jittered));
        if (delayMs > maxBlocking || (options.deadlineMs !== undefined && now() + delayMs > options.deadlineMs)) {
          // Too long to wait here: give up now; the caller persists a not-before time.
          throw error;
        }
        options.onRetry?.({ error, attempt: attemptNumber, delayMs });
        await sleep(delayMs);
      },
    },
  );
}
