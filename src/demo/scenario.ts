import type { CalendarEvent } from '../domain/types.js';

/**
 * The demo workspace as data, relative to a given `now`. Each provider family seeds it its own
 * way: the local family writes .ics files and a Maildir; the Google and Microsoft emulators load
 * it into their state. The same scenario must give the same outcomes on every family.
 */
export interface DemoProspectInput {
  email: string;
  name: string;
  company: string;
  timeZone: string;
  hotButton?: string;
  materialSent?: string[];
  nextStep?: { what: string; due: string };
  /** Further addresses of the same person. */
  emails?: string[];
  phone?: string;
}

export interface DemoMessage {
  /** RFC 5322 source. */
  raw: string;
  /** 'inbox' = received by the rep; 'sent' = sent earlier by the rep. */
  folder: 'inbox' | 'sent';
  /** The message's Date. */
  date: Date;
  /** Groups messages of one conversation (Gmail threadId / Graph conversationId in emulators). */
  threadKey: string;
}

export interface DemoScenario {
  now: Date;
  rep: { id: string; email: string; name: string; timeZone: string };
  prospects: DemoProspectInput[];
  /** Events in the rep's calendar. */
  events: CalendarEvent[];
  messages: DemoMessage[];
}
