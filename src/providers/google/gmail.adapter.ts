import type { gmail_v1 } from '@googleapis/gmail';
import type { InboundMessage } from '../../domain/types.js';
import { composeRawEmail } from '../../mail/compose.js';
import { parseRawEmail } from '../../mail/parse-mime.js';
import { isProviderError, type InputProblem } from '../../ports/errors.js';
import type { MailboxFetchInput, MailboxFetchResult, MailboxReader, MailSender, NativeDrafts, OutgoingEmail, SentReceipt } from '../../ports/providers.js';
import type { GoogleCall } from './google-call.client.js';
import { addressOf, bareMessageId, firstMessageId, headerMap } from './google.mapper.js';

const METADATA_HEADERS = ['From', 'To', 'Subject', 'Date', 'Message-ID', 'In-Reply-To', 'References', 'Auto-Submitted'];
const LIST_PAGE_SIZE = 100;

/**
 * Gmail: MailSender (raw RFC 5322 built once with the worker's Message-ID, sent in the prospect's
 * thread; exactly once: a retry first looks the Message-ID up in Sent), NativeDrafts
 * (drafts in the right thread, found again by Message-ID), MailboxReader (history.list from the
 * stored historyId, 404 → list recent messages and reconcile; metadata first, full only for
 * tracked threads; the rep's own SENT messages too).
 */
export class GmailAdapter implements MailSender, MailboxReader, NativeDrafts {
  constructor(
    private readonly api: gmail_v1.Gmail,
    private readonly call: GoogleCall,
  ) {}

  private async lookup(query: string): Promise<gmail_v1.Schema$Message | null> {
    const data = (await this.api.users.messages.list({ userId: 'me', q: query, maxResults: 5 })).data;
    return data.messages?.[0] ?? null;
  }

  async findSent(messageId: string): Promise<SentReceipt | false> {
    const found = await this.call('gmail users.messages.list', () => this.lookup(`rfc822msgid:${bareMessageId(messageId)} in:sent`));
    return found?.id ? { providerMessageId: found.id, threadId: found.threadId ?? null } : false;
  }

  async send(email: OutgoingEmail): Promise<SentReceipt> {
    const raw = (await composeRawEmail(email)).toString('base64url');
    const threadId = email.thread.threadId ?? undefined;
    return this.call('gmail users.messages.send', async (attempt) => {
      if (attempt > 1) {
        // The previous attempt may have been sent with its answer lost (timeout, 5xx after the
        // fact): never send twice.
        const already = await this.lookup(`rfc822msgid:${bareMessageId(email.messageId)} in:sent`);
        if (already?.id) return { providerMessageId: already.id, threadId: already.threadId ?? null };
      }
      const sent = (await this.api.users.messages.send({ userId: 'me', requestBody: { raw, ...(threadId ? { threadId } : {}) } })).data;
      return { providerMessageId: sent.id ?? null, threadId: sent.threadId ?? null };
    });
  }

  private async findDraft(messageId: string): Promise<string | null> {
    const data = (await this.api.users.drafts.list({ userId: 'me', q: `rfc822msgid:${bareMessageId(messageId)}`, maxResults: 5 })).data;
    return data.drafts?.[0]?.id ?? null;
  }

  async upsertDraft(email: OutgoingEmail): Promise<{ draftId: string }> {
    const raw = (await composeRawEmail(email)).toString('base64url');
    const threadId = email.thread.threadId ?? undefined;
    return this.call('gmail users.drafts.create', async () => {
      const existing = await this.findDraft(email.messageId);
      if (existing) return { draftId: existing };
      const created = (await this.api.users.drafts.create({ userId: 'me', requestBody: { message: { raw, ...(threadId ? { threadId } : {}) } } })).data;
      if (!created.id) throw new Error('Gmail created a draft without an id');
      return { draftId: created.id };
    });
  }

  async deleteDraft(draftId: string): Promise<void> {
    try {
      await this.call('gmail users.drafts.delete', async () => {
        await this.api.users.drafts.delete({ userId: 'me', id: draftId });
      });
    } catch (err) {
      // Already gone (sent or deleted by the rep): nothing to do.
      if (isProviderError(err) && err.code === 'NOT_FOUND') return;
      throw err;
    }
  }

