import { parseRawEmail } from '../../mail/parse-mime.js';
import type { GraphContext } from './graph-delta.js';
import { empty, fail, json, readJson } from './graph-http.js';
import { buildRaw, getMessage, insertMessage, renderMessage } from './graph-mail.js';
import { headerValue } from './mime.js';
import { newId, type EmailAddress, type JsonObject, type Mailbox, type StoredMessage } from './state.js';

/** Mail as written: drafts, replies, edits, deletions and sending (sendMail and draft send). */

const MESSAGE_FIELDS = ['subject', 'body', 'toRecipients', 'ccRecipients', 'bccRecipients', 'replyTo', 'importance', 'categories'];

function messageFields(body: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of MESSAGE_FIELDS) if (key in body) out[key] = body[key];
  return out;
}

function checkCustomHeaders(headers: unknown): { name: string; value: string }[] {
  if (headers === undefined || headers === null) return [];
  if (!Array.isArray(headers)) return fail(400, 'ErrorInvalidRequest', 'internetMessageHeaders must be a collection.');
  const out: { name: string; value: string }[] = [];
  for (const h of headers as { name?: unknown; value?: unknown }[]) {
    const name = String(h.name ?? '');
    if (!/^x-/i.test(name)) fail(400, 'InvalidInternetMessageHeader', `The internet message header name '${name}' should start with 'x-' or 'X-'.`);
    out.push({ name, value: String(h.value ?? '') });
  }
  return out;
}

function isMime(request: Request): boolean {
  return (request.headers.get('content-type') ?? '').toLowerCase().startsWith('text/plain');
}

const fromMailbox = (mailbox: Mailbox) => ({ emailAddress: { name: mailbox.name, address: mailbox.email } });

