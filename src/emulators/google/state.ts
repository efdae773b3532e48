import type { GooglePush } from './push.js';
/**
 * The emulator's state: users (each with a primary calendar and a mailbox), Meet records and
 * OAuth tokens. Plain data, inspected directly by tests (`emulator.state`).
 */

/** A Calendar v3 event resource as JSON (only the fields the emulator understands are typed). */
export interface GEventDateTime {
  date?: string;
  dateTime?: string;
  timeZone?: string;
}
export interface GAttendee {
  email: string;
  displayName?: string;
  responseStatus?: 'needsAction' | 'declined' | 'tentative' | 'accepted';
  organizer?: boolean;
  self?: boolean;
  optional?: boolean;
}
export interface GEvent {
  kind?: 'calendar#event';
  id: string;
  etag?: string;
  status?: 'confirmed' | 'tentative' | 'cancelled';
  iCalUID?: string;
  summary?: string;
  description?: string;
  location?: string;
  start?: GEventDateTime;
  end?: GEventDateTime;
  recurrence?: string[];
  recurringEventId?: string;
  originalStartTime?: GEventDateTime;
  organizer?: { email?: string; displayName?: string; self?: boolean };
  creator?: { email?: string; displayName?: string; self?: boolean };
  attendees?: GAttendee[];
  reminders?: { useDefault?: boolean; overrides?: { method: string; minutes: number }[] };
  extendedProperties?: { private?: Record<string, string>; shared?: Record<string, string> };
  conferenceData?: Record<string, unknown> & { conferenceId?: string };
  hangoutLink?: string;
  transparency?: 'opaque' | 'transparent';
  sequence?: number;
  created?: string;
  updated?: string;
  htmlLink?: string;
  [key: string]: unknown;
}

export interface CalendarEntry {
  event: GEvent;
  /** Position in the change log of the last change. */
  seq: number;
  deleted: boolean;
}

export interface EmulatedCalendar {
  id: string;
  owner: string;
  timeZone: string;
  entries: Map<string, CalendarEntry>;
  /** Bumped by `control.expireSyncTokens`: tokens of an older epoch get 410. */
  epoch: number;
  /** Invitations the emulator "sent" (events inserted/patched with sendUpdates=all). */
  invitesSent: { eventId: string; to: string[]; sendUpdates: string }[];
  /** Set by a watch channel (push.ts): told after every change of an entry. */
  onChange?: () => void;
}

export interface StoredMessage {
  id: string;
  threadId: string;
  labelIds: string[];
  raw: string;
  historyId: number;
  internalDate: number;
  /** Header Message-ID (with brackets). */
  messageId: string;
}

export interface HistoryRecord {
  id: number;
  messagesAdded?: { message: { id: string; threadId: string; labelIds: string[] } }[];
  messagesDeleted?: { message: { id: string; threadId: string; labelIds: string[] } }[];
  labelsAdded?: { message: { id: string; threadId: string; labelIds: string[] }; labelIds: string[] }[];
  labelsRemoved?: { message: { id: string; threadId: string; labelIds: string[] }; labelIds: string[] }[];
}

export interface Mailbox {
  email: string;
  messages: Map<string, StoredMessage>;
  drafts: Map<string, { id: string; messageId: string }>;
  history: HistoryRecord[];
  historyId: number;
  /** history.list with a startHistoryId below this answers 404. */
  minHistoryId: number;
  /** Set by users.watch (push.ts): told the new history id and the labels the change touched. */
  onHistory?: (historyId: number, labelIds: string[]) => void;
}

export interface EmulatedUser {
  email: string;
  name: string;
  calendar: EmulatedCalendar;
  mailbox: Mailbox;
}

export interface MeetParticipant {
  signedinUser?: { user: string; displayName?: string };
  anonymousUser?: { displayName?: string };
  phoneUser?: { displayName?: string };
  earliestStartTime?: string;
  latestEndTime?: string;
}

export interface ConferenceRecord {
  name: string;
  startTime: string;
  endTime?: string;
  expireTime?: string;
  space: string;
  meetingCode: string;
  participants: (MeetParticipant & { name: string })[];
}

export interface OAuthState {
  /** refresh token -> user email */
  refreshTokens: Map<string, { email: string; revoked: boolean; scope: string }>;
  /** access token -> { email, refresh token it came from } */
  accessTokens: Map<string, { email: string; refreshToken: string | null; expiresAt: number }>;
  /** authorization code -> pending grant (PKCE) */
  codes: Map<string, { email: string; redirectUri: string; codeChallenge: string | null; scope: string }>;
}

export interface RequestLogEntry {
  at: number;
  method: string;
  path: string;
  user: string | null;
  status: number;
}

export interface GoogleEmulatorState {
  users: Map<string, EmulatedUser>;
  /** Calendars by id (a user's primary calendar id is their email). */
  calendars: Map<string, EmulatedCalendar>;
  conferenceRecords: ConferenceRecord[];
  oauth: OAuthState;
  /** Global change counter (calendar change log positions, ids). */
  counter: number;
  requests: RequestLogEntry[];
  /** Watch channels and Gmail watches (push.ts); set by createGoogleEmulator. */
  push?: GooglePush;
}

export function createState(): GoogleEmulatorState {
  return {
    users: new Map(),
    calendars: new Map(),
    conferenceRecords: [],
    oauth: { refreshTokens: new Map(), accessTokens: new Map(), codes: new Map() },
    counter: 1000,
    requests: [],
  };
}

export function nextSeq(state: GoogleEmulatorState): number {
  state.counter += 1;
  return state.counter;
}

export function ensureUser(state: GoogleEmulatorState, email: string, name = email, timeZone = 'UTC'): EmulatedUser {
  const key = email.toLowerCase();
  const existing = state.users.get(key);
  if (existing) return existing;
  const calendar: EmulatedCalendar = { id: key, owner: key, timeZone, entries: new Map(), epoch: 1, invitesSent: [] };
  const user: EmulatedUser = {
    email: key,
    name,
    calendar,
    mailbox: { email: key, messages: new Map(), drafts: new Map(), history: [], historyId: 5000, minHistoryId: 0 },
  };
  state.users.set(key, user);
  state.calendars.set(key, calendar);
  return user;
}
