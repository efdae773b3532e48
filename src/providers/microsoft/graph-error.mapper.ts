import { ProviderError, type ProviderErrorCode } from '../../ports/errors.js';

/**
 * Pure: Graph SDK / HTTP / msal failures → ProviderError. Branches on status and `error.code`,
 * never on message text. The only place Microsoft errors are interpreted.
 */

export interface GraphFailure {
  /** HTTP status; -1 (or null) when no response arrived (timeout, connection reset). */
  status: number | null;
  /** Graph `error.code`, OAuth `error`, or the network error's name. */
  code: string | null;
  message: string;
  /** Raw Retry-After header value (seconds, possibly fractional, or an HTTP date). */
  retryAfter?: string | null;
}

export interface ErrorContext {
  /** "microsoft calendar calendarView.delta" */
  where: string;
  /** The account, so an AUTH_REVOKED message can say how to reconnect it. */
  accountId: string;
  /** For parsing HTTP-date Retry-After values. */
  now?: number;
}

const CURSOR_CODES = new Set(['syncstatenotfound', 'resyncrequired', 'syncstateinvalid']);
const AUTH_CODES = new Set(['invalid_grant', 'interaction_required', 'invalidauthenticationtoken', 'unauthenticated', 'consent_required', 'login_required', 'no_tokens_found', 'invalid_client']);
const NETWORK_CODES = new Set(['timeouterror', 'aborterror', 'fetcherror', 'typeerror', 'econnreset', 'econnrefused', 'etimedout', 'und_err_socket', 'networkerror']);

export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

export function reconnectHint(accountId: string): string {
  return `Run \`followup auth microsoft --account ${accountId}\` to reconnect this account.`;
}

/** The decision table. */
export function classifyGraphFailure(f: GraphFailure): ProviderErrorCode {
  const code = (f.code ?? '').toLowerCase();
  const status = f.status ?? -1;
  if (AUTH_CODES.has(code) && code !== 'invalid_client') return 'AUTH_REVOKED';
  if (code === 'invalid_client') return 'AUTH_REVOKED';
  if (status === 410 || CURSOR_CODES.has(code)) return 'CURSOR_EXPIRED';
  if (status === 401) return 'AUTH_REVOKED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409 || status === 412) return 'CONFLICT';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 500 || status === 502 || status === 503 || status === 504 || status === 408) return 'TRANSIENT';
  if (status === 400 || status === 413 || status === 422) return 'INVALID_REQUEST';
  if (status <= 0 && (NETWORK_CODES.has(code) || code === '')) return 'TRANSIENT';
  return 'UNKNOWN';
}

export function mapGraphFailure(f: GraphFailure, ctx: ErrorContext, cause?: unknown): ProviderError {
  const code = classifyGraphFailure(f);
  const detail = f.code ? `${f.code}: ${f.message}` : f.message;
  const message =
    code === 'AUTH_REVOKED'
      ? `Microsoft 365 no longer accepts this account's sign-in (${f.code ?? f.status}). ${reconnectHint(ctx.accountId)}`
      : code === 'CURSOR_EXPIRED'
        ? `the delta link expired (${f.code ?? f.status}); a full resync of the window is needed`
        : detail || `HTTP ${f.status}`;
  return new ProviderError({
    code,
    message,
    where: ctx.where,
    retryAfterMs: code === 'RATE_LIMITED' || code === 'TRANSIENT' ? parseRetryAfter(f.retryAfter, ctx.now) : null,
    status: f.status !== null && f.status > 0 ? f.status : null,
    cause,
  });
}

function headerOf(headers: unknown, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const rec = headers as Record<string, string>;
  const key = Object.keys(rec).find((k) => k.toLowerCase() === name.toLowerCase());
  return key ? (rec[key] ?? null) : null;
}

/** Extracts a GraphFailure from whatever was thrown: GraphError, msal AuthError, fetch errors. */
export function toGraphFailure(err: unknown): GraphFailure {
  const e = err as Record<string, unknown> | null;
  if (e && typeof e === 'object') {
    // msal-node (AuthError / ServerError / InteractionRequiredAuthError)
    if (typeof e.errorCode === 'string') {
      return { status: null, code: e.errorCode, message: String(e.errorMessage ?? e.message ?? '') };
    }
    // GraphError from @microsoft/microsoft-graph-client
    if (typeof e.statusCode === 'number') {
      let code = typeof e.code === 'string' ? e.code : null;
      if (e.statusCode === -1 && e.body && typeof e.body === 'string' && !code) code = e.body.split(':')[0] ?? null;
      return { status: e.statusCode, code, message: String(e.message ?? ''), retryAfter: headerOf(e.headers, 'retry-after') };
    }
    if (typeof e.status === 'number') {
      const body = e.body as { error?: { code?: string; message?: string } } | undefined;
      return { status: e.status, code: body?.error?.code ?? null, message: body?.error?.message ?? '', retryAfter: headerOf(e.headers, 'retry-after') };
    }
    if (err instanceof Error) {
      const causeCode = (err.cause as { code?: string } | undefined)?.code;
      return { status: -1, code: causeCode ?? err.name, message: err.message };
    }
  }
  return { status: null, code: null, message: String(err) };
}

export function mapGraphError(err: unknown, ctx: ErrorContext): ProviderError {
  if (err instanceof ProviderError) return err;
  const wrapped = (err as { providerError?: unknown } | null)?.providerError;
  if (wrapped instanceof ProviderError) return wrapped;
  return mapGraphFailure(toGraphFailure(err), ctx, err);
}
