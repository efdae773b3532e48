import { isProviderError, type ProviderErrorCode } from '../ports/errors.js';
import type { AccountStatusStore } from '../ports/store.js';
import type { AccountRuntime, TickSummary } from './context.js';

/**
 * The one table that decides what the worker does for each ProviderError code that reaches it.
 * Two decisions are taken earlier, inside the provider's call layer, and are not repeated here:
 * TRANSIENT and RATE_LIMITED errors are retried for a few seconds within the call
 * (src/providers/retry.ts). Everything after that (wait, resync, disconnect, give up) is here,
 * and this module is the only writer of an account's status from an error: adapters only report
 * (they throw ProviderError; an expired cursor is CURSOR_EXPIRED from the error mapper).
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

/** What the rep does to reconnect, after the provider's own words. */
/** When a provider set gives no advice of its own. */
export const GENERIC_RECONNECT = 'fix what it names, then run followup again';

/** The error, then how to reconnect: the account's provider set says how (ProviderSet.reconnect). */
export function reconnectHint(rt: AccountRuntime, message: string): string {
  return `${message.replace(/\.$/, '')}. To reconnect, ${rt.providers?.reconnect ?? GENERIC_RECONNECT}.`;
}

/** The table said "disconnect": marks only this account, tells the rep, and returns the hint. */
export async function markDisconnected(store: AccountStatusStore, rt: AccountRuntime, summary: TickSummary, message: string): Promise<string> {
  const hint = reconnectHint(rt, message);
  await store.setAccountStatus(rt.account.id, 'disconnected', hint);
  rt.account = { ...rt.account, status: 'disconnected', statusDetail: hint };
  summary.alerts.push(`${rt.account.id}: disconnected. ${hint}`);
  summary.attention.push({ accountId: rt.account.id, reason: 'disconnected' });
  return hint;
}

/**
 * Runs one account step: an error the table answers with "disconnect" (a revoked grant met while
 * reading replies or booking, say) marks the account; any other error goes on to the step's report.
 */
export async function underPolicy(store: AccountStatusStore, rt: AccountRuntime, summary: TickSummary, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    if (decideOnError(err).kind !== 'disconnect' || rt.account.status === 'disconnected') throw err;
    await markDisconnected(store, rt, summary, describeError(err));
  }
}
