import type { ProviderFactory, ProviderFactoryInput } from '../factory.js';
import type { ProviderSet } from '../../ports/providers.js';
import type { ProviderError } from '../../ports/errors.js';
import type { RetryOptions } from '../retry.js';
import { GraphAttendance } from './teams-attendance.adapter.js';
import { MicrosoftTokenSource } from './microsoft.auth.js';
import { GraphCalendarProvider } from './outlook-calendar.adapter.js';
import { createGraphClient, GRAPH_DEFAULT_BASE_URL, GraphSession, type AccessTokenSource } from './graph.client.js';
import { mailboxLimiter, type MailboxLimiter } from './graph-limits.client.js';
import { GraphMail } from './outlook-mail.adapter.js';
import { GraphSubscriptions } from './graph-subscription.adapter.js';

export { GraphAttendance } from './teams-attendance.adapter.js';
export { GraphCalendarProvider } from './outlook-calendar.adapter.js';
export { GraphMail } from './outlook-mail.adapter.js';
export { GraphSession, createGraphClient, type AccessTokenSource } from './graph.client.js';
export { MailboxLimiter, mailboxLimiter } from './graph-limits.client.js';
export { MicrosoftTokenSource, DELEGATED_SCOPES } from './microsoft.auth.js';
export { mapGraphError, classifyGraphFailure } from './graph-error.mapper.js';

/**
 * Builds the Microsoft 365 ProviderSet of one account from its config:
 * Graph client (config `microsoft.baseUrl`, default https://graph.microsoft.com/), msal token
 * source (device code cache from the store, or client credentials), per-mailbox limits.
 */
export interface MicrosoftProviderOptions {
  account: { id: string; email: string; approval: string; conference: boolean };
  tokens: AccessTokenSource;
  /** Application permissions: requests go to /users/{email} instead of /me. */
  appOnly: boolean;
  baseUrl?: string;
  limiter?: MailboxLimiter;
  retry?: RetryOptions;
  timeoutMs?: number;
  onAuthRevoked?: GraphSessionOptionsHook;
  pageSize?: number;
}
type GraphSessionOptionsHook = ConstructorParameters<typeof GraphSession>[0]['onAuthRevoked'];

/** The adapters over an explicit token source (tests, tools); the factory below wraps it. */
export function createMicrosoftProviderSet(options: MicrosoftProviderOptions): ProviderSet {
  const baseUrl = options.baseUrl ?? GRAPH_DEFAULT_BASE_URL;
  const email = options.account.email.toLowerCase();
  const limiter = options.limiter ?? mailboxLimiter(`${new URL(baseUrl).host}|${email}`);
  const client = createGraphClient({ baseUrl, tokens: options.tokens, limiter, where: `microsoft ${email}`, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
  const session = new GraphSession({
    client,
    accountId: options.account.id,
    root: options.appOnly ? `/users/${encodeURIComponent(email)}` : '/me',
    tokens: options.tokens,
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.onAuthRevoked ? { onAuthRevoked: options.onAuthRevoked } : {}),
  });
  const mail = new GraphMail(session, { repEmail: email, ...(options.pageSize ? { pageSize: options.pageSize } : {}) });
  return {
    calendar: new GraphCalendarProvider(session, { calendarId: `microsoft:${email}`, repEmail: email, conference: options.account.conference, ...(options.pageSize ? { pageSize: options.pageSize } : {}) }),
    sender: mail,
    mailbox: mail,
    attendance: new GraphAttendance(session),
    drafts: options.account.approval === 'outlook-drafts' ? mail : null,
    conference: options.account.conference,
    reconnect: `run \`followup auth microsoft --account ${options.account.id}\``,
    push: new GraphSubscriptions(session),
  };
}

export const createMicrosoftProviders: ProviderFactory = async (input: ProviderFactoryInput) => {
  const { account, config, store } = input;
  const ms = account.microsoft;
  if (!ms) throw new Error(`account "${account.id}" uses provider microsoft but has no "microsoft" section in the config`);
  // Reports only: the worker's error policy marks the account disconnected (one writer of status).
  const onAuthRevoked = async (error: ProviderError) => input.logger.warn({ account: account.id, code: error.code }, 'microsoft sign-in no longer valid');
  const tokens = new MicrosoftTokenSource({ account, config, store }, onAuthRevoked);
  return createMicrosoftProviderSet({
    account: { id: account.id, email: account.email, approval: account.approval, conference: ms.conference },
    tokens,
    appOnly: tokens.appOnly,
    onAuthRevoked,
    ...(ms.baseUrl ? { baseUrl: ms.baseUrl } : {}),
  });
};
