import { ProviderError, isProviderError, type ProviderErrorCode } from '../../ports/errors.js';

/**
 * Pure: a gaxios / google-auth-library error (or a network error) → ProviderError.
 * The only place that reads Google's error shapes.
 */

const RATE_LIMIT_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'quotaExceeded', 'dailyLimitExceeded']);
const TRANSIENT_NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  status?: unknown;
  cause?: unknown;
  response?: { status?: unknown; data?: unknown; headers?: unknown };
}

interface GoogleErrorBody {
  error?: string | { code?: number; message?: string; status?: string; errors?: { reason?: string; domain?: string; message?: string; location?: string }[] };
  error_description?: string;
}

function headerValue(headers: unknown, name: string): string | null {
  if (!headers || typeof headers !== 'object') return null;
  const h = headers as { get?: (n: string) => string | null } & Record<string, unknown>;
  if (typeof h.get === 'function') return h.get(name) ?? null;
  const key = Object.keys(h).find((k) => k.toLowerCase() === name.toLowerCase());
  const v = key ? h[key] : undefined;
  return typeof v === 'string' ? v : Array.isArray(v) ? String(v[0]) : null;
}

/** Retry-After in seconds or as an HTTP-date; also Gmail's "Retry after <RFC 3339>" message. */
export function parseRetryAfter(header: string | null, message: string | null, nowMs: number): number | null {
  if (header) {
    if (/^\d+(\.\d+)?$/.test(header.trim())) return Math.round(Number(header) * 1000);
    const at = Date.parse(header);
    if (!Number.isNaN(at)) return Math.max(0, at - nowMs);
  }
  const m = message?.match(/Retry after (\S+)/i);
  if (m) {
    const at = Date.parse(m[1]!);
    if (!Number.isNaN(at)) return Math.max(0, at - nowMs);
  }
  return null;
}

export function mapGoogleError(err: unknown, where: string, nowMs: number = Date.now()): ProviderError {
  if (isProviderError(err)) return err;
  const e = (err && typeof err === 'object' ? err : { message: String(err) }) as ErrorLike;
  const rawStatus = e.response?.status ?? e.status;
  const status = typeof rawStatus === 'number' ? rawStatus : typeof rawStatus === 'string' && /^\d+$/.test(rawStatus) ? Number(rawStatus) : null;
  const body = (e.response?.data && typeof e.response.data === 'object' ? e.response.data : {}) as GoogleErrorBody;
  const apiError = typeof body.error === 'object' ? body.error : null;
  const reasons = (apiError?.errors ?? []).map((x) => x.reason ?? '');
  const message = apiError?.message ?? body.error_description ?? (typeof e.message === 'string' ? e.message : 'unknown error');
  const make = (code: ProviderErrorCode, text: string, retryAfterMs: number | null = null) =>
    new ProviderError({ code, message: text, where, status, retryAfterMs, cause: err });

  if (body.error === 'invalid_grant' || body.error === 'unauthorized_client' || body.error === 'invalid_client') {
    return make('AUTH_REVOKED', `Google refused the stored authorization (${body.error}: ${body.error_description ?? 'token expired or revoked'})`);
  }
  if (status === 401) return make('AUTH_REVOKED', `Google rejected the credentials (${message})`);
  const rateLimited = status === 429 || (status === 403 && reasons.some((r) => RATE_LIMIT_REASONS.has(r)));
  if (rateLimited) {
    const retryAfter = parseRetryAfter(headerValue(e.response?.headers, 'retry-after'), message, nowMs);
    return make('RATE_LIMITED', `rate limited by Google (${reasons[0] ?? status}): ${message}`, retryAfter);
  }
  if (status === 403) return make('FORBIDDEN', `not allowed (${reasons[0] ?? 'forbidden'}): ${message}`);
  if (status === 404) return make('NOT_FOUND', message);
  if (status === 409 || status === 412) return make('CONFLICT', `${reasons[0] ?? 'conflict'}: ${message}`);
  if (status === 410) return make('CURSOR_EXPIRED', `${reasons[0] ?? 'gone'}: ${message}`);
  // An unusable sync token: Google answers 400 located at the syncToken parameter (410 when expired).
  if (status === 400 && (apiError?.errors ?? []).some((x) => x.location === 'syncToken')) return make('CURSOR_EXPIRED', `sync token refused: ${message}`);
  if (status === 400) return make('INVALID_REQUEST', message);
  if (status === 408 || (status !== null && status >= 500)) return make('TRANSIENT', `Google answered ${status}: ${message}`);
  if (status === null) {
    const code = typeof e.code === 'string' ? e.code : '';
    const causeCode = e.cause && typeof e.cause === 'object' ? String((e.cause as { code?: unknown }).code ?? '') : '';
    const name = typeof e.name === 'string' ? e.name : '';
    if (
      TRANSIENT_NETWORK_CODES.has(code) ||
      TRANSIENT_NETWORK_CODES.has(causeCode) ||
      name === 'AbortError' ||
      name === 'TimeoutError' ||
      /timeout|timed out|socket hang up|network|fetch failed|aborted/i.test(String(e.message ?? ''))
    ) {
      return make('TRANSIENT', `network error talking to Google: ${String(e.message ?? code)}`);
    }
  }
  return make('UNKNOWN', message);
}
