import { addressOf, decodeToken, encodeToken, errors, intParam, json, messageIdsIn, noContent, readHeaders } from './http-util.js';
import { readJson, requireUser, type Route, type RouteContext } from './routes.js';
import { nextSeq, type GoogleEmulatorState, type HistoryRecord, type Mailbox, type StoredMessage } from './state.js';

/**
 * Gmail v1: profile, labels, messages list (q with rfc822msgid:, in:, label:, after:, before:,
 * newer_than:, from:, to:), get (full / metadata / raw / minimal), send (raw + threadId),
 * history.list (404 below the retained window), drafts create/list/get/delete/send.
 * One mailbox-wide historyId counter with gaps; every add/delete/label change is a history record.
 */

const SYSTEM_LABELS = ['INBOX', 'SPAM', 'TRASH', 'UNREAD', 'STARRED', 'IMPORTANT', 'SENT', 'DRAFT', 'CATEGORY_PERSONAL', 'CATEGORY_SOCIAL', 'CATEGORY_PROMOTIONS', 'CATEGORY_UPDATES', 'CATEGORY_FORUMS'];

function newId(state: GoogleEmulatorState): string {
  return `19${nextSeq(state).toString(16).padStart(14, '0')}`;
}

function summary(m: StoredMessage) {
  return { id: m.id, threadId: m.threadId, labelIds: [...m.labelIds] };
}

function bumpHistory(box: Mailbox, record: Omit<HistoryRecord, 'id'>): number {
  // History ids increase with gaps, as Gmail's do.
  box.historyId += 1 + (box.historyId % 3);
  box.history.push({ id: box.historyId, ...record });
  if (box.onHistory) {
    const touched = [...(record.messagesAdded ?? []), ...(record.messagesDeleted ?? []), ...(record.labelsAdded ?? []), ...(record.labelsRemoved ?? [])];
    box.onHistory(box.historyId, [...new Set(touched.flatMap((t) => [...(t.message.labelIds ?? []), ...((t as { labelIds?: string[] }).labelIds ?? [])]))]);
  }
  return box.historyId;
}

function normaliseSubject(s: string | undefined): string {
  return (s ?? '').replace(/^\s*((re|fwd?|aw|sv)\s*:\s*)+/i, '').trim().toLowerCase();
}

/** Picks the thread for a new message: the requested thread when the References/Subject rules
 *  hold, else a thread found by References/In-Reply-To (inbound), else a new thread. */
function chooseThread(box: Mailbox, raw: string, requested: string | null | undefined, byReferences: boolean, force: boolean): string | null {
  if (requested && force) return requested;
  const h = readHeaders(raw);
  const refs = [...messageIdsIn(h.get('In-Reply-To')), ...messageIdsIn(h.get('References'))];
  if (requested) {
    const inThread = [...box.messages.values()].filter((m) => m.threadId === requested);
    if (inThread.length > 0) {
      const refMatch = inThread.some((m) => refs.includes(m.messageId));
      const subjectMatch = inThread.some((m) => normaliseSubject(readHeaders(m.raw).get('Subject')) === normaliseSubject(h.get('Subject')));
      if (refMatch || subjectMatch) return requested;
    }
  }
  if (byReferences && refs.length > 0) {
    for (const m of box.messages.values()) if (refs.includes(m.messageId)) return m.threadId;
  }
  return null;
}

export function addMessage(
  state: GoogleEmulatorState,
  box: Mailbox,
  input: { raw: string; labelIds: string[]; threadId?: string | null; internalDate?: number; byReferences?: boolean; forceThread?: boolean; now: Date },
): StoredMessage {
  const id = newId(state);
  let raw = input.raw;
  let messageId = readHeaders(raw).get('Message-ID') ?? readHeaders(raw).get('Message-Id');
  if (!messageId) {
    messageId = `<emu.${id}@mail.gmail.com>`;
    raw = `Message-ID: ${messageId}\r\n${raw}`;
  }
  const threadId = chooseThread(box, raw, input.threadId, input.byReferences ?? false, input.forceThread ?? false) ?? id;
  const message: StoredMessage = {
    id,
    threadId,
    labelIds: [...new Set(input.labelIds)],
    raw,
    historyId: 0,
    internalDate: input.internalDate ?? input.now.getTime(),
    messageId: messageIdsIn(messageId)[0] ?? messageId,
  };
  box.messages.set(id, message);
  message.historyId = bumpHistory(box, { messagesAdded: [{ message: summary(message) }] });
  return message;
}

