import type { Logger } from '../../log.js';
import { composeRawEmail } from '../../mail/compose.js';
import type { MailSender, OutgoingEmail, SentReceipt } from '../../ports/providers.js';
import type { MaildirClient } from './maildir.client.js';
import type { SentIndex } from './sent-index.client.js';

/**
 * MailSender that delivers into a Maildir outbox (the default for the local family): another
 * program (msmtp-queue, a mail client, a cron job) sends what appears in new/. The raw message
 * is composed once with the worker's Message-ID; delivery is the Maildir protocol (tmp/, then
 * rename into new/), so the sending program never sees half a message.
 */
export class MaildirSenderAdapter implements MailSender {
  constructor(
    private readonly outbox: MaildirClient,
    private readonly index: SentIndex,
    private readonly now: () => Date,
    private readonly logger: Logger,
  ) {}

  async send(email: OutgoingEmail): Promise<SentReceipt> {
    const now = this.now();
    const raw = await composeRawEmail(email, now);
    const name = await this.outbox.deliver(raw, { now });
    await this.index.record(email.messageId, name);
    this.logger.info({ messageId: email.messageId, file: name }, 'delivered into the Maildir outbox');
    return { providerMessageId: name, threadId: null };
  }

  async findSent(messageId: string): Promise<SentReceipt | false> {
    const name = await this.index.find(messageId);
    return name ? { providerMessageId: name, threadId: null } : false;
  }
}
