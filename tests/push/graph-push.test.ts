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
import type { GraphEmulator } from '../../src/emulators/microsoft/index.js';
import { startWebServer } from '../../src/http/server.js';
import { accountsMarkedSyncSoon, PUSH_STATE_KEY, readPushState } from '../../src/worker/push.js';
import { freePort } from '../../src/http/free-port.js';

/**
 * Microsoft Graph push on SQLite, over real HTTP both ways: `followup emulate microsoft` (in this
 * process) validates and notifies `serve`'s /push/microsoft, which only marks the account; the
 * pass then syncs that account. Without a notification (dropped), the pass skips the provider
 * sync until the safety poll is due.
 */
process.env.FOLLOWUP_ENCRYPTION_KEY = randomBytes(32).toString('base64');
process.env.MICROSOFT_CLIENT_SECRET = 'emulator-secret';
delete process.env.DATABASE_URL;

const dir = mkdtempSync(join(tmpdir(), 'followup-push-'));
let served: ServedFamily;
let graph: GraphEmulator;
let runtime: Runtime;
let stopWeb: () => Promise<void>;
let accountId: string;
let repEmail: string;


const inboxDeltaReads = () => graph.state.requestLog.filter((r) => r.path.includes('/mailFolders/') && r.path.includes('/delta')).length;

function reply(subject: string): string {
  const id = `<${randomBytes(8).toString('hex')}@acme.example>`;
  return [`From: Linda Park <linda@acme.example>`, `To: ${repEmail}`, `Subject: ${subject}`, `Message-ID: ${id}`, `Date: ${new Date().toUTCString()}`, 'Content-Type: text/plain; charset=utf-8', '', 'Thanks, Tuesday works for me.', ''].join('\r\n');
}

async function tickFor(accounts: string[] | null, now = new Date()) {
  return runObservedTick(await runtime.context(now, accounts ? { accounts } : {}));
}

beforeAll(async () => {
  const config = join(dir, 'followup.yaml');
  ({ served } = await startEmulate('microsoft', { port: '0', demoReps: '1', writeConfig: config }, 0));
  graph = served.family.emulator as GraphEmulator;
  const port = await freePort();
  const doc = parse(readFileSync(config, 'utf8')) as Record<string, unknown>;
  doc.push = { publicUrl: `http://127.0.0.1:${port}`, safetyPollMinutes: 60 };
  doc.web = { ...((doc.web as object) ?? {}), port, digest: false };
  writeFileSync(config, stringify(doc));
  runtime = await openRuntime({ config });
  stopWeb = await startWebServer(runtime, { print: () => undefined, port });
  accountId = runtime.config.accounts[0]!.id;
  repEmail = runtime.config.accounts[0]!.email;
}, 60_000);