/** The MIME variant of POST /messages and /sendMail: a base64 RFC 5322 message as text/plain. */
async function insertMime(ctx: GraphContext, request: Request, mailbox: Mailbox): Promise<StoredMessage> {
  const text = (await request.text()).replace(/\s+/g, '');
  const bytes = Buffer.from(text, 'base64');
  if (!text || bytes.toString('base64').replace(/=+$/, '') !== text.replace(/=+$/, '')) {
    return fail(400, 'ErrorMimeContentInvalidBase64String', 'Invalid base64 string for MIME content.');
  }
  const raw = bytes.toString('utf8');
  let parsed;
  try {
    parsed = await parseRawEmail(raw, 'mime');
  } catch {
    return fail(400, 'ErrorMimeContentInvalid', 'The MIME content is invalid.');
  }
  if (parsed.to.length === 0) fail(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid.');
  const addr = (a: string) => ({ emailAddress: { address: a } });
  return insertMessage(ctx, mailbox, {
    folder: 'drafts',
    raw,
    ...(parsed.messageId ? { internetMessageId: parsed.messageId } : {}),
    fields: {
      subject: parsed.subject,
      body: parsed.html ? { contentType: 'html', content: parsed.html } : { contentType: 'text', content: parsed.text },
      from: fromMailbox(mailbox),
      toRecipients: parsed.to.map(addr),
      isDraft: true,
    },
  });
}

/** A draft from a JSON message (POST /messages, /sendMail): its fields, a worker-chosen Message-ID, x- headers. */
function insertJsonDraft(ctx: GraphContext, mailbox: Mailbox, message: JsonObject): StoredMessage {
  const headers = checkCustomHeaders(message.internetMessageHeaders);
  return insertMessage(ctx, mailbox, {
    folder: 'drafts',
    fields: { ...messageFields(message), from: fromMailbox(mailbox) },
    ...(typeof message.internetMessageId === 'string' ? { internetMessageId: message.internetMessageId } : {}),
    headers,
  });
}

export async function createDraft(ctx: GraphContext, request: Request, mailbox: Mailbox): Promise<Response> {
  if (isMime(request)) return json(201, renderMessage(ctx, await insertMime(ctx, request, mailbox), null));
  const m = insertJsonDraft(ctx, mailbox, await readJson(request));
  return json(201, renderMessage(ctx, m, null));
}

export async function createReply(ctx: GraphContext, request: Request, mailbox: Mailbox, id: string): Promise<Response> {
  const original = getMessage(mailbox, id);
  const body = await readJson(request);
  const message = (body.message as JsonObject | undefined) ?? {};
  if (typeof body.comment === 'string' && message.body) fail(400, 'ErrorInvalidRequest', 'comment and message.body cannot both be specified.');
  const headers = checkCustomHeaders(message.internetMessageHeaders);
  const replyTo = (original.data.replyTo as unknown[] | undefined) ?? [];
  const to = replyTo.length > 0 ? replyTo : original.data.from ? [original.data.from] : [];
  const origSubject = String(original.data.subject ?? '');
  const refs = headerValue(original.headers, 'References');
  const threading = [
    { name: 'In-Reply-To', value: original.internetMessageId },
    { name: 'References', value: `${refs ? `${refs} ` : ''}${original.internetMessageId}` },
  ];
  const content = typeof body.comment === 'string' ? body.comment : '';
  const draft = insertMessage(ctx, mailbox, {
    folder: 'drafts',
    fields: {
      subject: /^re:/i.test(origSubject) ? origSubject : `RE: ${origSubject}`,
      body: { contentType: 'text', content },
      toRecipients: to,
      ...messageFields(message),
      from: fromMailbox(mailbox),
    },
    conversationId: original.conversationId,
    ...(typeof message.internetMessageId === 'string' ? { internetMessageId: message.internetMessageId } : {}),
    headers: [...threading, ...headers],
  });
  return json(201, renderMessage(ctx, draft, null));
}

export async function patchMessage(ctx: GraphContext, request: Request, mailbox: Mailbox, id: string): Promise<Response> {
  const m = getMessage(mailbox, id);
  const body = await readJson(request);
  if ('internetMessageHeaders' in body) fail(400, 'InvalidInternetMessageHeader', 'Custom internet message headers can only be added when the message is created.');
  if ('internetMessageId' in body) fail(400, 'ErrorInvalidPropertyUpdateSentMessage', 'internetMessageId can only be set when the message is created.');
  const content = ['subject', 'body', 'toRecipients', 'ccRecipients', 'bccRecipients'];
  if (!m.data.isDraft && Object.keys(body).some((k) => content.includes(k))) {
    fail(400, 'ErrorInvalidPropertyUpdateSentMessage', 'Update operation is invalid for property of a sent message.');
  }
  Object.assign(m.data, messageFields(body), 'isRead' in body ? { isRead: body.isRead } : {}, {
    lastModifiedDateTime: new Date().toISOString(),
    changeKey: newId('', 6),
  });
  m.changedSeq = ctx.state.nextSeq(mailbox);
  return json(200, renderMessage(ctx, m, null));
}

export function deleteMessage(ctx: GraphContext, mailbox: Mailbox, id: string): Response {
  const m = getMessage(mailbox, id);
  m.deleted = true;
  m.changedSeq = ctx.state.nextSeq(mailbox);
  return empty(204);
}

/** Puts a sent message in Sent Items and delivers it (to mailboxes here, or to the outside world). */
function dispatch(ctx: GraphContext, mailbox: Mailbox, m: StoredMessage, saveToSentItems: boolean): void {
  const now = new Date().toISOString();
  Object.assign(m.data, { isDraft: false, isRead: true, sentDateTime: now, receivedDateTime: now });
  m.folder = 'sentitems';
  m.changedSeq = ctx.state.nextSeq(mailbox);
  if (!saveToSentItems) m.deleted = true;
  const raw = m.raw ?? buildRaw(m);
  const recipients = [...((m.data.toRecipients as { emailAddress: EmailAddress }[]) ?? []), ...((m.data.ccRecipients as { emailAddress: EmailAddress }[]) ?? [])]
    .map((r) => r.emailAddress.address.toLowerCase());
  const outside: string[] = [];
  for (const address of recipients) {
    const target = ctx.state.findMailbox(address);
    if (!target) {
      outside.push(address);
      continue;
    }
    insertMessage(ctx, target, {
      folder: 'inbox',
      fields: { ...m.data, isDraft: false, isRead: false },
      conversationId: m.conversationId,
      internetMessageId: m.internetMessageId,
      raw,
    });
  }
  if (outside.length > 0) {
    ctx.state.outbound.push({ from: mailbox.email, to: outside, subject: String(m.data.subject ?? ''), internetMessageId: m.internetMessageId, conversationId: m.conversationId, raw });
  }
}

export function sendDraft(ctx: GraphContext, mailbox: Mailbox, id: string): Response {
  const m = getMessage(mailbox, id);
  if (!m.data.isDraft) fail(400, 'ErrorInvalidOperation', 'Only draft messages can be sent.');
  const to = (m.data.toRecipients as unknown[] | undefined) ?? [];
  if (to.length === 0) fail(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid.');
  dispatch(ctx, mailbox, m, true);
  return empty(202);
}

export async function sendMail(ctx: GraphContext, request: Request, mailbox: Mailbox): Promise<Response> {
  if (isMime(request)) {
    dispatch(ctx, mailbox, await insertMime(ctx, request, mailbox), true);
    return empty(202);
  }
  const body = await readJson(request);
  const message = body.message as JsonObject | undefined;
  if (!message) return fail(400, 'ErrorInvalidRequest', 'message is required.');
  checkCustomHeaders(message.internetMessageHeaders);
  const to = (message.toRecipients as unknown[] | undefined) ?? [];
  if (to.length === 0) fail(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid.');
  const m = insertJsonDraft(ctx, mailbox, message);
  // sendMail starts a new conversation; nothing about the message is returned.
  dispatch(ctx, mailbox, m, body.saveToSentItems !== false);
  return empty(202);
}
