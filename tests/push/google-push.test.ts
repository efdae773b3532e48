import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse, stringify } from 'yaml';
import { runObservedTick } from '../../src/app/metrics.js';
import { openRuntime, type Runtime } from '../../src/app/runtime.js';
import { accountsJson } from '../../src/cli/json-output.js';
import { serialQueue, startPushLoop } from '../../src/cli/push-loop.js';
import { startEmulate, type ServedFamily } from '../../src/cli/emulate-start.js';
import type { GoogleEmulator } from '../../src/emulators/google/emulator.js';
import { startWebServer } from '../../src/http/server.js';
import { GMAIL_WATCH_RESOURCE } from '../../src/ports/providers.js';
import { accountsMarkedSyncSoon, providerSyncDue, readPushState } from '../../src/worker/push.js';
import { freePort } from '../../src/http/free-port.js';

/**
 * Google push on SQLite, over real HTTP both ways: `followup emulate google` (in this process)
 * sends Calendar channel notifications to serve's /push/google/calendar and Pub/Sub pushes of
 * Gmail watch notifications to /push/google/gmail?token=…; a valid one only marks the account,
 * and the pass then syncs it. The adapters are the real @googleapis SDKs.
 */
process.env.FOLLOWUP_ENCRYPTION_KEY = randomBytes(32).toString('base64');
const PUBSUB_TOKEN = randomBytes(18).toString('base64url');
process.env.FOLLOWUP_PUBSUB_TOKEN = PUBSUB_TOKEN;
delete process.env.DATABASE_URL;
const TOPIC = 'projects/followup-test/topics/gmail-push';

const dir = mkdtempSync(join(tmpdir(), 'followup-gpush-'));
let served: ServedFamily;
let google: GoogleEmulator;
let runtime: Runtime;
let stopWeb: () => Promise<void>;
let accountId: string;
let repEmail: string;
let base: string;


const historyReads = () => google.state.requests.filter((r) => r.path.endsWith('/history')).length;
const eventReads = () => google.state.requests.filter((r) => r.method === 'GET' && /\/calendars\/[^/]+\/events$/.test(r.path)).length;
const marked = () => accountsMarkedSyncSoon(runtime.store, [accountId]);

function reply(subject: string): string {
  const id = `<${randomBytes(8).toString('hex')}@acme.example>`;
  return [`From: Linda Park <linda@acme.example>`, `To: ${repEmail}`, `Subject: ${subject}`, `Message-ID: ${id}`, `Date: ${new Date().toUTCString()}`, 'Content-Type: text/plain; charset=utf-8', '', 'Thanks, Tuesday works for me.', ''].join('\r\n');
}

async function tickFor(accounts: string[] | null, now = new Date()) {
  return runObservedTick(await runtime.context(now, accounts ? { accounts } : {}));
}

/** Lets deliveries in flight land, then one pass takes their mark: a quiet start for a test. */
async function quiet(): Promise<void> {
  await google.push.settled();
  await tickFor(null);
  expect(await marked()).toEqual([]);
}

async function channelPost(headers: Record<string, string>, account = accountId): Promise<Response> {
  return fetch(`${base}/push/google/calendar?account=${encodeURIComponent(account)}`, { method: 'POST', headers });
}

beforeAll(async () => {
  const config = join(dir, 'followup.yaml');
  ({ served } = await startEmulate('google', { port: '0', demoReps: '1', writeConfig: config }, 0));
  google = served.family.emulator as GoogleEmulator;
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const doc = parse(readFileSync(config, 'utf8')) as Record<string, unknown>;
  doc.push = { publicUrl: base, safetyPollMinutes: 60, gmailTopic: TOPIC };
  doc.web = { ...((doc.web as object) ?? {}), port, digest: false };
  writeFileSync(config, stringify(doc));
  // The one-time Cloud setup: a push subscription on the topic, its URL carrying the shared token
  // (through the emulator's control plane, as a harness driving `followup emulate google` would).
  const set = await fetch(`${served.url}/__emulator/pubsub`, { method: 'POST', body: JSON.stringify({ topic: TOPIC, pushEndpoint: `${base}/push/google/gmail?token=${PUBSUB_TOKEN}` }) });
  expect(set.status).toBe(200);
  expect(google.push.pubsub.get(TOPIC)).toBe(`${base}/push/google/gmail?token=${PUBSUB_TOKEN}`);
  runtime = await openRuntime({ config });
  stopWeb = await startWebServer(runtime, { print: () => undefined, port });
  accountId = runtime.config.accounts[0]!.id;
  repEmail = runtime.config.accounts[0]!.email;
}, 60_000);