export function removeMessage(box: Mailbox, id: string): boolean {
  const m = box.messages.get(id);
  if (!m) return false;
  box.messages.delete(id);
  bumpHistory(box, { messagesDeleted: [{ message: summary(m) }] });
  return true;
}

export function changeLabels(box: Mailbox, id: string, add: string[], remove: string[]): void {
  const m = box.messages.get(id);
  if (!m) return;
  const added = add.filter((l) => !m.labelIds.includes(l));
  const removed = remove.filter((l) => m.labelIds.includes(l));
  m.labelIds = [...m.labelIds.filter((l) => !removed.includes(l)), ...added];
  if (removed.length) m.historyId = bumpHistory(box, { labelsRemoved: [{ message: summary(m), labelIds: removed }] });
  if (added.length) m.historyId = bumpHistory(box, { labelsAdded: [{ message: summary(m), labelIds: added }] });
}

function mailbox(ctx: RouteContext): Mailbox | null {
  const user = requireUser(ctx);
  const userId = decodeURIComponent(ctx.params.userId ?? '');
  if (userId !== 'me' && userId.toLowerCase() !== user.email) return null;
  return user.mailbox;
}

function decodeRaw(raw: string): string {
  return Buffer.from(raw.replace(/\+/g, '-').replace(/\//g, '_'), 'base64url').toString('utf8');
}

function snippet(raw: string): string {
  return readHeaders(raw).body.replace(/\s+/g, ' ').trim().slice(0, 120);
}

export function formatMessage(m: StoredMessage, format: string, metadataHeaders: string[]): Record<string, unknown> {
  const base = {
    id: m.id,
    threadId: m.threadId,
    labelIds: [...m.labelIds],
    snippet: snippet(m.raw),
    historyId: String(m.historyId),
    internalDate: String(m.internalDate),
    sizeEstimate: Buffer.byteLength(m.raw),
  };
  if (format === 'minimal') return base;
  if (format === 'raw') return { ...base, raw: Buffer.from(m.raw, 'utf8').toString('base64url') };
  const h = readHeaders(m.raw);
  const wanted = metadataHeaders.map((n) => n.toLowerCase());
  const headers = format === 'metadata' && wanted.length > 0 ? h.list.filter((x) => wanted.includes(x.name.toLowerCase())) : h.list;
  const contentType = h.get('Content-Type') ?? 'text/plain';
  const mimeType = contentType.split(';')[0]!.trim().toLowerCase();
  if (format === 'metadata') return { ...base, payload: { mimeType, headers } };
  return {
    ...base,
    payload: {
      partId: '',
      mimeType,
      filename: '',
      headers,
      body: { size: Buffer.byteLength(h.body), data: Buffer.from(h.body, 'utf8').toString('base64url') },
    },
  };
}

function parseDateTerm(v: string): number | null {
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const m = v.match(/^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

/** A subset of Gmail search: space-separated terms, all must match. */
export function matchesQuery(m: StoredMessage, q: string, now: Date): boolean {
  const h = readHeaders(m.raw);
  const terms = q.match(/\S+:"[^"]*"|\S+/g) ?? [];
  for (const term of terms) {
    const sep = term.indexOf(':');
    const key = sep > 0 ? term.slice(0, sep).toLowerCase() : '';
    const value = (sep > 0 ? term.slice(sep + 1) : term).replace(/^"|"$/g, '');
    switch (key) {
      case 'rfc822msgid': {
        const want = value.replace(/^<|>$/g, '').toLowerCase();
        if (m.messageId.replace(/^<|>$/g, '').toLowerCase() !== want) return false;
        break;
      }
      case 'in':
      case 'label': {
        const label = value.toUpperCase() === 'DRAFTS' ? 'DRAFT' : value.toUpperCase();
        if (label !== 'ANYWHERE' && !m.labelIds.includes(label)) return false;
        break;
      }
      case 'is':
        if (value.toLowerCase() === 'unread' && !m.labelIds.includes('UNREAD')) return false;
        break;
      case 'after':
      case 'before': {
        const t = parseDateTerm(value);
        if (t === null) return false;
        if (key === 'after' ? m.internalDate < t : m.internalDate >= t) return false;
        break;
      }
      case 'newer_than':
      case 'older_than': {
        const mm = value.match(/^(\d+)([dmyh])$/);
        if (!mm) return false;
        const unit = { h: 3_600_000, d: 86_400_000, m: 30 * 86_400_000, y: 365 * 86_400_000 }[mm[2] as 'h' | 'd' | 'm' | 'y'];
        const edge = now.getTime() - Number(mm[1]) * unit;
        if (key === 'newer_than' ? m.internalDate < edge : m.internalDate >= edge) return false;
        break;
      }
      case 'from':
        if (!addressOf(h.get('From')).includes(value.toLowerCase())) return false;
        break;
      case 'to':
        if (!(h.get('To') ?? '').toLowerCase().includes(value.toLowerCase())) return false;
        break;
      case 'subject':
        if (!(h.get('Subject') ?? '').toLowerCase().includes(value.toLowerCase())) return false;
        break;
      default:
        if (!m.raw.toLowerCase().includes(term.toLowerCase())) return false;
    }
  }
  return true;
}

function listMessages(ctx: RouteContext): Response {
  const box = mailbox(ctx);
  if (!box) return errors.forbidden('Delegation denied');
  const q = ctx.url.searchParams.get('q') ?? '';
  const labelIds = ctx.url.searchParams.getAll('labelIds');
  const includeSpamTrash = ctx.url.searchParams.get('includeSpamTrash') === 'true';
  const max = intParam(ctx.url, 'maxResults', 100, 500);
  const offset = decodeToken<{ o: number }>(ctx.url.searchParams.get('pageToken') ?? '')?.o ?? 0;
  const all = [...box.messages.values()]
    .filter((m) => includeSpamTrash || /in:(spam|trash)/i.test(q) || !m.labelIds.some((l) => l === 'SPAM' || l === 'TRASH'))
    .filter((m) => labelIds.every((l) => m.labelIds.includes(l)))
    .filter((m) => matchesQuery(m, q, ctx.now()))
    .sort((a, b) => b.internalDate - a.internalDate || b.id.localeCompare(a.id));
  const page = all.slice(offset, offset + max);
  const more = offset + max < all.length;
  return json({
    ...(page.length ? { messages: page.map((m) => ({ id: m.id, threadId: m.threadId })) } : {}),
    ...(more ? { nextPageToken: encodeToken({ o: offset + max }) } : {}),
    resultSizeEstimate: all.length,
  });
}

function getMessage(ctx: RouteContext): Response {
  const box = mailbox(ctx);
  if (!box) return errors.forbidden('Delegation denied');
  const m = box.messages.get(ctx.params.id ?? '');
  if (!m) return errors.notFound('Requested entity was not found.');
  const format = ctx.url.searchParams.get('format') ?? 'full';
  return json(formatMessage(m, format, ctx.url.searchParams.getAll('metadataHeaders')));
}

async function sendMessage(ctx: RouteContext): Promise<Response> {
  const box = mailbox(ctx);
  if (!box) return errors.forbidden('Delegation denied');
  const body = await readJson<{ raw?: string; threadId?: string }>(ctx.request);
  if (!body?.raw) return errors.badRequest("'raw' RFC822 payload message string or uploading message via /upload/* URL required", 'raw');
  const raw = decodeRaw(body.raw);
  if (!readHeaders(raw).get('To')) return errors.badRequest('Invalid To header', 'raw');
  const m = addMessage(ctx.state, box, { raw, labelIds: ['SENT'], threadId: body.threadId ?? null, now: ctx.now() });
  return json(summary(m));
}

function listHistory(ctx: RouteContext): Response {
  const box = mailbox(ctx);
  if (!box) return errors.forbidden('Delegation denied');
  const startRaw = ctx.url.searchParams.get('startHistoryId');
  if (!startRaw || !/^\d+$/.test(startRaw)) return errors.badRequest('Invalid startHistoryId', 'startHistoryId');
  const start = Number(startRaw);
  if (start < box.minHistoryId || start > box.historyId) return errors.notFound('Requested entity was not found.');
  const types = ctx.url.searchParams.getAll('historyTypes');
  const labelId = ctx.url.searchParams.get('labelId');
  const max = intParam(ctx.url, 'maxResults', 100, 500);
  const offset = decodeToken<{ o: number }>(ctx.url.searchParams.get('pageToken') ?? '')?.o ?? 0;
  const typeKey: Record<string, keyof HistoryRecord> = {
    messageAdded: 'messagesAdded',
    messageDeleted: 'messagesDeleted',
    labelAdded: 'labelsAdded',
    labelRemoved: 'labelsRemoved',
  };
  const keys = types.length ? types.map((t) => typeKey[t]).filter((k): k is keyof HistoryRecord => Boolean(k)) : null;
  const records = box.history
    .filter((r) => r.id > start)
    .map((r) => {
      const out: HistoryRecord & { messages?: unknown[] } = { id: r.id };
      for (const k of ['messagesAdded', 'messagesDeleted', 'labelsAdded', 'labelsRemoved'] as const) {
        if (!r[k] || (keys && !keys.includes(k))) continue;
        const list = (r[k] as { message: { labelIds: string[] } }[]).filter((x) => !labelId || x.message.labelIds.includes(labelId));
        if (list.length) (out as unknown as Record<string, unknown>)[k] = list;
      }
      const msgs = ['messagesAdded', 'messagesDeleted', 'labelsAdded', 'labelsRemoved'].flatMap(
        (k) => ((out as unknown as Record<string, { message: unknown }[] | undefined>)[k] ?? []).map((x) => x.message),
      );
      if (msgs.length === 0) return null;
      return { ...out, id: String(r.id), messages: msgs };
    })
    .filter((r) => r !== null);
  const page = records.slice(offset, offset + max);
  const more = offset + max < records.length;
  return json({
    ...(page.length ? { history: page } : {}),
    historyId: String(box.historyId),
    ...(more ? { nextPageToken: encodeToken({ o: offset + max }) } : {}),
  });
}

function profile(ctx: RouteContext): Response {
  const box = mailbox(ctx);
  if (!box) return errors.forbidden('Delegation denied');
  const threads = new Set([...box.messages.values()].map((m) => m.threadId));
  return json({ emailAddress: box.email, messagesTotal: box.messages.size, threadsTotal: threads.size, historyId: String(box.historyId) });
}

function labels(ctx: RouteContext): Response {
  if (!mailbox(ctx)) return errors.forbidden('Delegation denied');
  return json({ labels: SYSTEM_LABELS.map((id) => ({ id, name: id, type: 'system' })) });
}

async function createDraft(ctx: RouteContext): Promise<Response> {
  const box = mailbox(ctx);
  if (!box) return errors.forbidden('Delegation denied');
  const body = await readJson<{ message?: { raw?: string; threadId?: string } }>(ctx.request);
  if (!body?.message?.raw) return errors.badRequest('Message is required', 'message');
  const m = addMessage(ctx.state, box, { raw: decodeRaw(body.message.raw), labelIds: ['DRAFT'], threadId: body.message.threadId ?? null, now: ctx.now() });
  const id = `r${nextSeq(ctx.state)}`;
  box.drafts.set(id, { id, messageId: m.id });
  return json({ id, message: summary(m) });
}

function listDrafts(ctx: RouteContext): Response {
  const box = mailbox(ctx);
  if (!box) return errors.forbidden('Delegation denied');
  const max = intParam(ctx.url, 'maxResults', 100, 500);
  const offset = decodeToken<{ o: number }>(ctx.url.searchParams.get('pageToken') ?? '')?.o ?? 0;
  const q = ctx.url.searchParams.get('q') ?? '';
  const all = [...box.drafts.values()].filter((d) => {
    const m = box.messages.get(d.messageId);
    return m && matchesQuery(m, q, ctx.now());
  });
  const page = all.slice(offset, offset + max);
  return json({
    ...(page.length ? { drafts: page.map((d) => ({ id: d.id, message: summary(box.messages.get(d.messageId)!) })) } : {}),
    ...(offset + max < all.length ? { nextPageToken: encodeToken({ o: offset + max }) } : {}),
    resultSizeEstimate: all.length,
  });
}

function getDraft(ctx: RouteContext): Response {
  const box = mailbox(ctx);
  if (!box) return errors.forbidden('Delegation denied');
  const d = box.drafts.get(ctx.params.id ?? '');
  const m = d && box.messages.get(d.messageId);
  if (!d || !m) return errors.notFound('Requested entity was not found.');
  return json({ id: d.id, message: formatMessage(m, ctx.url.searchParams.get('format') ?? 'full', []) });
}

function deleteDraft(ctx: RouteContext): Response {
  const box = mailbox(ctx);
  if (!box) return errors.forbidden('Delegation denied');
  const d = box.drafts.get(ctx.params.id ?? '');
  if (!d) return errors.notFound('Requested entity was not found.');
  box.drafts.delete(d.id);
  removeMessage(box, d.messageId);
  return noContent();
}

/** Sends a draft: the draft message is replaced by a new message labelled SENT (as when the rep
 *  presses Send in Gmail). */
export function sendDraftIn(state: GoogleEmulatorState, box: Mailbox, draftId: string, now: Date): StoredMessage | null {
  const d = box.drafts.get(draftId);
  const m = d && box.messages.get(d.messageId);
  if (!d || !m) return null;
  box.drafts.delete(draftId);
  removeMessage(box, m.id);
  return addMessage(state, box, { raw: m.raw, labelIds: ['SENT'], threadId: m.threadId, forceThread: true, now });
}

async function sendDraft(ctx: RouteContext): Promise<Response> {
  const box = mailbox(ctx);
  if (!box) return errors.forbidden('Delegation denied');
  const body = await readJson<{ id?: string }>(ctx.request);
  const sent = body?.id ? sendDraftIn(ctx.state, box, body.id, ctx.now()) : null;
  if (!sent) return errors.notFound('Requested entity was not found.');
  return json(summary(sent));
}

const U = '/gmail/v1/users/:userId';
export const gmailRoutes: Route[] = [
  { method: 'get', path: `${U}/profile`, auth: true, api: true, handle: profile },
  { method: 'get', path: `${U}/labels`, auth: true, api: true, handle: labels },
  { method: 'get', path: `${U}/messages`, auth: true, api: true, handle: listMessages },
  { method: 'post', path: `${U}/messages/send`, auth: true, api: true, handle: sendMessage },
  { method: 'get', path: `${U}/messages/:id`, auth: true, api: true, handle: getMessage },
  { method: 'get', path: `${U}/history`, auth: true, api: true, handle: listHistory },
  { method: 'post', path: `${U}/drafts/send`, auth: true, api: true, handle: sendDraft },
  { method: 'post', path: `${U}/drafts`, auth: true, api: true, handle: createDraft },
  { method: 'get', path: `${U}/drafts`, auth: true, api: true, handle: listDrafts },
  { method: 'get', path: `${U}/drafts/:id`, auth: true, api: true, handle: getDraft },
  { method: 'delete', path: `${U}/drafts/:id`, auth: true, api: true, handle: deleteDraft },
];
