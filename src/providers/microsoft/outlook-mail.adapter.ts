import type { InboundMessage } from '../../domain/types.js';
import { composeRawEmail } from '../../mail/compose.js';
import { parseRawEmail } from '../../mail/parse-mime.js';
import { ProviderError, type InputProblem } from '../../ports/errors.js';
import type { MailboxFetchInput, MailboxFetchResult, MailboxReader, MailSender, NativeDrafts, OutgoingEmail, SentReceipt } from '../../ports/providers.js';
import { isRetryable } from '../retry.js';
import { GraphSession, type BatchResult, type BatchStep } from './graph.client.js';
import { customHeaders, graphBody, headerOf, odataString, recipient, type GraphMessage } from './graph.mapper.js';

/**
 * Mail over Graph.
 * - Replies go into the prospect's conversation: createReply on the message being answered
 *   (custom x- headers and the worker's Message-ID set at creation, as Graph requires), PATCH
 *   subject/body, then send. Without a message to answer: sendMail with the worker's own MIME
 *   (so Message-ID, In-Reply-To and References are the worker's bytes); it starts a new conversation.
 * - findSent: Sent Items filtered on internetMessageId.
 * - fetchNew: inbox and Sent Items messages/delta; only tracked messages are fetched in full
 *   (MIME `$value`, through $batch).
 * - Native drafts (approval: outlook-drafts) live in Drafts; the rep presses Send.
 */
const LIST_SELECT = 'id,conversationId,internetMessageId,internetMessageHeaders,from,toRecipients,subject,receivedDateTime,isDraft';
export const MAIL_DELTA_PAGE_SIZE = 50;

interface MailCursor {
  v: 1;
  inbox: string;
  sent: string;
}

function parseMailCursor(cursor: string | null): MailCursor | null {
  if (!cursor) return null;
  try {
    const c = JSON.parse(cursor) as MailCursor;
    if (c.v === 1 && typeof c.inbox === 'string' && typeof c.sent === 'string') return c;
  } catch {
    // fall through: a cursor from elsewhere means a fresh start from `since`
  }
  return null;
}

function decodeBatchText(body: unknown): string {
  if (typeof body !== 'string') return JSON.stringify(body ?? '');
  // $batch returns non-JSON bodies base64-encoded; accept a plain body too.
  if (/^[A-Za-z0-9+/=\r\n]+$/.test(body.trim())) return Buffer.from(body, 'base64').toString('utf8');
  return body;
}

export class GraphMail implements MailSender, MailboxReader, NativeDrafts {
  constructor(
    private readonly session: GraphSession,
    private readonly options: { repEmail: string; pageSize?: number },
  ) {}

  // ------------------------------------------------------------------ sending

  async send(email: OutgoingEmail): Promise<SentReceipt> {
    const already = await this.findSent(email.messageId);
    if (already) return already;
    const replyTo = email.thread.replyToProviderId;
    if (replyTo) {
      const draft = await this.replyDraft(email, replyTo).catch((err: unknown) => {
        // The message being answered is gone (deleted by the rep): send as a new message.
        if (err instanceof ProviderError && err.code === 'NOT_FOUND') return null;
        throw err;
      });
      if (draft) {
        await this.sendDraft(email, draft.id!);
        return { providerMessageId: draft.id ?? null, threadId: draft.conversationId ?? null };
      }
    }
    const raw = await composeRawEmail(email);
    // A lost answer (503, timeout) usually means Graph sent it: look in Sent Items before every retry.
    const settled = await this.session.request(
      'microsoft mail sendMail',
      async (c): Promise<SentReceipt | null> => {
        await c.api(this.session.path('/sendMail')).header('Content-Type', 'text/plain').post(raw.toString('base64'));
        return null;
      },
      { beforeRetry: async () => (await this.findSent(email.messageId)) || undefined },
    );
    if (settled) return settled;
    // sendMail answers 202 with nothing: look the message up for its id and conversation.
    return (await this.findSent(email.messageId)) || { providerMessageId: null, threadId: null };
  }

  private async sendDraft(email: OutgoingEmail, draftId: string): Promise<void> {
    try {
      await this.session.request(
        'microsoft mail messages.send',
        async (c): Promise<boolean> => {
          await c.api(this.session.path(`/messages/${encodeURIComponent(draftId)}/send`)).post(undefined);
          return true;
        },
        { beforeRetry: async () => ((await this.findSent(email.messageId)) ? true : undefined) },
      );
    } catch (err) {
      // A send whose answer was lost and that was retried: the draft is already in Sent Items.
      if (err instanceof ProviderError && (err.code === 'NOT_FOUND' || err.code === 'INVALID_REQUEST') && (await this.findSent(email.messageId))) return;
      throw err;
    }
  }

