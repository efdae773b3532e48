import { describe, expect, it } from 'vitest';
import { mapImapError } from './imap-error.mapper.js';

describe('mapImapError', () => {
  const ctx = { where: 'imap mail.example:993', passwordEnv: 'IMAP_PASSWORD', folder: 'Sent' };
  it.each([
    [{ authenticationFailed: true, responseText: 'Authentication failed.' }, 'AUTH_REVOKED'],
    [{ serverResponseCode: 'NONEXISTENT', responseStatus: 'NO', responseText: 'Mailbox does not exist' }, 'NOT_FOUND'],
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }, 'TRANSIENT'],
    [{ message: 'Socket timeout' }, 'TRANSIENT'],
    [{ serverResponseCode: 'LIMIT', responseStatus: 'NO', responseText: 'Too many connections' }, 'RATE_LIMITED'],
    [{ responseStatus: 'BAD', responseText: 'Error in IMAP command' }, 'INVALID_REQUEST'],
  ] as const)('%o → %s', (failure, code) => {
    expect(mapImapError(failure, ctx).code).toBe(code);
  });
});
