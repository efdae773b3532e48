import type { CalendarEvent } from '../../domain/types.js';
import type { DemoScenario } from '../../demo/scenario.js';
import type { GoogleEmulator } from './emulator.js';
import type { GAttendee, GEvent } from './state.js';

const RESPONSE_TO_GOOGLE: Record<string, NonNullable<GAttendee['responseStatus']>> = {
  accepted: 'accepted',
  declined: 'declined',
  tentative: 'tentative',
  needs_action: 'needsAction',
};

/** A domain event as Google would hold it (categories go to extendedProperties.private.categories). */
export function toGoogleEvent(event: CalendarEvent, timeZone: string): GEvent {
  const time = (d: Date) => (event.allDay ? { date: d.toISOString().slice(0, 10) } : { dateTime: d.toISOString(), timeZone });
  const conf = event.conference;
  return {
    id: event.id,
    status: event.status,
    ...(event.uid ? { iCalUID: event.uid } : {}),
    summary: event.title,
    ...(event.description ? { description: event.description } : {}),
    start: time(event.start),
    end: time(event.end),
    ...(event.organizerEmail ? { organizer: { email: event.organizerEmail, self: true } } : {}),
    attendees: event.attendees.map((a) => ({
      email: a.email,
      ...(a.name ? { displayName: a.name } : {}),
      responseStatus: RESPONSE_TO_GOOGLE[a.response] ?? 'needsAction',
      ...(a.organizer ? { organizer: true } : {}),
    })),
    ...(event.categories.length ? { extendedProperties: { private: { categories: event.categories.join(',') } } } : {}),
    ...(conf?.provider === 'meet'
      ? {
          hangoutLink: conf.joinUrl ?? `https://meet.google.com/${conf.id}`,
          conferenceData: {
            conferenceId: conf.id,
            conferenceSolution: { key: { type: 'hangoutsMeet' }, name: 'Google Meet' },
            entryPoints: [{ entryPointType: 'video', uri: conf.joinUrl ?? `https://meet.google.com/${conf.id}` }],
          },
        }
      : {}),
    ...(event.recurringEventId ? { recurringEventId: event.recurringEventId } : {}),
    ...(event.originalStart ? { originalStartTime: time(event.originalStart) } : {}),
  };
}

export interface SeededGoogleAccount {
  email: string;
  /** A refresh token the emulator accepts for the rep: seal it into the store as the account's credential. */
  refreshToken: string;
  /** threadKey → Gmail threadId */
  threads: Map<string, string>;
}

/** Loads the demo's calendar events and messages (threads by `threadKey`) into the emulator. */
export function seedGoogleEmulator(emulator: GoogleEmulator, scenario: DemoScenario): SeededGoogleAccount {
  const { control } = emulator;
  const rep = control.addUser({ email: scenario.rep.email, name: scenario.rep.name, timeZone: scenario.rep.timeZone });
  for (const event of scenario.events) {
    control.insertEvent(rep.email, toGoogleEvent(event, scenario.rep.timeZone));
  }
  const threads = new Map<string, string>();
  const ordered = [...scenario.messages].sort((a, b) => a.date.getTime() - b.date.getTime());
  for (const m of ordered) {
    const threadId = threads.get(m.threadKey);
    const input = { date: m.date, ...(threadId ? { threadId } : {}) };
    const stored = m.folder === 'sent' ? control.addSentMessage(rep.email, m.raw, input) : control.deliverMessage(rep.email, m.raw, input);
    if (!threadId) threads.set(m.threadKey, stored.threadId);
  }
  return { email: rep.email, refreshToken: control.issueRefreshToken(rep.email), threads };
}