  /** The reply draft for this email: found again by Message-ID, or created with createReply. */
  private async replyDraft(email: OutgoingEmail, replyTo: string): Promise<GraphMessage> {
    const existing = await this.findIn('drafts', email.messageId);
    if (existing) return existing;
    const draft = await this.session.request('microsoft mail messages.createReply', (c) =>
      c.api(this.session.path(`/messages/${encodeURIComponent(replyTo)}/createReply`)).post({
        message: {
          toRecipients: [recipient(email.to)],
          internetMessageId: email.messageId,
          internetMessageHeaders: customHeaders(email),
          ...(email.attachments.length > 0
            ? {
                attachments: email.attachments.map((a) => ({
                  '@odata.type': '#microsoft.graph.fileAttachment',
                  name: a.filename,
                  contentType: a.contentType,
                  contentBytes: Buffer.from(a.content, 'utf8').toString('base64'),
                })),
              }
            : {}),
        },
      }) as Promise<GraphMessage>,
    );
    if (!draft.id) throw new ProviderError({ code: 'UNKNOWN', message: 'createReply returned no id', where: 'microsoft mail messages.createReply' });
    await this.session.request('microsoft mail messages.update', (c) =>
      c.api(this.session.path(`/messages/${encodeURIComponent(draft.id!)}`)).patch({ subject: email.subject, body: graphBody(email) }),
    );
    return draft;
  }

  async findSent(messageId: string): Promise<SentReceipt | false> {
    const found = await this.findIn('sentitems', messageId);
    return found ? { providerMessageId: found.id ?? null, threadId: found.conversationId ?? null } : false;
  }

  private async findIn(folder: 'sentitems' | 'drafts', messageId: string): Promise<GraphMessage | null> {
    const page = await this.session.request(`microsoft mail ${folder}.find`, (c) =>
      c
        .api(this.session.path(`/mailFolders/${folder}/messages`))
        .filter(encodeURIComponent(`internetMessageId eq ${odataString(messageId)}`))
        .select('id,conversationId,internetMessageId,isDraft')
        .top(1)
        .get() as Promise<{ value?: GraphMessage[] }>,
    );
    return page.value?.[0] ?? null;
  }

  // ------------------------------------------------------------------ drafts

  async upsertDraft(email: OutgoingEmail): Promise<{ draftId: string }> {
    const existing = await this.findIn('drafts', email.messageId);
    if (existing?.id) return { draftId: existing.id };
    if (email.thread.replyToProviderId) {
      try {
        const draft = await this.replyDraft(email, email.thread.replyToProviderId);
        return { draftId: draft.id! };
      } catch (err) {
        if (!(err instanceof ProviderError && err.code === 'NOT_FOUND')) throw err;
      }
    }
    // No message to answer: the draft is created from the worker's MIME (keeps its threading headers).
    const raw = await composeRawEmail(email);
    const created = await this.session.request('microsoft mail messages.create', (c) =>
      c.api(this.session.path('/messages')).header('Content-Type', 'text/plain').post(raw.toString('base64')) as Promise<GraphMessage>,
    );
    if (!created.id) throw new ProviderError({ code: 'UNKNOWN', message: 'Graph created a draft without an id', where: 'microsoft mail messages.create' });
    return { draftId: created.id };
  }

  async deleteDraft(draftId: string): Promise<void> {
    try {
      await this.session.request('microsoft mail messages.delete', (c) => c.api(this.session.path(`/messages/${encodeURIComponent(draftId)}`)).delete());
    } catch (err) {
      if (err instanceof ProviderError && err.code === 'NOT_FOUND') return;
      throw err;
    }
  }

  // ------------------------------------------------------------------ reading

  async fetchNew(input: MailboxFetchInput): Promise<MailboxFetchResult> {
    const cursor = parseMailCursor(input.cursor);
    const problems: InputProblem[] = [];
    const inbox = await this.deltaFolder('inbox', cursor?.inbox ?? null, input.since);
    const sent = await this.deltaFolder('sentitems', cursor?.sent ?? null, input.since);
    const wanted: { id: string; conversationId: string | null }[] = [];
    for (const m of inbox.items) {
      const hint = { from: m.from?.emailAddress?.address?.toLowerCase() ?? null, threadId: m.conversationId ?? null, inReplyTo: headerOf(m, 'In-Reply-To') };
      if (input.isTracked(hint)) wanted.push({ id: m.id!, conversationId: m.conversationId ?? null });
    }
    for (const m of sent.items) {
      // The rep's own sent mail (e.g. an Outlook draft the rep approved by pressing Send): the prospect is a recipient.
      const to = m.toRecipients?.[0]?.emailAddress?.address?.toLowerCase() ?? null;
      if (input.isTracked({ from: to, threadId: m.conversationId ?? null, inReplyTo: headerOf(m, 'In-Reply-To') })) {
        wanted.push({ id: m.id!, conversationId: m.conversationId ?? null });
      }
    }
    const messages = await this.fetchFull(wanted, problems);
    messages.sort((a, b) => a.date.getTime() - b.date.getTime());
    return { messages, cursor: JSON.stringify({ v: 1, inbox: inbox.deltaLink, sent: sent.deltaLink } satisfies MailCursor), problems };
  }

