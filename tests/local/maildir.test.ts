import { readdir, rename, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MailboxFetchInput, ProviderSet } from '../../src/ports/providers.js';
import { SENT_LOG_FILE } from '../../src/providers/local/sent-index.client.js';
import { baseName } from '../../src/providers/local/maildir.client.js';
import { makeContractEmail, makeInboundRaw } from '../contracts/mail.contract.js';
import { deliverToMaildir } from './local-harness.js';
import { makeLocalConfig, makeLocalProviders, makeTempDir } from './helpers.js';

const PROSPECT = 'pat.prospect@client.example';
const NOW = Date.parse('2030-06-01T08:00:00Z');

describe('local Maildir mailbox and outbox', () => {
  let base: string;
  let inbox: string;
  let providers: ProviderSet;
  let remove: () => Promise<void>;

  beforeEach(async () => {
    ({ dir: base, remove } = await makeTempDir('maildir'));
    inbox = join(base, 'inbox');
    providers = await makeLocalProviders(makeLocalConfig({ baseDir: base }), () => new Date(NOW));
  });
  afterEach(() => remove());

  const fetch = (cursor: string | null, since = new Date(Date.now() - 7 * 86_400_000)) => {
    const input: MailboxFetchInput = { cursor, since, isTracked: ({ from, inReplyTo }) => from === PROSPECT || inReplyTo === '<ours@followup.local>' };
    return providers.mailbox!.fetchNew(input);
  };
  const deliver = async (raw: string, mtime = new Date()) => {
    const name = await deliverToMaildir(inbox, raw);
    await utimes(join(inbox, 'new', name), mtime, mtime);
    return name;
  };

  it('creates tmp/, new/ and cur/ and ignores tmp/', async () => {
    expect((await readdir(inbox)).sort()).toEqual(['cur', 'new', 'tmp']);
    await writeFile(join(inbox, 'tmp', '123.half-written'), makeInboundRaw({ from: PROSPECT, messageId: '<tmp@x>' }));
    expect((await fetch(null)).messages).toEqual([]);
  });

  it('on a first run ignores messages dated before `since`', async () => {
    await deliver(makeInboundRaw({ from: PROSPECT, messageId: '<old@client.example>', date: new Date(Date.now() - 30 * 86_400_000) }));
    await deliver(makeInboundRaw({ from: PROSPECT, messageId: '<new@client.example>', date: new Date(Date.now() - 86_400_000) }));
    const result = await fetch(null);
    expect(result.messages.map((m) => m.messageId)).toEqual(['<new@client.example>']);
  });

  it('does not return a message again after a client moved it to cur/ and flagged it', async () => {
    const name = await deliver(makeInboundRaw({ from: PROSPECT, messageId: '<r1@client.example>' }));
    const first = await fetch(null);
    // Known by its Message-ID, not its file name (a rebuilt Maildir renames every file).
    expect(first.messages.map((m) => [m.messageId, m.providerId])).toEqual([['<r1@client.example>', '<r1@client.example>']]);
    await rename(join(inbox, 'new', name), join(inbox, 'cur', `${name}:2,S`));
    const second = await fetch(first.cursor);
    expect(second.messages).toEqual([]);
    await rename(join(inbox, 'cur', `${name}:2,S`), join(inbox, 'cur', `${name}:2,RS`));
    expect((await fetch(second.cursor)).messages).toEqual([]);
    expect(baseName(`${name}:2,RS`)).toBe(name);
  });

  it('picks up a delivery renamed into new/ late with an older modification time', async () => {
    await deliver(makeInboundRaw({ from: PROSPECT, messageId: '<a@client.example>' }));
    const first = await fetch(null);
    await deliver(makeInboundRaw({ from: PROSPECT, messageId: '<slow@client.example>' }), new Date(Date.now() - 2 * 60_000));
    const next = await fetch(first.cursor);
    expect(next.messages.map((m) => m.messageId)).toEqual(['<slow@client.example>']);
  });

  it('tracks by In-Reply-To or References, and skips untracked senders without reading them in full', async () => {
    await deliver(makeInboundRaw({ from: 'colleague@client.example', messageId: '<cc@client.example>', inReplyTo: '<ours@followup.local>' }));
    await deliver(['From: someone@else.example', 'Message-ID: <refs@else.example>', 'References: <x@y> <ours@followup.local>', `Date: ${new Date().toUTCString()}`, '', 'hi'].join('\r\n'));
    await deliver(makeInboundRaw({ from: 'news@shop.example', messageId: '<news@shop.example>' }));
    const result = await fetch(null);
    expect(result.messages.map((m) => m.messageId).sort()).toEqual(['<cc@client.example>', '<refs@else.example>']);
  });

  it('reports a malformed message by file name and goes on', async () => {
    const bad = await deliver('this is not an email at all\r\n');
    const noFrom = await deliver(['To: rep@followup.example', 'In-Reply-To: <ours@followup.local>', 'Subject: no sender', `Date: ${new Date().toUTCString()}`, '', 'body'].join('\r\n'));
    await deliver(makeInboundRaw({ from: PROSPECT, messageId: '<ok@client.example>' }));
    const result = await fetch(null);
    expect(result.messages.map((m) => m.messageId)).toEqual(['<ok@client.example>']);
    expect(result.problems).toEqual([
      { where: bad, message: 'not an email (no header fields); skipped' },
      { where: noFrom, message: 'not an email (no From header); skipped' },
    ].sort((a, b) => a.where.localeCompare(b.where)));
  });

  it('falls back to `since` with a problem when the cursor cannot be used', async () => {
    await deliver(makeInboundRaw({ from: PROSPECT, messageId: '<r@client.example>' }));
    const result = await fetch('m1.garbage');
    expect(result.messages).toHaveLength(1);
    expect(result.problems).toEqual([{ where: `Maildir ${inbox}`, message: expect.stringMatching(/is damaged; looked back to /) }]);
  });

  it('delivers into the outbox through tmp/ and finds the message even after a mail program took it away', async () => {
    const email = makeContractEmail();
    const receipt = await providers.sender.send(email);
    const outbox = join(base, 'outbox');
    expect(await readdir(join(outbox, 'tmp'))).toEqual([]);
    const delivered = await readdir(join(outbox, 'new'));
    expect(delivered).toEqual([receipt.providerMessageId]);
    await unlink(join(outbox, 'new', delivered[0]!)); // msmtp-queue sent and removed it
    expect(await providers.sender.findSent(email.messageId)).toEqual({ providerMessageId: delivered[0], threadId: null });
    // A fresh process (no memory) answers from the log file.
    const fresh = await makeLocalProviders(makeLocalConfig({ baseDir: base }));
    expect(await fresh.sender.findSent(email.messageId)).toBeTruthy();
    expect(await fresh.sender.findSent('<other@followup.local>')).toBe(false);
  });

  it('finds a message in the outbox that the log does not know (a crash between delivery and logging)', async () => {
    const email = makeContractEmail();
    await providers.sender.send(email);
    await unlink(join(base, 'outbox', SENT_LOG_FILE));
    const fresh = await makeLocalProviders(makeLocalConfig({ baseDir: base }));
    expect(await fresh.sender.findSent(email.messageId)).toBeTruthy();
  });

  it('gives every delivery a unique name', async () => {
    await Promise.all(Array.from({ length: 20 }, () => providers.sender.send(makeContractEmail())));
    expect(new Set(await readdir(join(base, 'outbox', 'new'))).size).toBe(20);
  });
});
