import type { CalendarEvent, RsvpResponse } from '../../domain/types.js';
import type { DemoScenario } from '../../demo/scenario.js';
import { writeGraphTime } from './graph-time.js';
import type { GraphEmulator } from './index.js';

/**
 * Loads the demo scenario into the emulator: the rep's mailbox, calendar events (keeping their
 * ids, attendees' RSVPs and Teams links) and messages (inbox / Sent Items), one Graph
 * conversation per `threadKey`.
 */
const RESPONSE: Record<RsvpResponse, string> = {
  accepted: 'accepted',
  declined: 'declined',
  tentative: 'tentativelyAccepted',
  needs_action: 'none',
};

export function eventToGraphJson(event: CalendarEvent, repEmail: string): Record<string, unknown> {
  const organizer = event.attendees.find((a) => a.organizer)?.email ?? event.organizerEmail ?? repEmail;
  const teams = event.conference?.provider === 'teams';
  return {
    subject: event.title,
    body: { contentType: 'text', content: event.description ?? '' },
    start: writeGraphTime(event.start, 'UTC'),
    end: writeGraphTime(event.end, 'UTC'),
    isAllDay: event.allDay ?? false,
    isCancelled: event.status === 'cancelled',
    showAs: event.status === 'tentative' ? 'tentative' : 'busy',
    categories: event.categories,
    isOrganizer: organizer.toLowerCase() === repEmail.toLowerCase(),
    organizer: { emailAddress: { address: organizer } },
    ...(event.uid ? { iCalUId: event.uid } : {}),
    attendees: event.attendees
      .filter((a) => !a.organizer)
      .map((a) => ({
        type: 'required',
        emailAddress: { address: a.email, ...(a.name ? { name: a.name } : {}) },
        status: { response: RESPONSE[a.response], time: '0001-01-01T00:00:00Z' },
      })),
    ...(teams
      ? {
          isOnlineMeeting: true,
          onlineMeetingProvider: 'teamsForBusiness',
          onlineMeeting: { joinUrl: event.conference?.joinUrl ?? event.conference?.id },
        }
      : {}),
  };
}

export async function seedGraphEmulator(emulator: GraphEmulator, scenario: DemoScenario): Promise<{ mailbox: string; events: number; messages: number }> {
  const { control, router } = emulator;
  const mailbox = control.addMailbox({ email: scenario.rep.email, name: scenario.rep.name });
  for (const event of scenario.events) {
    router.insertEvent(mailbox, eventToGraphJson(event, scenario.rep.email), { id: event.id, now: event.updatedAt ?? scenario.now });
  }
  const messages = [...scenario.messages].sort((a, b) => a.date.getTime() - b.date.getTime());
  for (const m of messages) {
    await control.deliverRaw(scenario.rep.email, m.raw, { threadKey: m.threadKey, folder: m.folder === 'sent' ? 'sentitems' : 'inbox', receivedAt: m.date });
  }
  return { mailbox: mailbox.email, events: scenario.events.length, messages: messages.length };
}