  private async deltaFolder(folder: 'inbox' | 'sentitems', deltaLink: string | null, since: Date): Promise<{ items: GraphMessage[]; deltaLink: string }> {
    const where = `microsoft mail ${folder}.messages.delta`;
    const initial = this.session.path(`/mailFolders/${folder}/messages/delta?$select=${LIST_SELECT}&$filter=${encodeURIComponent(`receivedDateTime ge ${since.toISOString()}`)}`);
    let link = deltaLink ? GraphSession.relativeLink(deltaLink) : initial;
    const items = new Map<string, GraphMessage>();
    let restarted = false;
    for (;;) {
      let page: { value?: GraphMessage[]; '@odata.nextLink'?: string; '@odata.deltaLink'?: string };
      try {
        page = await this.session.request(where, (c) => c.api(link).header('Prefer', `odata.maxpagesize=${this.options.pageSize ?? MAIL_DELTA_PAGE_SIZE}`).get());
      } catch (err) {
        // An expired mail delta link: start again from `since` (the worker ignores messages it already recorded).
        if (err instanceof ProviderError && err.code === 'CURSOR_EXPIRED' && !restarted) {
          restarted = true;
          items.clear();
          link = initial;
          continue;
        }
        throw err;
      }
      for (const m of page.value ?? []) {
        if (!m.id) continue;
        if (m['@removed'] || m.isDraft) items.delete(m.id);
        else items.set(m.id, m);
      }
      if (page['@odata.nextLink']) {
        link = GraphSession.relativeLink(page['@odata.nextLink']);
        continue;
      }
      if (!page['@odata.deltaLink']) throw new ProviderError({ code: 'UNKNOWN', message: 'a delta page had neither nextLink nor deltaLink', where });
      return { items: [...items.values()], deltaLink: page['@odata.deltaLink'] };
    }
  }

  /**
   * Full MIME of the wanted messages, ≤ 20 per $batch round trip. An inner request that keeps
   * failing for a while (the session retried it) fails the whole read: the caller then keeps the
   * mailbox cursor, so the next run reads that message again. Skipping it would lose it for good
   * (the delta link saved after it never returns it), as an opt-out read late would show.
   */
  private async fetchFull(wanted: { id: string; conversationId: string | null }[], problems: InputProblem[]): Promise<InboundMessage[]> {
    if (wanted.length === 0) return [];
    const where = 'microsoft mail messages.$value';
    const steps: BatchStep[] = wanted.map((w, i) => ({ id: String(i + 1), method: 'GET', url: this.session.path(`/messages/${encodeURIComponent(w.id)}/$value`) }));
    let results: Map<string, BatchResult>;
    try {
      results = await this.session.batch(where, steps);
    } catch (err) {
      if (!isRetryable(err)) throw err;
      throw new ProviderError({
        code: err.code,
        where,
        message: `${err.message.replace(`${where}: `, '')}; none of the ${wanted.length} new message(s) of account ${this.session.accountId} is acted on this run: its mailbox position is kept and the next run reads them again`,
        retryAfterMs: err.retryAfterMs,
        status: err.status,
        cause: err,
      });
    }
    const out: InboundMessage[] = [];
    for (const [i, w] of wanted.entries()) {
      const r = results.get(String(i + 1));
      if (!r || r.status >= 400) {
        if (r?.status === 404) continue; // deleted meanwhile
        // A lasting refusal of this one message (403, 400): named, and skipped for good.
        problems.push({ where: `message ${w.id}`, message: `${r ? this.session.batchError(where, r).message : 'no answer in $batch'}; skipped (read it in Outlook)` });
        continue;
      }
      try {
        const parsed = await parseRawEmail(decodeBatchText(r.body), w.id);
        out.push({ ...parsed, threadId: w.conversationId });
      } catch (err) {
        problems.push({ where: `message ${w.id}`, message: (err as Error).message });
      }
    }
    return out;
  }
}
