import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../ports/errors.js';
import { mapSmtpError } from './smtp-error.mapper.js';

describe('SMTP error mapper', () => {
  const server = { host: 'smtp.example', port: 587, passwordEnv: 'SMTP_PASSWORD' };
  it.each([
    [{ responseCode: 421, response: '421 Service not available' }, 'TRANSIENT'],
    [{ responseCode: 450, response: '450 Mailbox busy' }, 'TRANSIENT'],
    [{ responseCode: 452, response: '452 Insufficient storage' }, 'TRANSIENT'],
    [{ responseCode: 454, response: '454 4.7.0 Temporary authentication failure', code: 'EAUTH' }, 'TRANSIENT'],
    [{ responseCode: 535, response: '535 5.7.8 Authentication credentials invalid', code: 'EAUTH' }, 'AUTH_REVOKED'],
    [{ code: 'EAUTH', message: 'Missing credentials for "PLAIN"' }, 'AUTH_REVOKED'],
    [{ responseCode: 530, response: '530 5.7.0 Authentication required' }, 'FORBIDDEN'],
    [{ responseCode: 550, response: '550 5.7.1 Relaying denied' }, 'FORBIDDEN'],
    [{ responseCode: 550, response: '550 5.1.1 User unknown', code: 'EENVELOPE' }, 'INVALID_REQUEST'],
    [{ responseCode: 552, response: '552 Message size exceeds limit' }, 'INVALID_REQUEST'],
    [{ responseCode: 554, response: '554 Transaction failed' }, 'INVALID_REQUEST'],
    [{ code: 'ECONNECTION', message: 'connect ECONNREFUSED' }, 'TRANSIENT'],
    [{ code: 'ETIMEDOUT', message: 'Greeting never received' }, 'TRANSIENT'],
    [{ code: 'ESOCKET', message: 'socket hang up' }, 'TRANSIENT'],
    [{ code: 'ETLS', message: 'wrong version number' }, 'INVALID_REQUEST'],
    [{ code: 'EENVELOPE', message: 'No recipients defined' }, 'INVALID_REQUEST'],
    [new Error('something odd'), 'UNKNOWN'],
  ])('%o -> %s', (failure, code) => {
    const err = mapSmtpError(failure, server);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err.code).toBe(code);
    expect(err.where).toBe('smtp smtp.example:587');
  });
});
