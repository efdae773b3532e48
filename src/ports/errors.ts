/**
 * One error type for every provider, with a closed set of codes. Each provider's pure error
 * mapper turns SDK errors into this; the worker decides what to do from the code alone
 * (see worker/error-policy.ts).
 */
export const PROVIDER_ERROR_CODES = [
  'AUTH_REVOKED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'TRANSIENT',
  'CURSOR_EXPIRED',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_REQUEST',
  'UNKNOWN',
] as const;
export type ProviderErrorCode = (typeof PROVIDER_ERROR_CODES)[number];

export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly code: ProviderErrorCode;
  /** Which provider and operation ("google calendar events.list"). */
  readonly where: string;
  /** Milliseconds to wait before retrying, when the provider said so (Retry-After). */
  readonly retryAfterMs: number | null;
  readonly status: number | null;
  /** The receiving server refused the recipient for good (SMTP 550 5.1.1 "user unknown" and
   *  the like): the address is dead, not just this email. Set by the error mappers. */
  readonly recipientRejected: boolean;
  /** The transport cannot tell whether the email went out (connection lost after the message
   *  was sent): the outbox row is held as 'uncertain' for the rep, never retried on its own. */
  readonly uncertain: boolean;

  constructor(input: {
    code: ProviderErrorCode;
    message: string;
    where: string;
    retryAfterMs?: number | null;
    status?: number | null;
    recipientRejected?: boolean;
    uncertain?: boolean;
    cause?: unknown;
  }) {
    super(`${input.where}: ${input.message}`, { cause: input.cause });
    this.code = input.code;
    this.where = input.where;
    this.retryAfterMs = input.retryAfterMs ?? null;
    this.status = input.status ?? null;
    this.recipientRejected = input.recipientRejected ?? false;
    this.uncertain = input.uncertain ?? false;
    for (const listener of providerErrorListeners) listener(this.code);
  }
}

/** Told of every ProviderError as it is made (the /metrics counter by code); nothing else. */
const providerErrorListeners = new Set<(code: ProviderErrorCode) => void>();

/** Adds a listener; returns the function that removes it. */
export function onProviderError(listener: (code: ProviderErrorCode) => void): () => void {
  providerErrorListeners.add(listener);
  return () => providerErrorListeners.delete(listener);
}

export function isProviderError(err: unknown): err is ProviderError {
  return err instanceof ProviderError;
}

/** Bad input found in a file or message: reported with its location and skipped. */
export interface InputProblem {
  /** File name, message id, config key... */
  where: string;
  message: string;
}
