import { randomBytes } from 'node:crypto';

/**
 * In-memory state of the Graph emulator: mailboxes (users), their events and messages with a
 * per-mailbox change sequence (what delta links are computed from), sync states, tokens and
 * Teams meetings. Plain data; the router (graph-router.ts) implements Graph's semantics on it.
 */

export type JsonObject = Record<string, unknown>;

export interface EmailAddress {
  name?: string;
  address: string;
}

export interface StoredEvent {
  id: string;
  /** Sequence number of the last change (create, update, delete). */
  changedSeq: number;
  deleted: boolean;
  start: Date;
  end: Date;
  /** Graph JSON (without start/end, which are rendered from the instants above). */
  data: JsonObject;
}

export const FOLDER_NAMES = ['inbox', 'drafts', 'sentitems', 'deleteditems'] as const;
export type FolderName = (typeof FOLDER_NAMES)[number];

export interface StoredMessage {
  id: string;
  changedSeq: number;
  deleted: boolean;
  folder: FolderName;
  conversationId: string;
  internetMessageId: string;
  /** RFC 5322 source when known (seeded or delivered); otherwise built on demand. */
  raw: string | null;
  headers: { name: string; value: string }[];
  data: JsonObject;
}

export interface AttendanceRecordInput {
  emailAddress?: string | null;
  displayName?: string | null;
  role?: 'None' | 'Attendee' | 'Presenter' | 'Organizer';
  totalAttendanceInSeconds?: number;
}

export interface OnlineMeeting {
  id: string;
  joinWebUrl: string;
  subject: string;
  startDateTime: string;
  endDateTime: string;
  reports: { id: string; meetingStartDateTime: string; meetingEndDateTime: string; records: AttendanceRecordInput[] }[];
}

export interface Mailbox {
  id: string;
  email: string;
  name: string;
  seq: number;
  events: Map<string, StoredEvent>;
  messages: Map<string, StoredMessage>;
  folderIds: Record<FolderName, string>;
  meetings: Map<string, OnlineMeeting>;
  /** Requests in flight right now, and the most ever seen at once. */
  inFlight: number;
  maxInFlight: number;
  requestCount: number;
}

export interface SyncState {
  kind: 'calendarView' | 'messages';
  mailboxId: string;
  /** '/me' or '/users/{id}': links keep the form the client used. */
  prefix: string;
  window?: { start: Date; end: Date };
  folder?: FolderName;
  select?: string | null;
  /** Changes after this sequence number are reported. 0 = initial round. */
  sinceSeq: number;
  expired: false | '410' | 'syncStateNotFound' | 'resyncRequired';
}

export interface DeltaRound {
  state: SyncState;
  /** Items still to page through: ids and whether they are reported as removed. */
  remaining: { id: string; removed: boolean }[];
  /** Sequence number at the start of the round (the next deltaLink starts from here). */
  endSeq: number;
}

export interface AccessToken {
  token: string;
  /** Null for app-only (client credentials) tokens. */
  mailboxId: string | null;
  clientId: string;
  expiresAt: number;
  revoked: boolean;
}

export interface RefreshGrant {
  token: string;
  mailboxId: string;
  clientId: string;
  revoked: boolean;
}

export interface DeviceCode {
  deviceCode: string;
  userCode: string;
  clientId: string;
  scope: string;
  /** Set when the user "signed in" (control.approveDeviceCode or autoApprove). */
  approvedFor: string | null;
  expiresAt: number;
}

export function newId(prefix: string, bytes = 12): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

export class GraphState {
  readonly mailboxes = new Map<string, Mailbox>();
  readonly syncStates = new Map<string, SyncState>();
  readonly rounds = new Map<string, DeltaRound>();
  readonly accessTokens = new Map<string, AccessToken>();
  readonly refreshGrants = new Map<string, RefreshGrant>();
  readonly deviceCodes = new Map<string, DeviceCode>();
  /** Every request the emulator answered: method, path and status (for assertions). */
  readonly requestLog: { method: string; path: string; status: number; mailbox: string | null }[] = [];
  /** Messages sent to addresses that have no mailbox here (prospects): the "outside world". */
  readonly outbound: { from: string; to: string[]; subject: string; internetMessageId: string; conversationId: string; raw: string }[] = [];
  /** Called on every stored change (change notifications hook in here; see graph-subscriptions.ts). */
  onChange: (mailbox: Mailbox, kind: 'messages' | 'events', id: string, changeType: 'created' | 'updated' | 'deleted') => void = () => {};

  addMailbox(input: { email: string; name?: string; id?: string }): Mailbox {
    const existing = this.findMailbox(input.email);
    if (existing) return existing;
    const id = input.id ?? newId('user-', 9);
    const mailbox: Mailbox = {
      id,
      email: input.email.toLowerCase(),
      name: input.name ?? input.email,
      seq: 0,
      events: new Map(),
      messages: new Map(),
      folderIds: {
        inbox: newId('fld-inbox-', 6),
        drafts: newId('fld-drafts-', 6),
        sentitems: newId('fld-sent-', 6),
        deleteditems: newId('fld-deleted-', 6),
      },
      meetings: new Map(),
      inFlight: 0,
      maxInFlight: 0,
      requestCount: 0,
    };
    this.mailboxes.set(id, mailbox);
    return mailbox;
  }

  /** By id, e-mail address (case-insensitive) or userPrincipalName. */
  findMailbox(idOrEmail: string): Mailbox | null {
    const direct = this.mailboxes.get(idOrEmail);
    if (direct) return direct;
    const lower = idOrEmail.toLowerCase();
    for (const m of this.mailboxes.values()) if (m.email === lower) return m;
    return null;
  }

  /** Bumps the mailbox's change sequence; returns the new value. */
  nextSeq(mailbox: Mailbox): number {
    mailbox.seq += 1;
    return mailbox.seq;
  }

  folderOf(mailbox: Mailbox, idOrName: string): FolderName | null {
    const lower = idOrName.toLowerCase();
    if ((FOLDER_NAMES as readonly string[]).includes(lower)) return lower as FolderName;
    for (const name of FOLDER_NAMES) if (mailbox.folderIds[name] === idOrName) return name;
    return null;
  }

  issueAccessToken(input: { mailboxId: string | null; clientId: string; ttlSeconds?: number }): AccessToken {
    const token: AccessToken = {
      token: newId('at.', 24),
      mailboxId: input.mailboxId,
      clientId: input.clientId,
      expiresAt: Date.now() + (input.ttlSeconds ?? 3600) * 1000,
      revoked: false,
    };
    this.accessTokens.set(token.token, token);
    return token;
  }

  issueRefreshGrant(input: { mailboxId: string; clientId: string }): RefreshGrant {
    const grant: RefreshGrant = { token: newId('rt.', 32), mailboxId: input.mailboxId, clientId: input.clientId, revoked: false };
    this.refreshGrants.set(grant.token, grant);
    return grant;
  }
}
