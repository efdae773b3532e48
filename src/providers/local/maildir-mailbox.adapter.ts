import { createHash } from 'node:crypto';
import type { InboundMessage } from '../../domain/types.js';
import type { InputProblem } from '../../ports/errors.js';
import type { MailboxFetchInput, MailboxFetchResult, MailboxReader } from '../../ports/providers.js';
import type { Logger } from '../../log.js';
import { isDeliveryReport, returnedMessageId } from '../../mail/delivery-report.js';
import { parseRawEmail } from '../../mail/parse-mime.js';
import { decodeMailboxCursor, encodeMailboxCursor, MAILBOX_SLACK_MS, type MailboxCursor } from './maildir-cursor.mapper.js';
import { readHeaderHints } from './mail-headers.parser.js';
import type { MaildirClient, MaildirMessage } from './maildir.client.js';

/**
 * MailboxReader over a Maildir. Only messages whose headers say they may concern a tracked
 * prospect (isTracked on From / In-Reply-To) are read and decoded in full. On a first run (or
 * when the cursor is unusable) messages dated before `since` are ignored.
 */
export class MaildirMailboxAdapter implements MailboxReader {
  constructor(
    private readonly client: MaildirClient,
    private readonly logger: Logger,
  ) {}

  async fetchNew(input: MailboxFetchInput): Promise<MailboxFetchResult> {
    const dir = await this.client.identity();
    const problems: InputProblem[] = [];
    let cursor: MailboxCursor | null = null;
    if (input.cursor !== null) {
      const decoded = decodeMailboxCursor(input.cursor, dir);
      if ('invalid' in decoded) {
        problems.push({ where: `Maildir ${this.client.dir}`, message: `the saved mailbox position ${decoded.invalid}; looked back to ${input.since.toISOString()} instead` });
      } else cursor = decoded;
    }
    const all = await this.client.list();
    const seen = new Set(cursor?.seen ?? []);
    const from = cursor ? cursor.t - MAILBOX_SLACK_MS : Number.NEGATIVE_INFINITY;
    const candidates = all
      .filter((m) => m.mtimeMs >= from && !seen.has(m.base))
      .sort((a, b) => a.mtimeMs - b.mtimeMs || a.name.localeCompare(b.name));

    const messages: InboundMessage[] = [];
    for (const message of candidates) {
      const read = await this.readIfTracked(message, input, cursor === null);
      if (read && 'problem' in read) problems.push(read.problem);
      else if (read) messages.push(read.message);
    }

    const watermark = all.reduce((max, m) => Math.max(max, m.mtimeMs), cursor?.t ?? 0);
    const next: MailboxCursor = {
      dir,
      t: watermark,
      seen: [...new Set(all.filter((m) => m.mtimeMs >= watermark - MAILBOX_SLACK_MS).map((m) => m.base))].sort(),
    };
    this.logger.debug({ maildir: this.client.dir, candidates: candidates.length, messages: messages.length, problems: problems.length }, 'local mailbox read');
    messages.sort((a, b) => a.date.getTime() - b.date.getTime());
    return { messages, cursor: encodeMailboxCursor(next), problems };
  }

  private async readIfTracked(
    message: MaildirMessage,
    input: MailboxFetchInput,
    firstRun: boolean,
  ): Promise<{ message: InboundMessage } | { problem: InputProblem } | null> {
    const head = await this.client.readHead(message);
    if (!head) return null; // removed meanwhile
    const hints = readHeaderHints(head);
    if (hints.fieldCount === 0) return { problem: { where: message.name, message: 'not an email (no header fields); skipped' } };
    if (firstRun && (hints.date ?? new Date(message.mtimeMs)) < input.since) return null;
    // A delivery report (a Postfix bounce from MAILER-DAEMON) names the email that bounced only
    // inside its body (message/rfc822 or text/rfc822-headers): read it to match that email.
    let raw: Buffer | null = null;
    let returned: string | null = null;
    if (isDeliveryReport(head)) {
      raw = await this.client.read(message);
      returned = raw ? returnedMessageId(raw) : null;
    }
    const tracked = input.isTracked({ from: hints.from, inReplyTo: returned ?? hints.inReplyTo ?? hints.references.at(-1) ?? null, threadId: null });
    if (!tracked) return null;
    raw ??= await this.client.read(message);
    if (!raw) return null;
    // Known by its Message-ID (a hash of its bytes when it has none), never by its file name:
    // mbsync rebuilding the folder renames every file, and nothing may be acted on twice.
    const providerId = hints.messageId ?? `sha256:${createHash('sha256').update(raw).digest('hex').slice(0, 32)}`;
    try {
      const parsed = await parseRawEmail(raw, providerId);
      if (returned && !parsed.inReplyTo) parsed.inReplyTo = returned;
      if (returned && !parsed.references.includes(returned)) parsed.references = [...parsed.references, returned];
      return { message: parsed };
    } catch (err) {
      const detail = (err as Error).message.replace(`${providerId}: `, '');
      return { problem: { where: message.name, message: `${detail}; skipped` } };
    }
  }
}
