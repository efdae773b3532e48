import { HttpResponse } from 'msw';

/** Google's JSON error envelope: `{error:{code,message,errors:[{domain,reason,message,...}],status}}`. */
export interface GoogleErrorDetail {
  domain: string;
  reason: string;
  message?: string;
  locationType?: string;
  location?: string;
}

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  410: 'FAILED_PRECONDITION',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

export function googleError(
  code: number,
  message: string,
  detail: Partial<GoogleErrorDetail> = {},
  headers: Record<string, string> = {},
): Response {
  const error = {
    errors: [{ domain: detail.domain ?? 'global', reason: detail.reason ?? 'badRequest', message, ...pickLocation(detail) }],
    code,
    message,
    ...(STATUS_NAMES[code] ? { status: STATUS_NAMES[code] } : {}),
  };
  return HttpResponse.json({ error }, { status: code, headers });
}

function pickLocation(d: Partial<GoogleErrorDetail>): Record<string, string> {
  const out: Record<string, string> = {};
  if (d.locationType) out.locationType = d.locationType;
  if (d.location) out.location = d.location;
  return out;
}

export const errors = {
  notFound: (message = 'Not Found') => googleError(404, message, { domain: 'global', reason: 'notFound' }),
  badRequest: (message: string, location?: string) =>
    googleError(400, message, { domain: 'global', reason: 'badRequest', ...(location ? { locationType: 'parameter', location } : {}) }),
  unauthorized: () =>
    googleError(401, 'Invalid Credentials', { domain: 'global', reason: 'authError', locationType: 'header', location: 'Authorization' }),
  duplicate: () => googleError(409, 'The requested identifier already exists.', { domain: 'global', reason: 'duplicate' }),
  fullSyncRequired: () =>
    googleError(410, 'Sync token is no longer valid, a full sync is required.', {
      domain: 'calendar',
      reason: 'fullSyncRequired',
      locationType: 'parameter',
      location: 'syncToken',
    }),
  deleted: () => googleError(410, 'Resource has been deleted', { domain: 'global', reason: 'deleted' }),
  rateLimited: (status: 403 | 429, reason: 'rateLimitExceeded' | 'userRateLimitExceeded', retryAfterSeconds?: number) =>
    googleError(
      status,
      reason === 'userRateLimitExceeded' ? 'User Rate Limit Exceeded' : 'Rate Limit Exceeded',
      { domain: 'usageLimits', reason },
      retryAfterSeconds !== undefined ? { 'Retry-After': String(retryAfterSeconds) } : {},
    ),
  backend: (status = 500) => googleError(status, 'Backend Error', { domain: 'global', reason: 'backendError' }),
  forbidden: (message = 'Forbidden') => googleError(403, message, { domain: 'global', reason: 'forbidden' }),
};

export function json(body: unknown, status = 200): Response {
  return HttpResponse.json(body as Record<string, unknown>, { status });
}

export function noContent(): Response {
  return new HttpResponse(null, { status: 204 });
}

export function encodeToken(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

export function decodeToken<T>(token: string): T | null {
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as T;
  } catch {
    return null;
  }
}

export function intParam(url: URL, name: string, fallback: number, max: number): number {
  const raw = url.searchParams.get(name);
  const n = raw === null ? fallback : Number.parseInt(raw, 10);
  if (!Number.isFinite(n) || n <= 0) return fallback;
  return Math.min(n, max);
}

export function boolParam(url: URL, name: string): boolean | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null) return undefined;
  return raw === 'true' || raw === '1';
}

/** Minimal RFC 5322 header reader: unfolds, keeps order, lower-cased lookup via `get`. */
export interface RawHeaders {
  list: { name: string; value: string }[];
  get(name: string): string | undefined;
  body: string;
}

export function readHeaders(raw: string): RawHeaders {
  const normalised = raw.replace(/\r\n/g, '\n');
  const split = normalised.indexOf('\n\n');
  const head = split === -1 ? normalised : normalised.slice(0, split);
  const body = split === -1 ? '' : normalised.slice(split + 2);
  const list: { name: string; value: string }[] = [];
  for (const line of head.split('\n')) {
    if (/^[ \t]/.test(line) && list.length > 0) {
      const last = list[list.length - 1]!;
      last.value = `${last.value} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    list.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  return {
    list,
    body,
    get: (name) => list.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value,
  };
}

export function messageIdsIn(value: string | undefined): string[] {
  return value?.match(/<[^>]+>/g) ?? [];
}

export function addressOf(value: string | undefined): string {
  if (!value) return '';
  const angle = value.match(/<([^>]+)>/);
  return (angle ? angle[1]! : value).trim().toLowerCase();
}

export function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization');
  const m = header?.match(/^Bearer\s+(.+)$/i);
  return m ? m[1]!.trim() : null;
}
