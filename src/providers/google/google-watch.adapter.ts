import { randomUUID } from 'node:crypto';
import type { calendar_v3 } from '@googleapis/calendar';
import type { gmail_v1 } from '@googleapis/gmail';
import { GMAIL_WATCH_RESOURCE, type PushSubscriber, type PushSubscription } from '../../ports/providers.js';
import type { GoogleCall } from './google-call.client.js';

/**
 * Google push for one account (provider-apis.md §1.7, §2.6):
 * - Calendar: an `events.watch` channel on the account's calendar, addressed to
 *   `notificationUrl` with `clientState` as the channel token. Channels cannot be extended: past
 *   `renewBefore` a new channel is made, then the old one stopped (`channels.stop`, id and
 *   resourceId). Its notifications carry no body, only X-Goog-* headers.
 * - Gmail (when a Pub/Sub topic is configured): `users.watch` on the INBOX, published to the
 *   topic; the Pub/Sub push subscription (set up once, outside followup) delivers to
 *   /push/google/gmail. Google asks for a new `watch` at least every 7 days and recommends daily:
 *   renewed once a day, whatever `renewBefore` says.
 */
/** Calendar's documented default channel lifetime (604800 s); asked for explicitly. */
export const CHANNEL_TTL_SECONDS = 604_800;
/** A Gmail watch lives 7 days; renew it when it is a day old. */
export const GMAIL_RENEW_AHEAD_MS = 6 * 24 * 3600_000;

export const calendarWatchResource = (calendarId: string) => `calendars/${calendarId}/events`;

export class GoogleWatches implements PushSubscriber {
  /** Without a topic Gmail is not watched, so the mailbox is still polled every pass. */
  get partial(): boolean {
    return this.gmailTopic === null;
  }

  constructor(
    private readonly calendar: calendar_v3.Calendar,
    private readonly gmail: gmail_v1.Gmail,
    private readonly call: GoogleCall,
    private readonly calendarId: string,
    private readonly gmailTopic: string | null,
  ) {}

  async ensure(input: { notificationUrl: string; clientState: string; existing: PushSubscription[]; renewBefore: Date; now: Date }): Promise<PushSubscription[]> {
    const out: PushSubscription[] = [];
    // Gmail first: a repeated users.watch just replaces the watch, so a failure of the channel
    // after it loses nothing; a channel made and then lost to a later failure would be an orphan.
    if (this.gmailTopic) {
      const watch = input.existing.find((s) => s.resource === GMAIL_WATCH_RESOURCE && s.id === this.gmailTopic);
      if (watch && watch.expiresAt.getTime() > input.now.getTime() + GMAIL_RENEW_AHEAD_MS) out.push(watch);
      else {
        const topicName = this.gmailTopic;
        const made = await this.call('gmail users.watch', async () =>
          (await this.gmail.users.watch({ userId: 'me', requestBody: { topicName, labelIds: ['INBOX'], labelFilterBehavior: 'include' } })).data,
        );
        out.push({ resource: GMAIL_WATCH_RESOURCE, id: topicName, expiresAt: expiry(made.expiration, input.now, 7 * 24 * 3600_000) });
      }
    }
    const resource = calendarWatchResource(this.calendarId);
    const channel = input.existing.find((s) => s.resource === resource);
    if (channel && channel.expiresAt > input.renewBefore) out.push(channel);
    else {
      const id = `followup-${randomUUID()}`;
      const made = await this.call('calendar events.watch', async () =>
        (
          await this.calendar.events.watch({
            calendarId: this.calendarId,
            requestBody: { id, type: 'web_hook', address: input.notificationUrl, token: input.clientState, params: { ttl: String(CHANNEL_TTL_SECONDS) } },
          })
        ).data,
      );
      out.push({ resource, id: made.id ?? id, resourceId: made.resourceId ?? '', expiresAt: expiry(made.expiration, input.now, CHANNEL_TTL_SECONDS * 1000) });
      // The new channel is live: the old one can go. Failing to stop it costs only its
      // notifications until it expires, which the endpoint ignores (no longer a known channel).
      if (channel?.resourceId) {
        await this.call('calendar channels.stop', async () => (await this.calendar.channels.stop({ requestBody: { id: channel.id, resourceId: channel.resourceId } })).data).catch(() => undefined);
      }
    }
    return out;
  }
}

/** The response's expiration (ms since the epoch, as a string) is authoritative; else now + the asked lifetime. */
function expiry(value: string | null | undefined, now: Date, fallbackMs: number): Date {
  const ms = value ? Number(value) : NaN;
  return new Date(Number.isFinite(ms) && ms > 0 ? ms : now.getTime() + fallbackMs);
}
