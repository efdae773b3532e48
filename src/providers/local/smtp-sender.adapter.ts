import nodemailer from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser/index.js';
import type { Logger } from '../../log.js';
import { composeRawEmail } from '../../mail/compose.js';
import { ProviderError } from '../../ports/errors.js';
import type { MailSender, OutgoingEmail, SentReceipt } from '../../ports/providers.js';
import type { MaildirClient, MaildirMessage } from './maildir.client.js';
import { SentCopies } from './sent-copy.client.js';
import type { SentIndex } from './sent-index.client.js';
import { mapSmtpError, wasRefused } from './smtp-error.mapper.js';

/** Where an SMTP server is and how to log in (the local family's outgoing SMTP, the standard family's smtp). */
export interface SmtpLogin {
  host: string;
  port: number;
  secure: boolean;
  user?: string | undefined;
  /** Name of the environment variable holding the password (for messages; never the value). */
  passwordEnv?: string | undefined;
  /** Reads the password when a send needs it. */
  password: () => string | undefined;
  /** TLS options for tests with self-signed certificates. */
  tls?: { rejectUnauthorized?: boolean };
}

export interface SmtpSettings extends SmtpLogin {
  /** Timeouts (ms); defaults suit a worker tick. */
  connectionTimeoutMs?: number;
  socketTimeoutMs?: number;
}

/**
 * MailSender over SMTP (nodemailer). The message is composed once by the worker's composer and
 * sent raw, so the Message-ID and thread headers are the worker's, not nodemailer's.
 * No retries here: the worker's outbox decides (a lost "250 OK" must not become two emails).
 *
 * With a Sent Maildir (`sentDir`) the copy is written BEFORE the SMTP transaction, flagged
 * "sending" (see sent-copy.client.ts), and made an ordinary Sent message once the server
 * accepted. A crash between the server's acceptance and the worker's store update therefore
 * leaves a "sending" copy: findSent answers null (cannot tell), and the worker holds exactly
 * that email as uncertain and names it to the rep, never resending it on its own. Without a
 * Sent Maildir, plain SMTP cannot tell whether a message went out and findSent returns null.
 */
export class SmtpSenderAdapter implements MailSender {
  private transport: nodemailer.Transporter | null = null;
  private readonly copies: SentCopies | null;

  constructor(
    private readonly settings: SmtpSettings,
    sent: { maildir: MaildirClient; index: SentIndex } | null,
    private readonly now: () => Date,
    private readonly logger: Logger,
  ) {
    this.copies = sent ? new SentCopies(sent.maildir, sent.index) : null;
  }

  async send(email: OutgoingEmail): Promise<SentReceipt> {
    const now = this.now();
    const recipients = addressparser(email.to, { flatten: true }).map((a) => a.address).filter(Boolean);
    if (recipients.length === 0) {
      throw new ProviderError({ code: 'INVALID_REQUEST', where: this.where(), message: `no valid recipient address in "${email.to}"` });
    }
    let raw: Buffer | null = null;
    let copy: MaildirMessage | null = null;
    if (this.copies) {
      const found = await this.copies.find(email.messageId);
      if (found.state === 'sent') return receipt(email.messageId);
      if (found.state === 'sending') {
        // A worker died during this email's SMTP transaction: it may have gone out.
        await this.copies.hold(found.message!);
        throw this.uncertain(email);
      }
      if (found.state === 'held') {
        // The rep checked and asked for it again (`followup outbox retry`): the same bytes.
        raw = await this.copies.maildir.read(found.message!);
        copy = await this.copies.reopen(found.message!);
      }
    }
    raw ??= await composeRawEmail(email, now);
    if (this.copies && !copy) copy = await this.copies.prepare(email.messageId, raw, now);
    if (copy) this.logger.debug({ step: 'copied', messageId: email.messageId }, 'Sent copy written, flagged as sending');
    const transport = this.connect();
    let response: string;
    this.logger.debug({ step: 'submitting', messageId: email.messageId }, 'SMTP submission starts');
    try {
      const info = (await transport.sendMail({ envelope: { from: email.from.email, to: recipients }, raw })) as { response?: string };
      response = info.response ?? '';
    } catch (err) {
      const mapped = mapSmtpError(err, { host: this.settings.host, port: this.settings.port, passwordEnv: this.settings.passwordEnv ?? null });
      if (copy) {
        if (wasRefused(err)) {
          // The server said no (or was never reached): nothing went out, so no Sent copy.
          await this.copies!.discard(copy).catch(() => undefined);
        } else {
          await this.copies!.hold(copy).catch(() => undefined);
          this.logger.warn({ messageId: email.messageId, error: (err as Error).message }, 'connection lost during SMTP submission; held as uncertain');
          throw this.uncertain(email);
        }
      } else if (!wasRefused(err)) {
        // No Sent copy to hold, but the same doubt: the server may have taken it.
        this.logger.warn({ messageId: email.messageId, error: (err as Error).message }, 'connection lost during SMTP submission; held as uncertain');
        throw this.uncertain(email);
      }
      throw mapped;
    }
    this.logger.debug({ step: 'accepted', messageId: email.messageId }, 'SMTP server accepted the message');
    this.logger.info({ messageId: email.messageId, server: this.where(), response: response.slice(0, 120) }, 'sent over SMTP');
    if (copy) {
      try {
        await this.copies!.confirm(copy);
        this.logger.debug({ step: 'confirmed', messageId: email.messageId }, 'Sent copy confirmed');
      } catch (err) {
        // The email went out; only the copy's flag failed. Say so, do not fail the send (a retry
        // would send it twice; the next look at the copy holds it for the rep instead).
        this.logger.warn({ messageId: email.messageId, error: (err as Error).message }, 'sent, but the Sent copy could not be marked as sent');
      }
    }
    return receipt(email.messageId);
  }

