import { setupServer } from 'msw/node';
import { parseRawEmail } from '../../src/mail/parse-mime.js';
import { createGoogleEmulator, type GoogleEmulator, type GoogleEmulatorOptions } from '../../src/emulators/google/index.js';
import { buildGoogleClients } from '../../src/providers/google/google.client.js';
import { createOAuthClient } from '../../src/providers/google/google.auth.js';
import { createGoogleProviderSet } from '../../src/providers/google/index.js';
import type { Pacer } from '../../src/providers/google/google-pacing.client.js';
import type { ProviderSet } from '../../src/ports/providers.js';
import type { RetryOptions } from '../../src/providers/retry.js';
import type { CalendarHarness } from '../contracts/calendar-provider.contract.js';
import type { MailHarness } from '../contracts/mail.contract.js';

export const REP = 'rep@followup.example';

/** One msw server per test file; each test swaps in a fresh emulator's handlers. */
export function createMswServer() {
  const server = setupServer();
  return server;
}

export function freshEmulator(server: ReturnType<typeof setupServer>, options: GoogleEmulatorOptions = {}): GoogleEmulator {
  const emulator = createGoogleEmulator({ users: [{ email: REP, name: 'Robin Rep', timeZone: 'UTC' }], ...options });
  server.resetHandlers(...emulator.handlers);
  return emulator;
}

export const FAST_RETRY: RetryOptions = { retries: 6, baseDelayMs: 1, maxBlockingDelayMs: 1000 };

export function providersFor(
  emulator: GoogleEmulator,
  input: {
    email?: string;
    accountId?: string;
    refreshToken?: string;
    rootUrl?: string;
    pacer?: Pacer;
    retry?: RetryOptions;
    timeoutMs?: number;
    nativeDrafts?: boolean;
    onAuthRevoked?: (message: string) => Promise<void>;
  } = {},
): ProviderSet {
  const email = input.email ?? REP;
  const auth = createOAuthClient({ clientId: 'test-client', clientSecret: 'test-secret', ...(input.rootUrl ? { rootUrl: input.rootUrl } : {}) });
  auth.setCredentials({ refresh_token: input.refreshToken ?? emulator.control.issueRefreshToken(email) });
  const clients = buildGoogleClients({ auth, ...(input.rootUrl ? { rootUrl: input.rootUrl } : {}), timeoutMs: input.timeoutMs ?? 2000 });
  return createGoogleProviderSet({
    clients,
    accountId: input.accountId ?? 'acct-google',
    calendarId: 'primary',
    timeZone: 'UTC',
    nativeDrafts: input.nativeDrafts ?? true,
    retry: input.retry ?? FAST_RETRY,
    ...(input.pacer ? { pacer: input.pacer } : {}),
    ...(input.onAuthRevoked ? { onAuthRevoked: input.onAuthRevoked } : {}),
  });
}

const TO_GOOGLE = { accepted: 'accepted', declined: 'declined', tentative: 'tentative', needs_action: 'needsAction' } as const;

export function calendarHarness(server: ReturnType<typeof setupServer>): CalendarHarness {
  const emulator = freshEmulator(server);
  const { control } = emulator;
  const set = providersFor(emulator);
  return {
    provider: set.calendar,
    addEvent: async (e) =>
      control.insertEvent(REP, {
        iCalUID: e.uid,
        summary: e.title,
        start: { dateTime: e.start.toISOString(), timeZone: e.timeZone ?? 'UTC' },
        end: { dateTime: e.end.toISOString(), timeZone: e.timeZone ?? 'UTC' },
        attendees: e.attendees.map((a) => ({ email: a.email, responseStatus: TO_GOOGLE[a.response] })),
        ...(e.categories?.length ? { extendedProperties: { private: { categories: e.categories.join(',') } } } : {}),
      }).id,
    updateEvent: async (id, patch) => {
      control.patchEvent(REP, id, {
        ...(patch.title ? { summary: patch.title } : {}),
        ...(patch.start ? { start: { dateTime: patch.start.toISOString(), timeZone: 'UTC' } } : {}),
        ...(patch.end ? { end: { dateTime: patch.end.toISOString(), timeZone: 'UTC' } } : {}),
      });
    },
    deleteEvent: async (id) => control.deleteEvent(REP, id),
    expireCursor: async () => control.expireSyncTokens(),
    listBookedEvents: async () =>
      [...control.calendar(REP).entries.values()]
        .filter((entry) => !entry.deleted && entry.event.extendedProperties?.private?.followupBooking)
        .map(({ event }) => ({
          id: event.id,
          start: new Date(event.start!.dateTime!),
          end: new Date(event.end!.dateTime!),
          attendees: (event.attendees ?? []).map((a) => a.email.toLowerCase()),
          reminderMinutes: event.reminders?.overrides?.find((o) => o.method === 'popup')?.minutes ?? null,
        })),
    cleanup: async () => undefined,
  };
}

export function mailHarness(server: ReturnType<typeof setupServer>): MailHarness {
  const emulator = freshEmulator(server);
  const set = providersFor(emulator);
  return {
    sender: set.sender,
    mailbox: set.mailbox!,
    deliverInbound: async (raw) => {
      emulator.control.deliverMessage(REP, raw);
    },
    sentMessages: async () => Promise.all(emulator.control.sent(REP).map((m) => parseRawEmail(m.raw, m.id))),
    cleanup: async () => undefined,
  };
}
