import { changedSince, continueRound, deltaPage, type GraphContext } from './graph-delta.js';
import { fail, GRAPH_PREFIX, json, parseEqFilter, select } from './graph-http.js';
import { buildMime, parseHeaderLines } from './mime.js';
import { newId, type EmailAddress, type FolderName, type JsonObject, type Mailbox, type StoredMessage, type SyncState } from './state.js';

/** Mail as stored and read: messages, folders, their MIME ($value) and the messages delta. */

export function getMessage(mailbox: Mailbox, id: string): StoredMessage {
  const m = mailbox.messages.get(id);
  if (!m || m.deleted) return fail(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  return m;
}

export function renderMessage(ctx: GraphContext, m: StoredMessage, selectParam: string | null): JsonObject {
  const full: JsonObject = {
    ...m.data,
    id: m.id,
    parentFolderId: folderIdOf(ctx, m),
    conversationId: m.conversationId,
    internetMessageId: m.internetMessageId,
    internetMessageHeaders: m.headers,
  };
  return select(full, selectParam);
}

function folderIdOf(ctx: GraphContext, m: StoredMessage): string {
  for (const mailbox of ctx.state.mailboxes.values()) if (mailbox.messages.get(m.id) === m) return mailbox.folderIds[m.folder];
  return '';
}

export function listFolder(ctx: GraphContext, q: URLSearchParams, mailbox: Mailbox, folderParam: string): Response {
  const folder = ctx.state.folderOf(mailbox, folderParam) ?? fail(404, 'ErrorInvalidIdMalformed', 'Id is malformed.');
  const filter = q.get('$filter');
  const conditions = filter ? parseEqFilter(filter) : {};
  for (const key of Object.keys(conditions)) {
    if (!['internetmessageid', 'conversationid'].includes(key)) fail(400, 'ErrorInvalidUrlQueryFilter', `The emulator cannot filter on ${key}.`);
  }
  const top = Number(q.get('$top') ?? 10);
  const value = [...mailbox.messages.values()]
    .filter((m) => !m.deleted && m.folder === folder)
    .filter((m) => (conditions.internetmessageid === undefined ? true : m.internetMessageId === conditions.internetmessageid))
    .filter((m) => (conditions.conversationid === undefined ? true : m.conversationId === conditions.conversationid))
    .sort((x, y) => String(y.data.receivedDateTime).localeCompare(String(x.data.receivedDateTime)))
    .slice(0, top)
    .map((m) => renderMessage(ctx, m, q.get('$select')));
  return json(200, { value });
}

export function messageValue(mailbox: Mailbox, id: string): Response {
  const m = getMessage(mailbox, id);
  const raw = m.raw ?? buildRaw(m);
  return new Response(raw, { status: 200, headers: { 'Content-Type': 'text/plain' } });
}

/** The MIME of a message created from JSON (a message created from MIME keeps its own). */
export function buildRaw(m: StoredMessage): string {
  const body = (m.data.body as { contentType?: string; content?: string } | undefined) ?? {};
  const addr = (list: unknown) => ((list as { emailAddress: EmailAddress }[] | undefined) ?? []).map((r) => r.emailAddress);
  return buildMime({
    headers: m.headers,
    from: (m.data.from as { emailAddress: EmailAddress } | undefined)?.emailAddress ?? { address: 'unknown@invalid' },
    to: addr(m.data.toRecipients),
    cc: addr(m.data.ccRecipients),
    subject: String(m.data.subject ?? ''),
    date: new Date(String(m.data.sentDateTime ?? m.data.createdDateTime)),
    contentType: body.contentType === 'html' ? 'html' : 'text',
    content: body.content ?? '',
  });
}

export interface NewMessage {
  folder: FolderName;
  fields: JsonObject;
  conversationId?: string;
  internetMessageId?: string;
  headers?: { name: string; value: string }[];
  raw?: string | null;
  id?: string;
}

/** Stores a message; the shared path for drafts, sent copies, deliveries and seeding. */
export function insertMessage(ctx: GraphContext, mailbox: Mailbox, input: NewMessage): StoredMessage {
  const now = new Date().toISOString();
  const internetMessageId = input.internetMessageId ?? `<${newId('', 15)}@emulator.outlook.com>`;
  const std: { name: string; value: string }[] = input.raw
    ? parseHeaderLines(input.raw)
    : [{ name: 'Message-ID', value: internetMessageId }, ...(input.headers ?? [])];
  const body = (input.fields.body as { content?: string } | undefined)?.content ?? '';
  const data: JsonObject = {
    createdDateTime: now,
    lastModifiedDateTime: now,
    changeKey: newId('', 6),
    categories: [],
    receivedDateTime: now,
    sentDateTime: now,
    hasAttachments: false,
    subject: '',
    bodyPreview: body.replace(/<[^>]+>/g, '').slice(0, 255),
    importance: 'normal',
    isRead: input.folder !== 'inbox',
    isDraft: input.folder === 'drafts',
    body: { contentType: 'text', content: '' },
    toRecipients: [],
    ccRecipients: [],
    bccRecipients: [],
    replyTo: [],
    ...input.fields,
  };
  if (!data.sender && data.from) data.sender = data.from;
  const m: StoredMessage = {
    id: input.id ?? newId('AAMkAGI', 24),
    changedSeq: ctx.state.nextSeq(mailbox),
    deleted: false,
    folder: input.folder,
    conversationId: input.conversationId ?? newId('AAQkAG', 18),
    internetMessageId,
    raw: input.raw ?? null,
    headers: std,
    data,
  };
  mailbox.messages.set(m.id, m);
  ctx.state.onChange(mailbox, 'messages', m.id, 'created');
  return m;
}

export function messageDelta(ctx: GraphContext, request: Request, url: URL, mailbox: Mailbox, prefix: string, folderParam: string): Response {
  const folder = ctx.state.folderOf(mailbox, folderParam) ?? fail(404, 'ErrorInvalidIdMalformed', 'Id is malformed.');
  const initial = `${url.origin}${GRAPH_PREFIX}${prefix}/mailFolders/${folder}/messages/delta?$deltatoken=`;
  const continued = continueRound(ctx, url, mailbox, initial);
  const selectParam = continued ? (continued.state.select ?? null) : url.searchParams.get('$select');
  const render = (id: string) => {
    const m = mailbox.messages.get(id);
    return m && !m.deleted && m.folder === folder ? renderMessage(ctx, m, selectParam) : null;
  };
  if (continued && continued.remaining.length > 0) return deltaPage(ctx, request, url, continued, render);
  let since: Date | null = null;
  let state: SyncState;
  if (continued) state = continued.state;
  else {
    const filter = url.searchParams.get('$filter');
    if (filter) {
      const m = /^receivedDateTime\s+(ge|gt)\s+(\S+)$/i.exec(filter.trim());
      if (!m) fail(400, 'ErrorInvalidUrlQueryFilter', 'The query filter contains one or more invalid nodes.');
      since = new Date(m![2]!);
    }
    state = { kind: 'messages', mailboxId: mailbox.id, prefix, folder, select: selectParam, sinceSeq: 0, expired: false };
  }
  const remaining = changedSince(mailbox.messages.values(), state.sinceSeq, (m) => {
    if (m.deleted || m.folder !== folder) return false;
    return since && new Date(String(m.data.receivedDateTime)) < since ? 'skip' : true;
  });
  return deltaPage(ctx, request, url, { state, remaining, endSeq: mailbox.seq }, render);
}
