import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { ProviderError } from '../../src/ports/errors.js';
import type { ProviderSet } from '../../src/ports/providers.js';
import type { Store } from '../../src/ports/store.js';
import { createLocalProviders } from '../../src/providers/local/index.js';
import { makeContractEmail } from '../contracts/mail.contract.js';
import { makeLocalConfig, makeTempDir, type OutgoingConfig } from './helpers.js';
import { startSmtpServer, type TestSmtpServer } from './smtp-test-server.js';

const PASSWORD = 'correct horse battery staple';

describe('local SMTP sender against a real SMTP server', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });

  async function setup(options: { server?: Parameters<typeof startSmtpServer>[0]; outgoing?: Partial<OutgoingConfig & { kind: 'smtp' }>; env?: Record<string, string>; port?: number } = {}) {
    const server = await startSmtpServer(options.server);
    cleanups.push(() => server.close());
    const temp = await makeTempDir('smtp');
    cleanups.push(temp.remove);
    const logs: string[] = [];
    const logger = createLogger({ level: 'debug', destination: new Writable({ write: (chunk, _enc, done) => (logs.push(String(chunk)), done()) }) });
    const config = makeLocalConfig({
      baseDir: temp.dir,
      outgoing: { kind: 'smtp', host: '127.0.0.1', port: options.port ?? server.port, ...options.outgoing },
      env: options.env ?? {},
    });
    const providers: ProviderSet = await createLocalProviders({ account: config.accounts[0]!, config, store: {} as Store, logger, now: () => new Date() });
    return { server, providers, logs, base: temp.dir };
  }

  const sendError = async (providers: ProviderSet) => {
    const err = await providers.sender.send(makeContractEmail()).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    return err as ProviderError;
  };

  it('sends the composed message raw: the worker’s Message-ID and thread headers arrive unchanged', async () => {
    const { server, providers, logs } = await setup({
      server: { users: { 'rep@followup.example': PASSWORD } },
      outgoing: { passwordEnv: 'SMTP_PASSWORD' },
      env: { SMTP_PASSWORD: PASSWORD },
    });
    const email = makeContractEmail({ text: 'Secret body text that must not be logged.' });
    const receipt = await providers.sender.send(email);
    expect(receipt.providerMessageId).toBe(email.messageId);
    expect(server.messages).toHaveLength(1);
    const received = server.messages[0]!;
    expect(received.user).toBe('rep@followup.example'); // no user configured: the account's address
    expect(received.from).toBe('rep@followup.example');
    expect(received.to).toEqual(['pat.prospect@client.example']);
    expect(received.raw).toContain(`\r\nMessage-ID: ${email.messageId}\r\n`);
    expect(received.raw).toContain('\r\nIn-Reply-To: <reply-1@client.example>\r\n');
    expect(received.raw).toContain('\r\nReferences: <first@followup.local> <reply-1@client.example>\r\n');
    expect(received.raw).toMatch(/(^|\r\n)Auto-Submitted: auto-generated\r\n/);
    const logText = logs.join('');
    expect(logText).toContain(email.messageId);
    expect(logText).not.toContain(PASSWORD);
    expect(logText).not.toContain('Secret body text');
    // Plain SMTP cannot tell what was sent before.
    expect(await providers.sender.findSent(email.messageId)).toBeNull();
  });

  it('keeps a Seen copy in the Sent Maildir and answers findSent from it', async () => {
    const { providers, base } = await setup({ outgoing: { sentDir: 'sent' } });
    const email = makeContractEmail();
    await providers.sender.send(email);
    const copies = await readdir(join(base, 'sent', 'cur'));
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatch(/:2,S$/);
    expect(await providers.sender.findSent(email.messageId)).toEqual({ providerMessageId: email.messageId, threadId: null });
    expect(await providers.sender.findSent('<never@followup.local>')).toBe(false);
  });

  it('maps a 4xx reply to TRANSIENT, naming the server', async () => {
    const { providers, server } = await setup({ server: { onData: () => ({ code: 451, message: 'Greylisted, try again later' }) } });
    const err = await sendError(providers);
    expect(err.code).toBe('TRANSIENT');
    expect(err.where).toBe(`smtp 127.0.0.1:${server.port}`);
    expect(err.status).toBe(451);
    expect(err.message).toMatch(/451.*Greylisted.*will be retried/);
  });

  it('maps a rejected login (535) to AUTH_REVOKED without showing the password', async () => {
    const { providers } = await setup({
      server: { users: { 'rep@followup.example': 'another password' } },
      outgoing: { user: 'rep@followup.example', passwordEnv: 'SMTP_PASSWORD' },
      env: { SMTP_PASSWORD: PASSWORD },
    });
    const err = await sendError(providers);
    expect(err.code).toBe('AUTH_REVOKED');
    expect(err.status).toBe(535);
    expect(err.message).toMatch(/rejected the login.*environment variable SMTP_PASSWORD/);
    expect(err.message).not.toContain(PASSWORD);
  });

  it('maps a refused recipient (550) to INVALID_REQUEST', async () => {
    const { providers } = await setup({ server: { onRcpt: () => ({ code: 550, message: 'No such user here' }) } });
    const err = await sendError(providers);
    expect(err.code).toBe('INVALID_REQUEST');
    expect(err.status).toBe(550);
  });

  it('maps a refused connection to TRANSIENT', async () => {
    const closed: TestSmtpServer = await startSmtpServer();
    await closed.close();
    const { providers } = await setup({ port: closed.port });
    const err = await sendError(providers);
    expect(err.code).toBe('TRANSIENT');
    expect(err.message).toMatch(/cannot reach the server \(ECONNECTION|ECONNREFUSED/);
  });

  it('says which environment variable to set when the password is missing', async () => {
    const { providers, server } = await setup({ outgoing: { user: 'rep', passwordEnv: 'FOLLOWUP_SMTP_PASSWORD' } });
    const err = await sendError(providers);
    expect(err.code).toBe('AUTH_REVOKED');
    expect(err.message).toMatch(/set the environment variable FOLLOWUP_SMTP_PASSWORD/);
    expect(server.messages).toHaveLength(0);
  });
});
