import type { ProviderFactory } from '../factory.js';
import type { RetryOptions } from '../retry.js';
import type { ProviderSet } from '../../ports/providers.js';
import { MeetAttendanceAdapter } from './meet-attendance.adapter.js';
import { createAccountAuth } from './google.auth.js';
import { GoogleCalendarAdapter } from './google-calendar.adapter.js';
import { createGoogleCall } from './google-call.client.js';
import { buildGoogleClients, type GoogleClients } from './google.client.js';
import { GmailAdapter } from './gmail.adapter.js';
import { GoogleWatches } from './google-watch.adapter.js';
import { noPacing, pacerFor, type Pacer } from './google-pacing.client.js';

export interface GoogleProviderSetInput {
  clients: GoogleClients;
  accountId: string;
  calendarId: string;
  /** Zone for all-day dates when the calendar does not say. */
  timeZone: string;
  /** Native Gmail drafts (approval: gmail-drafts). */
  nativeDrafts: boolean;
  /** Booked meetings get a Meet link (google.conference). */
  conference?: boolean;
  pacer?: Pacer;
  retry?: RetryOptions;
  onAuthRevoked?: (message: string) => Promise<void>;
  /** The Pub/Sub topic Gmail's watch publishes to (config push.gmailTopic); absent: Gmail is polled. */
  gmailTopic?: string;
}

/** The adapters over already-built clients (tests build clients against the emulator). */
export function createGoogleProviderSet(input: GoogleProviderSetInput): ProviderSet {
  const call = createGoogleCall({
    accountId: input.accountId,
    pacer: input.pacer ?? noPacing,
    ...(input.retry ? { retry: input.retry } : {}),
    ...(input.onAuthRevoked ? { onAuthRevoked: input.onAuthRevoked } : {}),
  });
  const gmail = new GmailAdapter(input.clients.gmail, call);
  return {
    calendar: new GoogleCalendarAdapter(input.clients.calendar, call, input.calendarId, input.timeZone, input.accountId),
    sender: gmail,
    mailbox: gmail,
    attendance: new MeetAttendanceAdapter(input.clients.meet, call),
    drafts: input.nativeDrafts ? gmail : null,
    conference: input.conference ?? false,
    reconnect: `run \`followup auth google --account ${input.accountId}\``,
    // Used only when push.publicUrl is configured (the worker's push settings).
    push: new GoogleWatches(input.clients.calendar, input.clients.gmail, call, input.calendarId, input.gmailTopic ?? null),
  };
}

export const createGoogleProviders: ProviderFactory = async ({ account, config, store, logger }) => {
  const g = account.google;
  if (!g) throw new Error(`Account "${account.id}" has provider google but no google section in the config.`);
  const auth = await createAccountAuth({ account, config, store });
  const clients = buildGoogleClients({ auth, ...(g.rootUrl ? { rootUrl: g.rootUrl } : {}) });
  return createGoogleProviderSet({
    clients,
    accountId: account.id,
    calendarId: g.calendarId,
    timeZone: account.timeZone,
    nativeDrafts: account.approval === 'gmail-drafts',
    conference: g.conference,
    ...(config.push.gmailTopic ? { gmailTopic: config.push.gmailTopic } : {}),
    pacer: pacerFor(account.email, g.requestsPerSecond),
    retry: { onRetry: ({ error, attempt, delayMs }) => logger.debug({ account: account.id, code: error.code, where: error.where, attempt, delayMs }, 'google retry') },
    // Reports only: the worker's error policy marks the account disconnected (one writer of status).
    onAuthRevoked: async () => logger.warn({ account: account.id }, 'google authorization revoked'),
  });
};

export { buildGoogleClients } from './google.client.js';
export { createOAuthClient, createServiceAccountClient, runInstalledAppFlow, saveRefreshToken, loadRefreshToken, GOOGLE_SCOPES } from './google.auth.js';
export { mapGoogleError } from './google-error.mapper.js';
export { bookingEventId } from './google.mapper.js';
