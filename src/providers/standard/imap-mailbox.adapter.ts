import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { InboundMessage } from '../../domain/types.js';
import type { InputProblem } from '../../ports/errors.js';
import type { MailboxFetchInput, MailboxFetchResult, MailboxReader } from '../../ports/providers.js';
import type { Logger } from '../../log.js';
import { parseRawEmail } from '../../mail/parse-mime.js';
import { readHeaderHints } from '../local/mail-headers.parser.js';
import type { FolderState, ImapClient } from './imap.client.js';
import { HELD_FLAG, PENDING_FLAG, SENDING_FLAG } from './smtp-imap-sender.adapter.js';
import { isDeliveryReport, returnedMessageId } from '../../mail/delivery-report.js';

/**
 * MailboxReader over IMAP: replies and bounces from the inbox, the rep's own messages from the
 * Sent folder (or "All Mail"). Incremental per folder by UIDVALIDITY + UIDNEXT: one STATUS
 * (with HIGHESTMODSEQ where the server has CONDSTORE) tells whether anything arrived; only new
 * UIDs are fetched, headers first, and in full only when they concern a tracked prospect.
 *
 * Messages are known by Message-ID, never by UID: the providerId of a message is its
 * Message-ID, so a rebuilt mailbox (new UIDVALIDITY, new UIDs) is read again from `since` and
 * the worker recognises every message it has already acted on.
 */
const PREFIX = 'i1.';

interface ImapCursor {
  f: Record<string, { v: string; n: number; m: string | null }>;
}

export class ImapMailboxAdapter implements MailboxReader {
  constructor(
    private readonly input: {
      imap: ImapClient;
      inbox: string;
      /** Configured Sent folder, or null for the server's \Sent folder. */
      sent: string | null;
      logger: Logger;
    },
  ) {}

  fetchNew(input: MailboxFetchInput): Promise<MailboxFetchResult> {
    return this.input.imap.session(() => this.fetchInSession(input));
  }

  private async fetchInSession(input: MailboxFetchInput): Promise<MailboxFetchResult> {
    const { imap } = this.input;
    const problems: InputProblem[] = [];
    const previous = decodeCursor(input.cursor);
    if (input.cursor !== null && !previous) problems.push({ where: imap.where(), message: `the saved mailbox position is not usable; looked back to ${input.since.toISOString()} instead` });
    // Sent first: a reply or a bounce in the inbox may answer a message read in this same fetch.
    const sent = this.input.sent ?? (await imap.findSentFolder());
    const folders = sent && sent !== this.input.inbox ? [sent, this.input.inbox] : [this.input.inbox];
    const readIds = new Set<string>();
    const isTracked: MailboxFetchInput['isTracked'] = (hint) => input.isTracked(hint) || Boolean(hint.inReplyTo && readIds.has(hint.inReplyTo));

    const next: ImapCursor = { f: {} };
    const messages = new Map<string, InboundMessage>();
    for (const folder of folders) {
      const state = await imap.state(folder);
      const before = previous?.f[folder];
      next.f[folder] = { v: state.uidValidity, n: state.uidNext, m: state.highestModseq };
      const uids = await this.newUids(folder, state, before, input.since);
      if (uids === null) continue;
      const items = await imap.headers(folder, uids);
      for (const item of items) {
        if (item.flags.has(PENDING_FLAG) || item.flags.has(SENDING_FLAG) || item.flags.has(HELD_FLAG)) continue; // our own copy, not confirmed yet
        const hints = readHeaderHints(item.head);
        if (hints.fieldCount === 0) continue;
        if (!before && hints.date && hints.date < input.since) continue;
        // A bounce names the returned message in its body: read it to match the email that bounced.
        const report = isDeliveryReport(item.head);
        let raw: Buffer | null = null;
        let returned: string | null = null;
        if (report) {
          raw = await imap.source(folder, item.uid);
          returned = raw ? returnedMessageId(raw) : null;
        }
        const tracked = isTracked({ from: hints.from, inReplyTo: returned ?? hints.inReplyTo ?? hints.references.at(-1) ?? null, threadId: null });
        if (!tracked) continue;
        raw ??= await imap.source(folder, item.uid);
        if (!raw) continue;
        const providerId = hints.messageId ?? `nomid-${createHash('sha256').update(raw).digest('hex').slice(0, 32)}`;
        if (messages.has(providerId)) continue; // the same message in the inbox and "All Mail"
        try {
          const message = await parseRawEmail(raw, providerId);
          if (returned && !message.inReplyTo) message.inReplyTo = returned;
          if (returned && !message.references.includes(returned)) message.references = [...message.references, returned];
          messages.set(providerId, message);
          if (message.messageId) readIds.add(message.messageId);
        } catch (err) {
          problems.push({ where: `${imap.where(folder)} UID ${item.uid}`, message: `${(err as Error).message.replace(`${providerId}: `, '')}; skipped` });
        }
      }
    }
    this.input.logger.debug({ folders, messages: messages.size }, 'IMAP mailbox read');
    const sorted = [...messages.values()].sort((a, b) => a.date.getTime() - b.date.getTime());
    return { messages: sorted, cursor: encodeCursor(next), problems };
  }

  /** Which UIDs to look at: new ones since the cursor, or everything since `since` when the
   *  folder is new to us or was rebuilt (UIDVALIDITY changed). Null: nothing new. */
  private async newUids(folder: string, state: FolderState, before: ImapCursor['f'][string] | undefined, since: Date): Promise<{ fromUid: number } | { uids: number[] } | null> {
    if (before && before.v === state.uidValidity) {
      // Flag changes move HIGHESTMODSEQ but not UIDNEXT: nothing to read.
      if (state.uidNext <= before.n) return null;
      return { fromUid: before.n };
    }
    if (before) this.input.logger.info({ folder }, 'IMAP folder was rebuilt (new UIDVALIDITY); reading it again from the look-back date, by Message-ID');
    return { uids: await this.input.imap.uidsSince(folder, since) };
  }
}

function encodeCursor(cursor: ImapCursor): string {
  return PREFIX + deflateRawSync(Buffer.from(JSON.stringify(cursor), 'utf8')).toString('base64url');
}

function decodeCursor(text: string | null): ImapCursor | null {
  if (!text?.startsWith(PREFIX)) return null;
  try {
    const value = JSON.parse(inflateRawSync(Buffer.from(text.slice(PREFIX.length), 'base64url')).toString('utf8')) as Partial<ImapCursor>;
    if (!value.f || typeof value.f !== 'object') return null;
    for (const s of Object.values(value.f)) if (typeof s?.v !== 'string' || typeof s.n !== 'number') return null;
    return value as ImapCursor;
  } catch {
    return null;
  }
}
