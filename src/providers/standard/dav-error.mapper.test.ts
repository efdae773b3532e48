import { describe, expect, it } from 'vitest';
import { mapDavError, parseRetryAfter } from './dav-error.mapper.js';

const DAV = { where: 'caldav https://dav.example/', passwordEnv: 'CALDAV_PASSWORD', nowMs: Date.parse('2030-06-03T10:00:00Z') };

describe('mapDavError', () => {
  it.each([
    [{ status: 401 }, 'AUTH_REVOKED'],
    [{ status: 403 }, 'FORBIDDEN'],
    [{ status: 404 }, 'NOT_FOUND'],
    [{ status: 412 }, 'CONFLICT'],
    [{ status: 429, retryAfter: '120' }, 'RATE_LIMITED'],
    [{ status: 503 }, 'TRANSIENT'],
    [{ status: 400 }, 'INVALID_REQUEST'],
    [{ networkError: { message: 'fetch failed', code: 'ECONNREFUSED' } }, 'TRANSIENT'],
  ] as const)('%o → %s', (failure, code) => {
    expect(mapDavError(failure, DAV).code).toBe(code);
  });

  it('a refused login names the variable, never a password', () => {
    const err = mapDavError({ status: 401 }, DAV);
    expect(err.message).toContain('CALDAV_PASSWORD');
  });

  it('Retry-After as seconds or a date', () => {
    expect(mapDavError({ status: 429, retryAfter: '120' }, DAV).retryAfterMs).toBe(120_000);
    expect(parseRetryAfter('Mon, 03 Jun 2030 10:05:00 GMT', DAV.nowMs)).toBe(300_000);
    expect(parseRetryAfter('soon', DAV.nowMs)).toBeNull();
  });
});
