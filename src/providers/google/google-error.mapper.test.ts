import { describe, expect, it } from 'vitest';
import { mapGoogleError, parseRetryAfter } from './google-error.mapper.js';

const apiError = (status: number, reason: string, headers: Record<string, string> = {}) => ({
  message: 'request failed',
  status,
  response: { status, headers, data: { error: { code: status, message: `${reason} happened`, errors: [{ domain: 'usageLimits', reason }] } } },
});

const located = (status: number, reason: string, location: string, message: string) => ({
  message: 'request failed',
  status,
  response: { status, headers: {}, data: { error: { code: status, message, errors: [{ domain: 'global', reason, message, locationType: 'parameter', location }] } } },
});

describe('mapGoogleError', () => {
  const NOW = Date.parse('2030-01-01T00:00:00Z');
  it.each([
    ['invalid_grant from the token endpoint', { status: 400, response: { status: 400, data: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' } } }, 'AUTH_REVOKED', null],
    ['401 authError', apiError(401, 'authError'), 'AUTH_REVOKED', null],
    ['403 rateLimitExceeded', apiError(403, 'rateLimitExceeded'), 'RATE_LIMITED', null],
    ['403 userRateLimitExceeded with Retry-After', apiError(403, 'userRateLimitExceeded', { 'retry-after': '7' }), 'RATE_LIMITED', 7000],
    ['429 with Retry-After 0', apiError(429, 'rateLimitExceeded', { 'Retry-After': '0' }), 'RATE_LIMITED', 0],
    ['429 with a Headers object', { response: { status: 429, headers: new Headers({ 'retry-after': '3' }), data: {} } }, 'RATE_LIMITED', 3000],
    ['403 forbiddenForNonOrganizer', apiError(403, 'forbiddenForNonOrganizer'), 'FORBIDDEN', null],
    ['404 notFound', apiError(404, 'notFound'), 'NOT_FOUND', null],
    ['409 duplicate', apiError(409, 'duplicate'), 'CONFLICT', null],
    ['410 fullSyncRequired', apiError(410, 'fullSyncRequired'), 'CURSOR_EXPIRED', null],
    ['400 badRequest', apiError(400, 'badRequest'), 'INVALID_REQUEST', null],
    // A sync token Google no longer accepts: a 400 located at the syncToken parameter (by field, not by text).
    ['400 invalid at location syncToken', located(400, 'invalid', 'syncToken', 'Invalid sync token value.'), 'CURSOR_EXPIRED', null],
    ['400 at another parameter that mentions syncToken', located(400, 'badRequest', 'timeMin', 'The parameter timeMin cannot be used together with syncToken.'), 'INVALID_REQUEST', null],
    ['500 backendError', apiError(500, 'backendError'), 'TRANSIENT', null],
    ['503', apiError(503, 'backendError'), 'TRANSIENT', null],
    ['ECONNRESET', { code: 'ECONNRESET', message: 'socket hang up' }, 'TRANSIENT', null],
    ['a fetch timeout', { name: 'TimeoutError', message: 'The operation was aborted due to timeout' }, 'TRANSIENT', null],
    ['an aborted request (gaxios timeout)', Object.assign(new Error('This operation was aborted'), { name: 'AbortError' }), 'TRANSIENT', null],
    ['anything else', new Error('weird'), 'UNKNOWN', null],
  ])('%s', (_label, err, code, retryAfterMs) => {
    const mapped = mapGoogleError(err, 'google test', NOW);
    expect(mapped.code).toBe(code);
    expect(mapped.retryAfterMs).toBe(retryAfterMs);
    expect(mapped.where).toBe('google test');
  });

  it('reads Gmail\'s "Retry after <RFC 3339>" message and HTTP dates', () => {
    const now = Date.parse('2030-01-01T00:00:00Z');
    expect(parseRetryAfter(null, 'User-rate limit exceeded. Retry after 2030-01-01T00:00:30.000Z', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 01 Jan 2030 00:01:00 GMT', null, now)).toBe(60_000);
    expect(parseRetryAfter(null, null, now)).toBeNull();
  });
});
