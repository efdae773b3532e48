import nodemailer from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser/index.js';
import type { Logger } from '../../log.js';
import { composeRawEmail } from '../../mail/compose.js';
import { ProviderError } from '../../ports/errors.js';
import type { MailSender, OutgoingEmail, SentReceipt } from '../../ports/providers.js';
import type { MaildirClient } from './maildir.client.js';
import type { SentIndex } from './sent-index.client.js';
import { mapSmtpError } from './smtp-error.mapper.js';

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
 * sent raw, so the Message-ID and thread headers are the worker's, not nodemailer's. With a
 * Sent Maildir (`sentDir`) a copy is kept after each accepted send and findSent looks there;
 * without one, plain SMTP cannot tell whether a message went out and findSent returns null.
 * No retries here: the worker's outbox decides (a lost "250 OK" must not become two emails).
 */
export class SmtpSenderAdapter implements MailSender {
  private transport: nodemailer.Transporter | null = null;

  constructor(
    private readonly settings: SmtpSettings,
    private readonly sent: { maildir: MaildirClient; index: SentIndex } | null,
    private readonly now: () => Date,
    private readonly logger: Logger,
  ) {}

  async send(email: OutgoingEmail): Promise<SentReceipt> {
    const transport = this.connect();
    const now = this.now();
    const raw = await composeRawEmail(email, now);
    const recipients = addressparser(email.to, { flatten: true }).map((a) => a.address).filter(Boolean);
    if (recipients.length === 0) {
      throw new ProviderError({ code: 'INVALID_REQUEST', where: this.where(), message: `no valid recipient address in "${email.to}"` });
    }
    let response: string;
    try {
      const info = (await transport.sendMail({ envelope: { from: email.from.email, to: recipients }, raw })) as { response?: string };
      response = info.response ?? '';
    } catch (err) {
      throw mapSmtpError(err, { host: this.settings.host, port: this.settings.port, passwordEnv: this.settings.passwordEnv ?? null });
    }
    this.logger.info({ messageId: email.messageId, server: this.where(), response: response.slice(0, 120) }, 'sent over SMTP');
    if (this.sent) {
      try {
        const name = await this.sent.maildir.deliver(raw, { now, seen: true });
        await this.sent.index.record(email.messageId, name);
      } catch (err) {
        // The email went out; only the copy failed. Say so, do not fail the send (a retry would
        // send it twice).
        this.logger.warn({ messageId: email.messageId, error: (err as Error).message }, 'sent, but the copy into the Sent Maildir failed');
      }
    }
    return { providerMessageId: email.messageId, threadId: null };
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
    if (!this.sent) return null;
    return (await this.sent.index.find(messageId)) ? { providerMessageId: messageId, threadId: null } : false;
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