afterAll(async () => {
  await stopWeb?.();
  await runtime?.close();
  await served?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Microsoft Graph change notifications', () => {
  it('the first pass subscribes (handshake answered by serve) to the inbox and the calendar, with the derived clientState', async () => {
    await tickFor(null);
    const subs = [...graph.router.push.subscriptions.values()];
    expect(subs.map((s) => s.kind).sort()).toEqual(['events', 'messages']);
    for (const s of subs) {
      expect(s.notificationUrl).toContain(`/push/microsoft?account=${encodeURIComponent(accountId)}`);
      expect(s.clientState).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
    const stored = await readPushState(runtime.store, accountId);
    expect(stored.map((s) => s.id).sort()).toEqual(subs.map((s) => s.id).sort());
    // `followup accounts --json` shows them with their expiry; the push cursors are no sync cursors.
    const [shown] = await accountsJson(runtime, new Date());
    expect(shown!.push!.subscriptions.map((s) => s.id).sort()).toEqual(subs.map((s) => s.id).sort());
    expect(shown!.push!.subscriptions.every((s) => !s.expired && Date.parse(s.expiresAt) > Date.now() + 6 * 24 * 3600_000)).toBe(true);
    expect(shown!.cursors.some((c) => c.key.startsWith('push:'))).toBe(false);
    // Renewal at half-life: 7 days asked, so not renewed now, and a second pass changes nothing.
    await tickFor(null);
    expect(graph.router.push.subscriptions.size).toBe(2);
  });

  it('a reply landing in the mailbox gets the account synced by the notification, not by the poll', async () => {
    // Deliveries from the earlier test may still be landing: let them, and let one pass take their mark.
    await graph.router.push.settled();
    await tickFor(null);
    const before = inboxDeltaReads();
    await tickFor(null); // nothing notified, poll not due: no provider sync
    expect(inboxDeltaReads()).toBe(before);

    const delivered = await graph.control.deliverRaw(repEmail, reply('Re: our call'));
    await graph.router.push.settled();
    const last = graph.router.push.deliveries.at(-1)!;
    expect(last.status).toBe(202);
    expect(await accountsMarkedSyncSoon(runtime.store, [accountId])).toEqual([accountId]);

    // serve's in-process loop (SQLite) finds the mark and runs that account's pass, and only its.
    const asked: string[][] = [];
    const serial = serialQueue();
    const stop = startPushLoop(runtime, (ids) => serial(async () => { asked.push(ids ?? []); await tickFor(ids); }), 20);
    try {
      await vi.waitFor(() => expect(inboxDeltaReads()).toBeGreaterThan(before), { timeout: 10_000, interval: 20 });
      await vi.waitFor(async () => expect(await accountsMarkedSyncSoon(runtime.store, [accountId])).toEqual([]), { timeout: 10_000, interval: 20 });
    } finally {
      stop();
      await serial(async () => undefined);
    }
    expect(asked[0]).toEqual([accountId]);
    expect(await accountsMarkedSyncSoon(runtime.store, [accountId])).toEqual([]);
    const linda = await runtime.store.findProspectByEmail('linda@acme.example', accountId);
    const messages = await runtime.store.listMessages(linda!.id);
    expect(messages.find((m) => m.direction === 'in' && m.subject === 'Re: our call')?.providerId).toBe(delivered.id);
  });

  it('ignores a notification with a wrong clientState or an unknown subscription, and echoes the validation token', async () => {
    const base = runtime.config.push.publicUrl!;
    const echo = await fetch(`${base}/push/microsoft?validationToken=${encodeURIComponent('a b+c')}`, { method: 'POST', headers: { 'content-type': 'text/plain' } });
    expect(echo.status).toBe(200);
    expect(echo.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await echo.text()).toBe('a b+c');
    const sub = [...graph.router.push.subscriptions.values()][0]!;
    for (const n of [{ subscriptionId: sub.id, clientState: 'forged' }, { subscriptionId: 'sub-unknown', clientState: sub.clientState }]) {
      const r = await fetch(`${base}/push/microsoft?account=${encodeURIComponent(accountId)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ value: [{ ...n, changeType: 'created' }] }) });
      expect(r.status).toBe(202);
    }
    expect(await accountsMarkedSyncSoon(runtime.store, [accountId])).toEqual([]);
  });

  it('duplicates collapse into one mark; a dropped notification is caught by the safety poll', async () => {
    graph.router.push.faults.duplicate = true;
    await graph.control.deliverRaw(repEmail, reply('Re: duplicate'));
    await graph.router.push.settled();
    graph.router.push.faults.duplicate = false;
    expect(graph.router.push.deliveries.slice(-2).map((d) => d.status)).toEqual([202, 202]);
    expect(await accountsMarkedSyncSoon(runtime.store, [accountId])).toEqual([accountId]);
    await tickFor([accountId]);
    expect(await accountsMarkedSyncSoon(runtime.store, [accountId])).toEqual([]);

    graph.router.push.faults.dropNext = 1;
    const before = inboxDeltaReads();
    await graph.control.deliverRaw(repEmail, reply('Re: dropped'));
    await graph.router.push.settled();
    expect(graph.router.push.deliveries.at(-1)!.status).toBe('dropped');
    await tickFor(null);
    expect(inboxDeltaReads()).toBe(before); // nothing told us: not synced yet
    await tickFor(null, new Date(Date.now() + 61 * 60_000)); // the safety poll is due
    expect(inboxDeltaReads()).toBeGreaterThan(before);
  });

  it('renews (PATCH, same id) a subscription past half-life, and a reordered batch still marks the account', async () => {
    const sub = [...graph.router.push.subscriptions.values()].find((s) => s.kind === 'events')!;
    const before = sub.expirationDateTime.getTime();
    await tickFor(null, new Date(Date.now() + 4 * 24 * 3600_000));
    expect(graph.router.push.subscriptions.get(sub.id)!.expirationDateTime.getTime()).toBeGreaterThan(before);
    expect(graph.router.push.subscriptions.size).toBe(2);

    graph.router.push.faults.reorder = true;
    await graph.control.deliverRaw(repEmail, reply('Re: first'));
    await graph.control.deliverRaw(repEmail, reply('Re: second'));
    graph.router.push.faults.reorder = false;
    expect(await accountsMarkedSyncSoon(runtime.store, [accountId])).toEqual([]);
    graph.router.push.flush();
    await graph.router.push.settled();
    expect(await accountsMarkedSyncSoon(runtime.store, [accountId])).toEqual([accountId]);
    await tickFor([accountId]);
  });

  it('a lifecycle subscriptionRemoved makes the next pass recreate the subscription and sync', async () => {
    const sub = [...graph.router.push.subscriptions.values()].find((s) => s.kind === 'messages')!;
    graph.router.push.lifecycle(sub.id, 'subscriptionRemoved');
    await graph.router.push.settled();
    expect(await accountsMarkedSyncSoon(runtime.store, [accountId])).toEqual([accountId]);
    const cursor = await runtime.store.getCursor(accountId, PUSH_STATE_KEY);
    expect(cursor?.cursor).toContain('1970-01-01');
    await tickFor([accountId]);
    const kinds = [...graph.router.push.subscriptions.values()].map((s) => s.kind).sort();
    expect(kinds).toEqual(['events', 'messages']);
    expect(graph.router.push.subscriptions.has(sub.id)).toBe(false);
  });
});
