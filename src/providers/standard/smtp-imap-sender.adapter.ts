import type { Logger } from '../../log.js';
import { composeRawEmail } from '../../mail/compose.js';
import { ProviderError } from '../../ports/errors.js';
import type { MailSender, OutgoingEmail, SentReceipt } from '../../ports/providers.js';
import type { ImapClient } from './imap.client.js';
import { isRefusal, type SmtpClient } from './smtp.client.js';

/**
 * MailSender over SMTP with the copy in the IMAP Sent folder, in an order that a kill at any
 * point can neither duplicate nor lose:
 *
 *  1. APPEND the message to Sent, flagged $FollowupPending ("not sent yet");
 *  2. add $FollowupSending ("the SMTP transaction may have started");
 *  3. SMTP (the same bytes as the copy);
 *  4. remove both flags: the copy is now an ordinary Sent message.
 *
 * findSent reads that copy: none → false (nothing was sent: SMTP never starts before step 1);
 * a plain copy → sent; $FollowupPending only → false (SMTP never started; the next attempt
 * reuses the copy); $FollowupSending → the one case that cannot be told: the copy becomes
 * $FollowupHeld and findSent answers null, so the worker holds exactly that email as uncertain
 * and names it to the rep. A copy the server saved by itself (no flags) also counts as sent.
 * Servers that keep no keywords get \Draft instead, and any such copy is uncertain.
 */
export const PENDING_FLAG = '$FollowupPending';
export const SENDING_FLAG = '$FollowupSending';
export const HELD_FLAG = '$FollowupHeld';
const OUR_FLAGS = [PENDING_FLAG, SENDING_FLAG, HELD_FLAG];

type CopyState = 'none' | 'sent' | 'pending' | 'sending' | 'held';

export class SmtpImapSenderAdapter implements MailSender {
  private folder: string | null = null;
  private keywords: boolean | null = null;

  constructor(
    private readonly input: {
      imap: ImapClient;
      smtp: SmtpClient;
      /** The Sent folder from the config, or null to use the server's \Sent folder. */
      sentFolder: string | null;
      now: () => Date;
      logger: Logger;
    },
  ) {}

  send(email: OutgoingEmail): Promise<SentReceipt> {
    return this.input.imap.session(() => this.sendInSession(email));
  }

  findSent(messageId: string): Promise<SentReceipt | null | false> {
    return this.input.imap.session(() => this.findSentInSession(messageId));
  }

  private async sendInSession(email: OutgoingEmail): Promise<SentReceipt> {
    const { imap, smtp, logger } = this.input;
    const folder = await this.sentFolder();
    const copies = await imap.findByMessageId(folder, email.messageId);
    const state = stateOf(copies, await this.usesKeywords());
    if (state.state === 'sent') return receipt(email.messageId);
    if (state.state === 'sending') {
      await this.hold(folder, state.uid!);
      throw this.uncertain(email);
    }
    let uid = state.uid;
    let raw: Buffer;
    if (uid !== null) {
      // An earlier attempt's copy (never submitted, or held and now retried by the rep): send its bytes.
      raw = (await imap.source(folder, uid)) ?? (await composeRawEmail(email, this.input.now()));
    } else {
      raw = await composeRawEmail(email, this.input.now());
      uid = await imap.append(folder, raw, ['\\Seen', ...(await this.pendingFlags())], email.messageId);
      if (uid === null) throw new ProviderError({ code: 'TRANSIENT', where: imap.where(folder), message: 'the copy was appended but the server did not say where; it will be tried again' });
    }
    logger.debug({ step: 'appended', messageId: email.messageId }, 'copy in Sent, marked pending');
    if (await this.usesKeywords()) await imap.addFlags(folder, uid, [SENDING_FLAG]);
    await imap.removeFlags(folder, uid, [HELD_FLAG]).catch(() => undefined);
    logger.debug({ step: 'submitting', messageId: email.messageId }, 'SMTP submission starts');
    try {
      const reply = await smtp.sendRaw(raw, { from: email.from.email, to: email.to });
      logger.info({ messageId: email.messageId, server: smtp.where(), response: reply.slice(0, 120) }, 'sent over SMTP');
    } catch (err) {
      if (isRefusal(err)) {
        // Nothing left: the copy goes back to "pending" for the next attempt.
        if (await this.usesKeywords()) await imap.removeFlags(folder, uid, [SENDING_FLAG]).catch(() => undefined);
        throw err;
      }
      await this.hold(folder, uid).catch(() => undefined);
      logger.warn({ messageId: email.messageId, error: (err as Error).message }, 'connection lost during SMTP submission; held as uncertain');
      throw this.uncertain(email);
    }
    logger.debug({ step: 'accepted', messageId: email.messageId }, 'SMTP server accepted the message');
    try {
      await imap.removeFlags(folder, uid, [...OUR_FLAGS, ...(this.keywords ? [] : ['\\Draft'])]);
      logger.debug({ step: 'confirmed', messageId: email.messageId }, 'Sent copy confirmed');
    } catch (err) {
      // The email went out: say so, do not fail the send (a retry must not send it again).
      logger.warn({ messageId: email.messageId, error: (err as Error).message }, 'sent, but the Sent copy could not be confirmed');
    }
    return receipt(email.messageId);
  }

