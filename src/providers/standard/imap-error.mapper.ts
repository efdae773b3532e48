import { ProviderError, type ProviderErrorCode } from '../../ports/errors.js';

/**
 * IMAP failures (imapflow errors) to ProviderError (pure). A refused login is AUTH_REVOKED (the
 * account is marked disconnected and retried by itself each run); connection failures and
 * timeouts are transient; a missing folder is NOT_FOUND naming the config key.
 */
export interface ImapFailure {
  message?: string;
  code?: string;
  /** imapflow: true when LOGIN/AUTHENTICATE was refused. */
  authenticationFailed?: boolean;
  /** imapflow: the server's response status and text. */
  responseStatus?: string;
  responseText?: string;
  serverResponseCode?: string;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'NoConnection', 'ClosedAfterConnectTLS', 'ClosedAfterConnectText', 'CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT', 'ProtocolError']);

export function mapImapError(err: unknown, context: { where: string; passwordEnv: string; folder?: string | null }): ProviderError {
  const failure = (err && typeof err === 'object' ? err : { message: String(err) }) as ImapFailure;
  const text = oneLine(failure.responseText ?? failure.message ?? 'unknown IMAP failure');
  const make = (code: ProviderErrorCode, message: string) => new ProviderError({ code, where: context.where, message, cause: err });
  if (failure.authenticationFailed || failure.serverResponseCode === 'AUTHENTICATIONFAILED' || failure.serverResponseCode === 'AUTHORIZATIONFAILED') {
    return make('AUTH_REVOKED', `the IMAP server refused the login (${text}). Check imap.user and the app password in the environment variable ${context.passwordEnv}`);
  }
  if (failure.serverResponseCode === 'NONEXISTENT' || (failure.responseStatus === 'NO' && context.folder && /exist|unknown mailbox|not found/i.test(text))) {
    return make('NOT_FOUND', `the folder "${context.folder ?? '?'}" does not exist on the IMAP server (${text}); fix imap.inbox or imap.sent in the config`);
  }
  if ((failure.code && NETWORK_CODES.has(failure.code)) || /timeout|timed out|connection (closed|not available)|socket/i.test(failure.message ?? '')) {
    return make('TRANSIENT', `cannot reach the IMAP server (${failure.code ? `${failure.code}: ` : ''}${text}); it will be tried again`);
  }
  if (failure.serverResponseCode === 'LIMIT' || failure.serverResponseCode === 'INUSE' || failure.serverResponseCode === 'UNAVAILABLE') {
    return make('RATE_LIMITED', `the IMAP server is busy (${text})`);
  }
  if (failure.responseStatus === 'NO' || failure.responseStatus === 'BAD') return make('INVALID_REQUEST', `the IMAP server refused a command (${text})`);
  return make('UNKNOWN', text);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}
