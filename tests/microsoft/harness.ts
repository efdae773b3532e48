import type { SetupServer as SetupServerApi } from 'msw/node';
import { parseRawEmail } from '../../src/mail/parse-mime.js';
import type { ProviderSet } from '../../src/ports/providers.js';
import { createGraphEmulator, type GraphEmulator, type GraphEmulatorOptions } from '../../src/emulators/microsoft/index.js';
import { createMicrosoftProviderSet, MailboxLimiter, type AccessTokenSource } from '../../src/providers/microsoft/index.js';
import { fromRsvpResponse } from '../../src/providers/microsoft/graph.mapper.js';
import { formatGraphDateTime } from '../../src/providers/microsoft/graph-time.mapper.js';
import type { CalendarHarness } from '../contracts/calendar-provider.contract.js';
import type { MailHarness } from '../contracts/mail.contract.js';

export const REP = 'rep@followup.example';
/** Fast retries: Retry-After is honoured, but no exponential seconds in tests. */
export const FAST_RETRY = { baseDelayMs: 1, retries: 6 };

export interface MicrosoftTestbed {
  emulator: GraphEmulator;
  providers: ProviderSet;
  limiter: MailboxLimiter;
  tokens: AccessTokenSource;
}

/** A fresh emulator behind the file's msw server, and the real adapters (real Graph client) pointed at it. */
export function makeTestbed(
  server: SetupServerApi,
  input: { emulator?: GraphEmulatorOptions; approval?: string; conference?: boolean; pageSize?: number; limiter?: MailboxLimiter } = {},
): MicrosoftTestbed {
  const emulator = createGraphEmulator({ mailboxes: [{ email: REP, name: 'Robin Rep' }], concurrencyRetryAfterSeconds: 0, ...input.emulator });
  server.resetHandlers(...emulator.handlers);
  const token = emulator.control.issueToken(REP);
  const tokens: AccessTokenSource = { getToken: async () => token };
  const limiter = input.limiter ?? new MailboxLimiter();
  const providers = createMicrosoftProviderSet({
    account: { id: 'acct-rep', email: REP, approval: input.approval ?? 'outlook-drafts', conference: input.conference ?? false },
    tokens,
    appOnly: false,
    limiter,
    retry: FAST_RETRY,
    timeoutMs: 2_000,
    ...(input.pageSize ? { pageSize: input.pageSize } : {}),
  });
  return { emulator, providers, limiter, tokens };
}

export function calendarHarness(server: SetupServerApi, options: { pageSize?: number } = {}): CalendarHarness {
  const bed = makeTestbed(server, options);
  const { control, router } = bed.emulator;
  return {
    provider: bed.providers.calendar,
    async addEvent(e) {
      const zone = e.timeZone ?? 'UTC';
      const ev = router.insertEvent(control.mailbox(REP), {
        subject: e.title,
        iCalUId: e.uid,
        start: formatGraphDateTime(e.start, zone),
        end: formatGraphDateTime(e.end, zone),
        categories: e.categories ?? [],
        attendees: e.attendees.map((a) => ({ type: 'required', emailAddress: { address: a.email }, status: { response: fromRsvpResponse(a.response), time: new Date().toISOString() } })),
      });
      return ev.id;
    },
    async updateEvent(id, patch) {
      control.updateEvent(REP, id, { ...(patch.title !== undefined ? { subject: patch.title } : {}), ...(patch.start ? { start: patch.start } : {}), ...(patch.end ? { end: patch.end } : {}) });
    },
    async deleteEvent(id) {
      control.deleteEvent(REP, id);
    },
    async expireCursor() {
      control.expireDeltaTokens({ email: REP });
    },
    async listBookedEvents() {
      return control
        .events(REP)
        .filter((e) => e.data.transactionId)
        .map((e) => ({
          id: e.id,
          start: e.start,
          end: e.end,
          attendees: ((e.data.attendees as { emailAddress: { address: string } }[]) ?? []).map((a) => a.emailAddress.address.toLowerCase()),
          reminderMinutes: e.data.isReminderOn ? Number(e.data.reminderMinutesBeforeStart) : null,
        }));
    },
    async cleanup() {},
  };
}

export function mailHarness(server: SetupServerApi): MailHarness & { bed: MicrosoftTestbed } {
  const bed = makeTestbed(server);
  const { control } = bed.emulator;
  return {
    bed,
    sender: bed.providers.sender,
    mailbox: bed.providers.mailbox!,
    async deliverInbound(raw) {
      await control.deliverRaw(REP, raw);
    },
    async sentMessages() {
      return Promise.all(control.messages(REP, 'sentitems').map((m) => parseRawEmail(control.mime(m), m.id)));
    },
    async cleanup() {},
  };
}
