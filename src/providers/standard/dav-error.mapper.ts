import { ProviderError, type ProviderErrorCode } from '../../ports/errors.js';

/**
 * CalDAV (HTTP) failures to ProviderError (pure). 401 means the password no longer works (the
 * account is marked disconnected and retried by itself once it works again); 429 and 503 carry
 * Retry-After; other 5xx and network failures are transient.
 */
export interface DavFailure {
  status?: number | null;
  retryAfter?: string | null;
  /** A network error (fetch threw): its message and code. */
  networkError?: { message: string; code?: string | undefined } | null;
}

export function mapDavError(failure: DavFailure, context: { where: string; passwordEnv: string; nowMs: number }): ProviderError {
  const { where } = context;
  const make = (code: ProviderErrorCode, message: string, retryAfterMs: number | null = null) =>
    new ProviderError({ code, where, message, status: failure.status ?? null, retryAfterMs });
  if (failure.networkError) {
    const detail = failure.networkError.code ? `${failure.networkError.code}: ${failure.networkError.message}` : failure.networkError.message;
    return make('TRANSIENT', `cannot reach the CalDAV server (${detail}); it will be tried again`);
  }
  const status = failure.status ?? 0;
  const retryAfterMs = parseRetryAfter(failure.retryAfter ?? null, context.nowMs);
  if (status === 401) {
    return make('AUTH_REVOKED', `the CalDAV server refused the login (401). Check caldav.username and the app password in the environment variable ${context.passwordEnv}`);
  }
  if (status === 403) return make('FORBIDDEN', 'the CalDAV server does not allow this (403); check that caldav.username may write to the calendar');
  if (status === 404 || status === 410) return make('NOT_FOUND', `not found on the CalDAV server (${status}); check caldav.url and caldav.calendar`);
  if (status === 409 || status === 412) return make('CONFLICT', `the CalDAV server reports a conflict (${status})`);
  if (status === 429) return make('RATE_LIMITED', 'the CalDAV server asks to slow down (429)', retryAfterMs);
  if (status >= 500) return make('TRANSIENT', `the CalDAV server failed (${status}); it will be tried again`, retryAfterMs);
  if (status >= 400) return make('INVALID_REQUEST', `the CalDAV server rejected the request (${status})`);
  return make('UNKNOWN', `unexpected CalDAV answer (${status})`);
}

/** Retry-After as seconds or an HTTP date, in ms from now; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (!value) return null;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - nowMs) : null;
}
