import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo, Socket } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { isProviderError } from '../../src/ports/errors.js';
import { MaildirClient } from '../../src/providers/local/maildir.client.js';
import { SentIndex } from '../../src/providers/local/sent-index.client.js';
import { SmtpSenderAdapter } from '../../src/providers/local/smtp-sender.adapter.js';
import { toOutgoing } from '../../src/worker/outgoing.js';
import { anOutboxItem } from '../store/fixtures.js';

/**
 * The duplicate the chaos suite found (seed 1259593486, SMTP story, "accept then drop"): a real
 * SMTP server takes the whole message, then the connection drops before its 250 reaches us.
 * nodemailer reports that close as code ECONNECTION, command 'CONN', which used to read as "never
 * connected, nothing sent": the Sent copy was discarded, the row retried, and the email went out
 * twice. Now a connection lost after connecting holds that one email as uncertain.
 */
const NOW = new Date('2030-06-04T14:00:00Z');
let mode: 'accept' | 'accept-then-drop' = 'accept';
const delivered: string[] = [];
const sockets = new Set<Socket>();
let server: SMTPServer;
let port = 0;
const dirs: string[] = [];

beforeAll(async () => {
  server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        delivered.push(/^Message-ID:\s*(<[^>]+>)/im.exec(Buffer.concat(chunks).toString('utf8'))?.[1] ?? '(none)');
        if (mode === 'accept-then-drop') {
          for (const s of sockets) s.destroy(); // accepted, but the 250 never leaves
          return;
        }
        callback();
      });
    },
  });
  (server as unknown as { server: { on(e: string, f: (s: Socket) => void): void } }).server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  port = ((server as unknown as { server: { address(): AddressInfo } }).server.address()).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
afterEach(() => {
  mode = 'accept';
});

async function sender(withSentDir: boolean, toPort = port): Promise<{ adapter: SmtpSenderAdapter; sentFiles: () => string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'followup-lost-answer-'));
  dirs.push(dir);
  const maildir = new MaildirClient(join(dir, 'sent'), 'Sent folder');
  await maildir.ensure();
  const adapter = new SmtpSenderAdapter(
    { host: '127.0.0.1', port: toPort, secure: false, password: () => undefined, connectionTimeoutMs: 2000, socketTimeoutMs: 2000 },
    withSentDir ? { maildir, index: new SentIndex(maildir) } : null,
    () => NOW,
    silentLogger(),
  );
  return { adapter, sentFiles: () => readdirSync(join(dir, 'sent', 'cur')) };
}

function email(tag: string) {
  return toOutgoing(
    anOutboxItem({ id: `out-${tag}`, messageId: `<lost-${tag}-${process.pid}@followup.example>`, subject: `Lost answer ${tag}`, accountId: 'rep', prospectId: null, from: { email: 'rep@followup.example', name: 'Robin Rep' }, to: 'pat@client.example', notBefore: NOW }),
  );
}

async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected the send to fail');
}

const count = (messageId: string) => delivered.filter((d) => d === messageId).length;

describe('SMTP: the server accepts the message, then the connection drops before the 250', () => {
  it('with a Sent Maildir: held as uncertain (copy :2,DFS), never sent again', async () => {
    const { adapter, sentFiles } = await sender(true);
    const e = email('sentdir');
    mode = 'accept-then-drop';
    const err = await failure(adapter.send(e));
    const copies = sentFiles();
    // What src/worker/send.ts does next: an uncertain error holds the row for the rep; any other
    // failure is retried, after a look in the Sent copy (findSent false = "never went out").
    mode = 'accept';
    const found = await adapter.findSent(e.messageId);
    if (!(isProviderError(err) && err.uncertain) && found === false) await adapter.send(e).catch(() => undefined);
    expect(count(e.messageId), 'times the server received this email').toBe(1);
    expect(isProviderError(err) && err.uncertain).toBe(true);
    expect(copies).toEqual([expect.stringMatching(/:2,DFS$/)]);
    expect(found).toBeNull();
    expect(count(e.messageId)).toBe(1);
  });

  it('without a Sent Maildir: uncertain, not a transient failure to retry', async () => {
    const { adapter } = await sender(false);
    const e = email('plain');
    mode = 'accept-then-drop';
    const err = await failure(adapter.send(e));
    expect(count(e.messageId)).toBe(1);
    expect(isProviderError(err) && err.code === 'CONFLICT' && err.uncertain).toBe(true);
  });

  it('no server listening: a refusal, the copy removed, retried later (nothing went out)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { adapter, sentFiles } = await sender(true, deadPort);
    const err = await failure(adapter.send(email('refused')));
    expect(isProviderError(err) && err.code === 'TRANSIENT' && !err.uncertain).toBe(true);
    expect(sentFiles()).toEqual([]);
  });
});