  /** Connects and logs in without sending (the reconnect check of a disconnected account). */
  async verify(): Promise<void> {
    const transport = this.connect();
    try {
      await transport.verify();
    } catch (err) {
      throw mapSmtpError(err, { host: this.settings.host, port: this.settings.port, passwordEnv: this.settings.passwordEnv ?? null });
    }
  }

  async findSent(messageId: string): Promise<SentReceipt | null | false> {
    if (!this.copies) return null;
    const found = await this.copies.find(messageId);
    switch (found.state) {
      case 'sent':
        return receipt(messageId);
      case 'none':
        return false;
      case 'sending':
        await this.copies.hold(found.message!);
        return null;
      case 'held':
        return null;
    }
  }

  private uncertain(email: OutgoingEmail): ProviderError {
    return new ProviderError({
      code: 'CONFLICT',
      uncertain: true,
      where: this.where(),
      message:
        `the worker stopped or the connection was lost while "${email.subject}" to ${email.to} was being sent, so it may or may not have gone out. ` +
        'It is held, not resent: check the recipient got it; if not, send it again with `followup outbox retry <id>` (see `followup outbox list`)',
    });
  }

  private connect(): nodemailer.Transporter {
    if (this.transport) return this.transport;
    const { host, port, secure, user, passwordEnv } = this.settings;
    let auth: { user: string; pass: string } | undefined;
    if (user || passwordEnv) {
      if (!passwordEnv) {
        throw new ProviderError({
          code: 'AUTH_REVOKED',
          where: this.where(),
          message: 'local.outgoing.user is set but local.outgoing.passwordEnv is not: name the environment variable that holds the SMTP password (passwordEnv: SMTP_PASSWORD) and set it',
        });
      }
      const pass = this.settings.password();
      if (!pass) {
        throw new ProviderError({
          code: 'AUTH_REVOKED',
          where: this.where(),
          message: `the SMTP password is missing: set the environment variable ${passwordEnv} (named by local.outgoing.passwordEnv) for the worker`,
        });
      }
      auth = { user: user ?? '', pass };
    }
    this.transport = nodemailer.createTransport({
      host,
      port,
      secure,
      ...(auth ? { auth } : {}),
      connectionTimeout: this.settings.connectionTimeoutMs ?? 15_000,
      greetingTimeout: this.settings.connectionTimeoutMs ?? 15_000,
      socketTimeout: this.settings.socketTimeoutMs ?? 60_000,
      logger: false,
      debug: false,
      ...(this.settings.tls ? { tls: this.settings.tls } : {}),
    });
    return this.transport;
  }

  private where(): string {
    return `smtp ${this.settings.host}:${this.settings.port}`;
  }
}

function receipt(messageId: string): SentReceipt {
  return { providerMessageId: messageId, threadId: null };
}
