import { isProviderError, type ProviderErrorCode } from '../ports/errors.js';

/**
 * The one table that decides what the worker does for each ProviderError code that reaches it.
 * Two decisions are taken earlier, inside the provider's call layer, and are not repeated here:
 * TRANSIENT and RATE_LIMITED errors are retried for a few seconds within the call
 * (src/providers/retry.ts), and AUTH_REVOKED marks the account disconnected at once (Google's
 * call, Microsoft's session). Everything after that (wait, resync, disconnect, give up) is here.
 */
export type ErrorAction =
  | { kind: 'retry_later'; afterMs: number }
  | { kind: 'full_resync' }
  | { kind: 'disconnect' }
  | { kind: 'give_up' };

const MINUTE_MS = 60_000;

export const ERROR_ACTIONS: Record<ProviderErrorCode, (retryAfterMs: number | null, attempts: number) => ErrorAction> = {
  AUTH_REVOKED: () => ({ kind: 'disconnect' }),
  RATE_LIMITED: (retryAfterMs) => ({ kind: 'retry_later', afterMs: Math.max(retryAfterMs ?? 0, MINUTE_MS) }),
  TRANSIENT: (retryAfterMs, attempts) => ({
    kind: 'retry_later',
    afterMs: Math.max(retryAfterMs ?? 0, Math.min(2 ** Math.max(attempts - 1, 0) * MINUTE_MS, 6 * 60 * MINUTE_MS)),
  }),
  CURSOR_EXPIRED: () => ({ kind: 'full_resync' }),
  FORBIDDEN: () => ({ kind: 'give_up' }),
  NOT_FOUND: () => ({ kind: 'give_up' }),
  CONFLICT: () => ({ kind: 'give_up' }),
  INVALID_REQUEST: () => ({ kind: 'give_up' }),
  UNKNOWN: (retryAfterMs, attempts) => ({ kind: 'retry_later', afterMs: Math.max(retryAfterMs ?? 0, 2 ** Math.max(attempts - 1, 0) * 5 * MINUTE_MS) }),
};

export function decideOnError(err: unknown, attempts = 1): ErrorAction {
  if (isProviderError(err)) return ERROR_ACTIONS[err.code](err.retryAfterMs, attempts);
  // A bug or an unexpected failure in our own code: retry later rather than lose the work.
  return ERROR_ACTIONS.UNKNOWN(null, attempts);
}

export function describeError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
