import nodemailer from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser/index.js';
import { ProviderError } from '../../ports/errors.js';
import { mapSmtpError, wasRefused } from '../local/smtp-error.mapper.js';

export { isRefusal, wasRefused } from '../local/smtp-error.mapper.js';
import type { SmtpLogin } from '../local/smtp-sender.adapter.js';

/**
 * SMTP submission (nodemailer) of a message already composed: the bytes in the Sent copy are
 * the bytes sent. No retries here (the outbox decides); errors leave as ProviderError, and
 * `wasRefused` tells a refusal (nothing sent) from a connection lost mid-message (unknown).
 */
export interface SmtpSettings extends SmtpLogin {
  /** Connection and greeting timeout (ms); the socket may idle twice as long. */
  timeoutMs?: number;
}

export class SmtpClient {
  private transport: nodemailer.Transporter | null = null;

  constructor(private readonly settings: SmtpSettings) {}

  where(): string {
    return `smtp ${this.settings.host}:${this.settings.port}`;
  }

  /** Sends `raw`; returns the server's reply line. */
  async sendRaw(raw: Buffer, envelope: { from: string; to: string }): Promise<string> {
    const recipients = addressparser(envelope.to, { flatten: true }).map((a) => a.address).filter(Boolean);
    if (recipients.length === 0) {
      throw new ProviderError({ code: 'INVALID_REQUEST', where: this.where(), message: `no valid recipient address in "${envelope.to}"` });
    }
    const transport = this.connect();
    try {
      const info = (await transport.sendMail({ envelope: { from: envelope.from, to: recipients }, raw })) as { response?: string };
      return info.response ?? '';
    } catch (err) {
      throw Object.assign(mapSmtpError(err, { host: this.settings.host, port: this.settings.port, passwordEnv: this.settings.passwordEnv ?? null, section: 'smtp' }), {
        refused: wasRefused(err),
      });
    }
  }

  /** Connects and logs in without sending anything (a reconnect check). */
  async verify(): Promise<void> {
    const transport = this.connect();
    try {
      await transport.verify();
    } catch (err) {
      throw mapSmtpError(err, { host: this.settings.host, port: this.settings.port, passwordEnv: this.settings.passwordEnv ?? null, section: 'smtp' });
    }
  }

  close(): void {
    this.transport?.close();
    this.transport = null;
  }

  private connect(): nodemailer.Transporter {
    if (this.transport) return this.transport;
    const { host, port, secure, user, passwordEnv } = this.settings;
    let auth: { user: string; pass: string } | undefined;
    if (passwordEnv) {
      const pass = this.settings.password();
      if (!pass) {
        throw Object.assign(
          new ProviderError({ code: 'AUTH_REVOKED', where: this.where(), message: `the SMTP password is missing: set the environment variable ${passwordEnv} (named by smtp.passwordEnv) to the app password` }),
          { refused: true },
        );
      }
      auth = { user: user ?? '', pass };
    }
    const timeout = this.settings.timeoutMs ?? 30_000;
    this.transport = nodemailer.createTransport({
      host,
      port,
      secure,
      ...(auth ? { auth } : {}),
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout * 2,
      logger: false,
      debug: false,
      ...(this.settings.tls ? { tls: this.settings.tls } : {}),
    });
    return this.transport;
  }
}
