import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export interface CapturedMessage {
  raw: string;
  from: string;
  to: string[];
  user: string | null;
}

export interface TestSmtpServer {
  port: number;
  messages: CapturedMessage[];
  close(): Promise<void>;
}

type Reply = { code: number; message: string } | null;

/** A real SMTP server on 127.0.0.1 (random port) that records what it accepts. */
export async function startSmtpServer(options: { users?: Record<string, string>; onRcpt?: (address: string) => Reply; onData?: () => Reply } = {}): Promise<TestSmtpServer> {
  const messages: CapturedMessage[] = [];
  const fail = (reply: Reply) => {
    if (!reply) return null;
    const err = new Error(reply.message) as Error & { responseCode: number };
    err.responseCode = reply.code;
    return err;
  };
  const config: SMTPServerOptions = {
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: !options.users,
    logger: false,
    onAuth(auth, _session, callback) {
      if (options.users && options.users[auth.username ?? ''] === auth.password) return callback(null, { user: auth.username });
      return callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      const err = fail(options.onRcpt?.(address.address) ?? null);
      return err ? callback(err) : callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const err = fail(options.onData?.() ?? null);
        if (err) return callback(err);
        messages.push({
          raw: Buffer.concat(chunks).toString('utf8'),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          user: (session.user as string | undefined) ?? null,
        });
        return callback();
      });
    },
  };
  const server = new SMTPServer(config);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return { port, messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