afterAll(async () => {
  await google?.push.settled();
  await stopWeb?.();
  await runtime?.close();
  await served?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Google push: Calendar channels and the Gmail watch', () => {
  it('the first pass opens a calendar channel (token = the derived secret) and a Gmail watch; the sync message is answered and changes nothing', async () => {
    await tickFor(null);
    const channels = [...google.push.channels.values()];
    expect(channels).toHaveLength(1);
    expect(channels[0]!.address).toBe(`${base}/push/google/calendar?account=${encodeURIComponent(accountId)}`);
    expect(channels[0]!.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(google.push.gmailWatches.get(repEmail.toLowerCase())).toMatchObject({ topicName: TOPIC, labelIds: ['INBOX'] });
    const stored = await readPushState(runtime.store, accountId);
    expect(stored.find((s) => s.resource.startsWith('calendars/'))).toMatchObject({ id: channels[0]!.id, resourceId: channels[0]!.resourceId });
    expect(stored.find((s) => s.resource === GMAIL_WATCH_RESOURCE)?.id).toBe(TOPIC);
    await google.push.settled();
    // The channel's `sync` message got 200; the watch's first publish was acked by the endpoint.
    // (The pass's own calendar writes, if any, follow as `exists`.)
    const calendarSent = google.push.deliveries.filter((d) => d.kind === 'calendar');
    expect(calendarSent[0]).toMatchObject({ note: 'sync', status: 200 });
    expect(calendarSent.every((d) => d.status === 200)).toBe(true);
    expect(google.push.deliveries.filter((d) => d.kind === 'gmail').map((d) => d.status)[0]).toBe(204);
    // `followup accounts --json` shows both with their expiry.
    const [shown] = await accountsJson(runtime, new Date());
    expect(shown!.push!.subscriptions.map((s) => s.resource).sort()).toEqual([stored.find((s) => s.resource.startsWith('calendars/'))!.resource, GMAIL_WATCH_RESOURCE].sort());
    expect(shown!.push!.subscriptions.every((s) => !s.expired && Date.parse(s.expiresAt) > Date.now() + 6 * 24 * 3600_000)).toBe(true);
    expect(shown!.cursors.some((c) => c.key.startsWith('push:'))).toBe(false);

    await quiet();
    const ch = channels[0]!;
    const r = await channelPost({ 'X-Goog-Channel-ID': ch.id, 'X-Goog-Channel-Token': ch.token!, 'X-Goog-Resource-State': 'sync', 'X-Goog-Resource-ID': ch.resourceId, 'X-Goog-Message-Number': '1' });
    expect(r.status).toBe(200);
    expect(await marked()).toEqual([]);
    // A second pass renews nothing: one channel, the same one.
    await tickFor(null);
    expect([...google.push.channels.keys()]).toEqual([ch.id]);
  });

  it('a reply landing in the mailbox gets the account synced by its Gmail notification, not by the poll', async () => {
    await quiet();
    const before = historyReads();
    await tickFor(null); // nothing notified, the poll not due: no provider sync
    expect(historyReads()).toBe(before);

    const delivered = google.control.deliverMessage(repEmail, reply('Re: our call'));
    await google.push.settled();
    expect(google.push.deliveries.at(-1)).toMatchObject({ kind: 'gmail', status: 204 });
    expect(await marked()).toEqual([accountId]);

    const asked: string[][] = [];
    const serial = serialQueue();
    const stop = startPushLoop(runtime, (ids) => serial(async () => { asked.push(ids ?? []); await tickFor(ids); }), 20);
    try {
      await vi.waitFor(() => expect(historyReads()).toBeGreaterThan(before), { timeout: 10_000, interval: 20 });
      await vi.waitFor(async () => expect(await marked()).toEqual([]), { timeout: 10_000, interval: 20 });
    } finally {
      stop();
      await serial(async () => undefined);
    }
    expect(asked[0]).toEqual([accountId]);
    const linda = await runtime.store.findProspectByEmail('linda@acme.example', accountId);
    const messages = await runtime.store.listMessages(linda!.id);
    expect(messages.find((m) => m.direction === 'in' && m.subject === 'Re: our call')?.providerId).toBe(delivered.id);
  });

  it('a calendar change notifies the channel (exists) and marks the account', async () => {
    await quiet();
    google.control.insertEvent(repEmail, { summary: 'Moved by the rep', start: { dateTime: new Date(Date.now() + 86_400_000).toISOString() }, end: { dateTime: new Date(Date.now() + 90_000_000).toISOString() } });
    await google.push.settled();
    expect(google.push.deliveries.at(-1)).toMatchObject({ kind: 'calendar', status: 200 });
    expect(await marked()).toEqual([accountId]);
    const before = eventReads();
    await tickFor([accountId]);
    expect(eventReads()).toBeGreaterThan(before);
    expect(await marked()).toEqual([]);
  });

  it('ignores forged or unknown channels and Gmail pushes without the token or for an unknown address', async () => {
    await quiet();
    const ch = [...google.push.channels.values()][0]!;
    const ok = { 'X-Goog-Channel-ID': ch.id, 'X-Goog-Channel-Token': ch.token!, 'X-Goog-Resource-State': 'exists', 'X-Goog-Resource-ID': ch.resourceId };
    for (const forged of [{ ...ok, 'X-Goog-Channel-Token': 'forged' }, { ...ok, 'X-Goog-Channel-ID': 'followup-unknown' }, { ...ok, 'X-Goog-Channel-Token': '' }]) {
      expect((await channelPost(forged)).status).toBe(200);
    }
    expect((await channelPost(ok, 'no-such-account')).status).toBe(200);
    expect(await marked()).toEqual([]);

    const push = (email: string) => JSON.stringify({ message: { data: Buffer.from(JSON.stringify({ emailAddress: email, historyId: '99999' })).toString('base64'), messageId: '1', publishTime: new Date().toISOString() }, subscription: 'projects/followup-test/subscriptions/x' });
    expect((await fetch(`${base}/push/google/gmail`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: push(repEmail) })).status).toBe(403);
    expect((await fetch(`${base}/push/google/gmail?token=${PUBSUB_TOKEN}x`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: push(repEmail) })).status).toBe(403);
    expect((await fetch(`${base}/push/google/gmail?token=${PUBSUB_TOKEN}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: push('stranger@elsewhere.example') })).status).toBe(204);
    expect((await fetch(`${base}/push/google/gmail?token=${PUBSUB_TOKEN}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"message":{"data":"%%%"}}' })).status).toBe(204);
    expect(await marked()).toEqual([]);
    // The genuine one, for contrast: same route, right token, known address.
    expect((await fetch(`${base}/push/google/gmail?token=${PUBSUB_TOKEN}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: push(repEmail) })).status).toBe(204);
    expect(await marked()).toEqual([accountId]);
  });

  it('duplicates collapse into one mark and one sync; a dropped notification is caught by the safety poll', async () => {
    await quiet();
    google.push.faults.duplicate = true;
    google.control.deliverMessage(repEmail, reply('Re: duplicate'));
    await google.push.settled();
    google.push.faults.duplicate = false;
    expect(google.push.deliveries.slice(-2).map((d) => d.status)).toEqual([204, 204]);
    expect(await marked()).toEqual([accountId]);
    const before = historyReads();
    await tickFor([accountId]);
    expect(historyReads()).toBe(before + 1);
    expect(await marked()).toEqual([]);
    await tickFor([accountId]);
    expect(historyReads()).toBe(before + 1);

    google.push.faults.dropNext = 1;
    const beforeDrop = historyReads();
    google.control.deliverMessage(repEmail, reply('Re: dropped'));
    await google.push.settled();
    expect(google.push.deliveries.at(-1)!.status).toBe('dropped');
    await tickFor(null);
    expect(historyReads()).toBe(beforeDrop); // nothing told us: not synced yet
    await tickFor(null, new Date(Date.now() + 61 * 60_000)); // the safety poll is due
    expect(historyReads()).toBeGreaterThan(beforeDrop);
    const linda = await runtime.store.findProspectByEmail('linda@acme.example', accountId);
    expect((await runtime.store.listMessages(linda!.id)).some((m) => m.subject === 'Re: dropped')).toBe(true);
  });

  it('reordered deliveries (newest first) still mark the account once', async () => {
    await quiet();
    google.push.faults.reorder = true;
    google.control.deliverMessage(repEmail, reply('Re: first'));
    google.control.deliverMessage(repEmail, reply('Re: second'));
    google.push.faults.reorder = false;
    expect(await marked()).toEqual([]);
    google.push.flush();
    await google.push.settled();
    const last = google.push.deliveries.slice(-2);
    expect(last.map((d) => d.status)).toEqual([204, 204]);
    expect(await marked()).toEqual([accountId]);
    await tickFor([accountId]);
    const linda = await runtime.store.findProspectByEmail('linda@acme.example', accountId);
    const subjects = (await runtime.store.listMessages(linda!.id)).map((m) => m.subject);
    expect(subjects).toEqual(expect.arrayContaining(['Re: first', 'Re: second']));
    expect(google.push.stats()).toMatchObject({ reordered: expect.any(Number), duplicated: expect.any(Number), dropped: expect.any(Number) });
    expect(google.push.stats().reordered).toBeGreaterThanOrEqual(2);
    const stats = (await (await fetch(`${served.url}/__emulator/stats`)).json()) as { push: Record<string, number> };
    expect(stats.push).toMatchObject({ channels: 1, gmailWatches: 1, reordered: google.push.stats().reordered, dropped: google.push.stats().dropped });
  });

  it('renews before expiry: a new channel replaces the old (stopped), the Gmail watch is renewed daily, the old channel is ignored', async () => {
    await quiet();
    const old = [...google.push.channels.values()][0]!;
    const gmailWatchCalls = () => google.state.requests.filter((r) => r.path.endsWith('/watch') && r.path.includes('/gmail/')).length;
    const calls = gmailWatchCalls();
    await tickFor(null); // today: nothing to renew
    expect(gmailWatchCalls()).toBe(calls);
    // Two days on: the Gmail watch (renewed daily) is renewed; the channel (renewed at half of 7 days) is not.
    await tickFor(null, new Date(Date.now() + 2 * 24 * 3600_000));
    expect(gmailWatchCalls()).toBe(calls + 1);
    expect([...google.push.channels.keys()]).toEqual([old.id]);
    const stored = await readPushState(runtime.store, accountId);
    expect(stored.find((s) => s.resource === GMAIL_WATCH_RESOURCE)!.expiresAt.getTime()).toBe(google.push.gmailWatches.get(repEmail.toLowerCase())!.expiration);
    // Four days on: past half of the channel's life, a new channel, then channels.stop on the old one.
    await tickFor(null, new Date(Date.now() + 4 * 24 * 3600_000));
    const now = [...google.push.channels.values()];
    expect(now).toHaveLength(1);
    expect(now[0]!.id).not.toBe(old.id);
    expect(google.state.requests.some((r) => r.path === '/calendar/v3/channels/stop' && r.status === 204)).toBe(true);
    const after = await readPushState(runtime.store, accountId);
    expect(after.find((s) => s.resource.startsWith('calendars/'))!.id).toBe(now[0]!.id);
    await quiet();
    // The old channel's notification (if Google still sent one) is no longer a known channel.
    expect((await channelPost({ 'X-Goog-Channel-ID': old.id, 'X-Goog-Channel-Token': old.token!, 'X-Goog-Resource-State': 'exists' })).status).toBe(200);
    expect(await marked()).toEqual([]);
  });

  it('without a Pub/Sub topic only the calendar is watched: the provider sync then runs on every pass', async () => {
    await quiet();
    const ctx = await runtime.context(new Date());
    const rt = ctx.accounts[0]!;
    expect(rt.providers!.push!.partial).toBe(false);
    expect(await providerSyncDue(ctx, rt)).toBe(false);
    const partial = { ...rt, providers: { ...rt.providers!, push: { partial: true, ensure: rt.providers!.push!.ensure.bind(rt.providers!.push) } } };
    expect(await providerSyncDue(ctx, partial)).toBe(true);
  });
});