  async fetchNew(input: MailboxFetchInput): Promise<MailboxFetchResult> {
    let ids: string[] | null = null;
    let cursor: string | null = null;
    if (input.cursor) {
      try {
        ({ ids, cursor } = await this.fromHistory(input.cursor));
      } catch (err) {
        // A too-old (or unknown) historyId: fall back to listing recent messages.
        if (!(isProviderError(err) && (err.code === 'NOT_FOUND' || err.code === 'INVALID_REQUEST'))) throw err;
      }
    }
    if (ids === null) ({ ids, cursor } = await this.recent(input.since));
    const problems: InputProblem[] = [];
    const messages: InboundMessage[] = [];
    for (const id of ids) {
      const message = await this.readIfTracked(id, input, problems);
      if (message) messages.push(message);
    }
    messages.sort((a, b) => a.date.getTime() - b.date.getTime());
    return { messages, cursor: cursor!, problems };
  }

  private async fromHistory(startHistoryId: string): Promise<{ ids: string[]; cursor: string }> {
    const ids = new Set<string>();
    let pageToken: string | undefined;
    let historyId = startHistoryId;
    do {
      const page = await this.call('gmail users.history.list', async () =>
        (
          await this.api.users.history.list({
            userId: 'me',
            startHistoryId,
            historyTypes: ['messageAdded', 'labelAdded'],
            maxResults: 500,
            ...(pageToken ? { pageToken } : {}),
          })
        ).data,
      );
      for (const record of page.history ?? []) {
        for (const added of record.messagesAdded ?? []) if (added.message?.id) ids.add(added.message.id);
        // A draft the rep sent from Gmail may show up as SENT being added.
        for (const labelled of record.labelsAdded ?? []) {
          if (labelled.message?.id && labelled.labelIds?.some((l) => l === 'SENT' || l === 'INBOX')) ids.add(labelled.message.id);
        }
      }
      if (page.historyId) historyId = page.historyId;
      pageToken = page.nextPageToken ?? undefined;
    } while (pageToken);
    return { ids: [...ids], cursor: historyId };
  }

  private async recent(since: Date): Promise<{ ids: string[]; cursor: string }> {
    // Take the mailbox position first, so nothing that arrives while listing is missed.
    const profile = await this.call('gmail users.getProfile', async () => (await this.api.users.getProfile({ userId: 'me' })).data);
    const ids: string[] = [];
    let pageToken: string | undefined;
    const q = `after:${Math.floor(since.getTime() / 1000)}`;
    do {
      const page = await this.call('gmail users.messages.list', async () =>
        (await this.api.users.messages.list({ userId: 'me', q, maxResults: LIST_PAGE_SIZE, ...(pageToken ? { pageToken } : {}) })).data,
      );
      for (const m of page.messages ?? []) if (m.id) ids.push(m.id);
      pageToken = page.nextPageToken ?? undefined;
    } while (pageToken);
    return { ids: ids.reverse(), cursor: profile.historyId ?? '0' };
  }

  private async readIfTracked(id: string, input: MailboxFetchInput, problems: InputProblem[]): Promise<InboundMessage | null> {
    let meta: gmail_v1.Schema$Message;
    try {
      meta = await this.call('gmail users.messages.get', async () =>
        (await this.api.users.messages.get({ userId: 'me', id, format: 'metadata', metadataHeaders: METADATA_HEADERS })).data,
      );
    } catch (err) {
      if (isProviderError(err) && err.code === 'NOT_FOUND') return null; // deleted since
      throw err;
    }
    const labels = meta.labelIds ?? [];
    if (labels.includes('DRAFT') || labels.includes('SPAM') || labels.includes('TRASH')) return null;
    const headers = headerMap(meta.payload?.headers ?? undefined);
    const hint = { from: addressOf(headers['from']), threadId: meta.threadId ?? null, inReplyTo: firstMessageId(headers['in-reply-to']) };
    if (!input.isTracked(hint)) return null;
    try {
      const full = await this.call('gmail users.messages.get', async () => (await this.api.users.messages.get({ userId: 'me', id, format: 'raw' })).data);
      const parsed = await parseRawEmail(Buffer.from(full.raw ?? '', 'base64url'), id);
      const internal = Number(full.internalDate ?? meta.internalDate ?? NaN);
      return {
        ...parsed,
        providerId: id,
        threadId: full.threadId ?? meta.threadId ?? null,
        date: parsed.date.getTime() > 0 ? parsed.date : Number.isFinite(internal) ? new Date(internal) : parsed.date,
      };
    } catch (err) {
      if (isProviderError(err)) {
        if (err.code === 'NOT_FOUND') return null;
        throw err;
      }
      problems.push({ where: `gmail message ${id}`, message: (err as Error).message });
      return null;
    }
  }
}