  private async findSentInSession(messageId: string): Promise<SentReceipt | null | false> {
    const folder = await this.sentFolder();
    const state = stateOf(await this.input.imap.findByMessageId(folder, messageId), await this.usesKeywords());
    switch (state.state) {
      case 'sent':
        return receipt(messageId);
      case 'none':
      case 'pending':
        return false;
      case 'sending':
        await this.hold(folder, state.uid!);
        return null;
      case 'held':
        return null;
    }
  }

  private async hold(folder: string, uid: number): Promise<void> {
    if (!(await this.usesKeywords())) return; // \Draft copies are uncertain already
    await this.input.imap.addFlags(folder, uid, [HELD_FLAG]);
    await this.input.imap.removeFlags(folder, uid, [SENDING_FLAG]);
  }

  private uncertain(email: OutgoingEmail): ProviderError {
    return new ProviderError({
      code: 'CONFLICT',
      uncertain: true,
      where: this.input.smtp.where(),
      message:
        `the connection to the SMTP server was lost while "${email.subject}" to ${email.to} was being sent, so it may or may not have gone out. ` +
        'It is held, not resent: check the recipient got it; if not, send it again with `followup outbox retry <id>` (see `followup outbox list`)',
    });
  }

  private async sentFolder(): Promise<string> {
    if (this.folder) return this.folder;
    const found = this.input.sentFolder ?? (await this.input.imap.findSentFolder());
    if (!found) {
      throw new ProviderError({ code: 'NOT_FOUND', where: this.input.imap.where(), message: 'the IMAP server has no Sent folder (none is flagged \\Sent and none is named "Sent"); set imap.sent in the config' });
    }
    this.folder = found;
    return found;
  }

  private async usesKeywords(): Promise<boolean> {
    this.keywords ??= await this.input.imap.allowsKeywords(await this.sentFolder());
    return this.keywords;
  }

  private async pendingFlags(): Promise<string[]> {
    return (await this.usesKeywords()) ? [PENDING_FLAG] : ['\\Draft'];
  }
}

function receipt(messageId: string): SentReceipt {
  return { providerMessageId: messageId, threadId: null };
}

/** What the copies of one Message-ID say, strongest first: any plain copy means sent. */
export function stateOf(copies: { uid: number; flags: Set<string> }[], keywords: boolean): { state: CopyState; uid: number | null } {
  if (copies.length === 0) return { state: 'none', uid: null };
  const ours = (c: { flags: Set<string> }) => (keywords ? OUR_FLAGS.some((f) => c.flags.has(f)) : c.flags.has('\\Draft'));
  const plain = copies.find((c) => !ours(c));
  if (plain) return { state: 'sent', uid: plain.uid };
  if (!keywords) return { state: 'held', uid: copies[0]!.uid };
  const sending = copies.find((c) => c.flags.has(SENDING_FLAG));
  if (sending) return { state: 'sending', uid: sending.uid };
  const held = copies.find((c) => c.flags.has(HELD_FLAG));
  if (held) return { state: 'held', uid: held.uid };
  return { state: 'pending', uid: copies[0]!.uid };
}
