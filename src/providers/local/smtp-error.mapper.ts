import { ProviderError, type ProviderErrorCode } from '../../ports/errors.js';

/**
 * SMTP failures (nodemailer errors) to ProviderError (pure). Replies in the 4xx range and
 * connection failures are temporary; 5xx are permanent, with authentication failures
 * (535: bad credentials) telling the worker to disconnect the account and policy refusals
 * (530/534/538, enhanced status 5.7.x) being FORBIDDEN.
 */
export interface SmtpFailure {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  message?: string;
}

const CONNECTION_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPROTOCOL',
]);

export function mapSmtpError(err: unknown, server: { host: string; port: number; passwordEnv?: string | null; section?: string }): ProviderError {
  const section = server.section ?? 'local.outgoing';
  const where = `smtp ${server.host}:${server.port}`;
  const failure = (err && typeof err === 'object' ? err : { message: String(err) }) as SmtpFailure;
  const reply = failure.response ? `: "${oneLine(failure.response)}"` : '';
  const make = (code: ProviderErrorCode, message: string) => new ProviderError({ code, where, message, status: failure.responseCode ?? null, cause: err });
  const responseCode = failure.responseCode;

  if (responseCode === 535 || (failure.code === 'EAUTH' && responseCode === undefined)) {
    const secret = server.passwordEnv ? `the password in the environment variable ${server.passwordEnv}` : 'the password';
    return make('AUTH_REVOKED', `the server rejected the login${reply}. Check ${section}.user and ${secret}`);
  }
  if (responseCode !== undefined && responseCode >= 400 && responseCode < 500) {
    return make('TRANSIENT', `the server refused for now (${responseCode})${reply}; the email will be retried`);
  }
  if (responseCode !== undefined && responseCode >= 500) {
    if ([530, 534, 538].includes(responseCode) || /\b5\.7\.\d+/.test(failure.response ?? '')) {
      return make('FORBIDDEN', `the server does not allow this sender or recipient (${responseCode})${reply}. Check ${section} (user, secure, port) and the From address`);
    }
    if (isRecipientRejection(failure)) {
      return new ProviderError({
        code: 'INVALID_REQUEST',
        where,
        status: responseCode,
        recipientRejected: true,
        cause: err,
        message: `the receiving server refused the recipient for good (${responseCode})${reply}; the address is marked bounced and will not be emailed again`,
      });
    }
    return make('INVALID_REQUEST', `the server rejected the message (${responseCode})${reply}. Check the recipient address and the message`);
  }
  if (failure.code === 'ETLS') {
    return make('INVALID_REQUEST', `TLS failed (${failure.message ?? 'unknown error'}). Check ${section}.secure and port (465 = secure: true, 587 = secure: false)`);
  }
  if (failure.code && CONNECTION_CODES.has(failure.code)) {
    return make('TRANSIENT', `cannot reach the server (${failure.code}: ${oneLine(failure.message ?? '')}); the email will be retried`);
  }
  if (failure.code === 'EENVELOPE') return make('INVALID_REQUEST', `the sender or recipient address was refused (${oneLine(failure.message ?? '')})`);
  return make('UNKNOWN', oneLine(failure.message ?? 'unknown SMTP failure'));
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}

/** Stages after which a failure cannot have delivered anything. */
const BEFORE_MESSAGE = /^(EHLO|HELO|LHLO|STARTTLS|AUTH|MAIL|RCPT)/i;
const NOTHING_SENT_CODES = new Set(['EAUTH', 'EDNS', 'ETLS', 'EENVELOPE', 'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * True when the failure proves the message was not accepted: the server answered with an error
 * code, the connection could not be made, or it failed at a named step before the message.
 * nodemailer names a connection closed or reset at ANY later step 'CONN' too (including after the
 * whole message was sent, while the server's 250 was on its way), so 'CONN' alone proves nothing:
 * only a failure to connect (the socket's `connect` call, a DNS lookup, no greeting) does.
 */
export function wasRefused(err: unknown): boolean {
  const f = (err && typeof err === 'object' ? err : {}) as SmtpFailure & { syscall?: string };
  if (typeof f.responseCode === 'number') return true;
  if (f.code && NOTHING_SENT_CODES.has(f.code)) return true;
  if (/^CONN$/i.test(f.command ?? '')) {
    return f.syscall === 'connect' || f.syscall === 'getaddrinfo' || /^(Connection timeout|Greeting never received)/.test(f.message ?? '');
  }
  return Boolean(f.command && BEFORE_MESSAGE.test(f.command));
}

/** A ProviderError from sendRaw, with whether nothing can have been sent. */
export function isRefusal(err: unknown): boolean {
  return Boolean(err && typeof err === 'object' && (err as { refused?: boolean }).refused);
}

/**
 * A permanent refusal of the recipient itself: an RFC 3463 enhanced status 5.1.x (bad
 * destination mailbox or domain: 5.1.1 user unknown, 5.1.2, 5.1.10 …) in the reply, or, from a
 * server that sends no enhanced codes, a 550/551/553 answer to RCPT TO.
 */
export function isRecipientRejection(failure: SmtpFailure): boolean {
  const code = failure.responseCode;
  if (code === undefined || code < 500) return false;
  const enhanced = /^\d{3}[ -](\d)\.(\d{1,3})\.(\d{1,3})\b/.exec(failure.response ?? '');
  if (enhanced) return enhanced[1] === '5' && enhanced[2] === '1';
  return /^RCPT/i.test(failure.command ?? '') && [550, 551, 553].includes(code);
}
