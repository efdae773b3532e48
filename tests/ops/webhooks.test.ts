import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Attempt } from '../../src/domain/types.js';
import type { Store } from '../../src/ports/store.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { openStore } from '../../src/store/open-store.js';
import { emptySummary } from '../../src/worker/context.js';
import { deliverWebhooks, type WebhookEndpoint } from '../../src/worker/webhooks.js';
import { aProspect, anAccount } from '../store/fixtures.js';

/** A receiver on 127.0.0.1 that answers with the scripted statuses, then 200. */
interface Receiver {
  url: string;
  got: { headers: IncomingMessage['headers']; body: string }[];
  statuses: number[];
  close(): Promise<void>;
}

async function receiver(statuses: number[] = []): Promise<Receiver> {
  const r: Partial<Receiver> = { got: [], statuses: [...statuses] };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      r.got!.push({ headers: req.headers, body });
      res.statusCode = r.statuses!.shift() ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  r.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return r as Receiver;
}

const SECRET = 'whsec-test-0123456789abcdef0123456789';
const T0 = new Date('2026-11-10T10:00:00Z');

function verify(header: string, body: string, secret: string): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!m) return false;
  const expected = createHmac('sha256', secret).update(`${m[1]}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(m[2]!, 'hex'));
}

const attempt = (over: Partial<Attempt>): Attempt => ({
  id: 'at_1',
  prospectId: 'pro_1',
  accountId: 'acc_1',
  at: T0,
  kind: 'booking',
  outcome: 'booked',
  detail: 'Booked Tue 14:00',
  refId: 'ev_1',
  ...over,
});

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const stores: [string, () => Promise<Store>][] = [
  ['memory', async () => createMemoryStore()],
  [
    'sqlite',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'followup-webhooks-'));
      dirs.push(dir);
      return openStore({ databaseUrl: null, sqlitePath: join(dir, 'f.db') });
    },
  ],
];
if (!process.env.TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set: the webhook tests run on PostgreSQL too.');
stores.push(['postgres', async () => openStore({ databaseUrl: process.env.TEST_DATABASE_URL!, schema: `webhooks_${process.pid}_${Date.now()}` })]);

describe.each(stores)('outgoing webhooks on %s', (_name, open) => {
  let store: Store;
  const open_: Receiver[] = [];
  afterEach(async () => {
    for (const r of open_.splice(0)) await r.close();
    await store?.close();
  });

  async function seeded(): Promise<Store> {
    store = await open();
    await store.upsertAccount(anAccount());
    await store.upsertProspect(aProspect({ email: 'linda@acme.example' }));
    return store;
  }
  const endpoint = (r: Receiver, over: Partial<WebhookEndpoint> = {}): WebhookEndpoint => ({ url: r.url, secret: SECRET, secretEnv: 'X', events: [], ...over });

  it('a booked entry is one signed event, enqueued once however often it is written, delivered once', async () => {
    await seeded();
    const hook = await receiver();
    open_.push(hook);
    expect(await store.addAttempt(attempt({}))).toBe(true);
    expect(await store.addAttempt(attempt({}))).toBe(false);
    await store.addAttempt(attempt({ id: 'at_2', kind: 'email_sent', outcome: 'sent' })); // not an event
    const summary = emptySummary(T0);
    await deliverWebhooks({ store, now: T0 }, { endpoints: [endpoint(hook)] }, summary);
    await deliverWebhooks({ store, now: new Date(T0.getTime() + 3_600_000) }, { endpoints: [endpoint(hook)] }, summary);
    expect(hook.got).toHaveLength(1);
    const { headers, body } = hook.got[0]!;
    expect(headers['x-followup-event']).toBe('booked');
    expect(headers['x-followup-event-id']).toBe('evt_at_1');
    expect(verify(String(headers['x-followup-signature']), body, SECRET)).toBe(true);
    expect(verify(String(headers['x-followup-signature']), body, 'another-secret')).toBe(false);
    expect(JSON.parse(body)).toEqual({ id: 'evt_at_1', type: 'booked', occurredAt: T0.toISOString(), accountId: 'acc_1', prospect: { id: 'pro_1', email: 'linda@acme.example' }, detail: 'Booked Tue 14:00', refId: 'ev_1' });
    expect((await store.statusCounts()).webhooks).toEqual({ delivered: 1 });
    expect(summary.problems).toEqual([]);
  });

  it('a failing endpoint is retried later with the same event id, and only the endpoints still missing it', async () => {
    await seeded();
    const ok = await receiver();
    const flaky = await receiver([500, 503]);
    open_.push(ok, flaky);
    await store.addAttempt(attempt({ kind: 'meeting', outcome: 'missed', refId: 'm1' }));
    await store.addAttempt(attempt({ id: 'at_3', kind: 'reply_received', outcome: 'optout', refId: '<r@x>' }));
    await store.addAttempt(attempt({ id: 'at_4', kind: 'reply_received', outcome: 'ooo', refId: '<o@x>' })); // an out-of-office is no event
    const settings = { endpoints: [endpoint(ok), endpoint(flaky)] };
    const summary = emptySummary(T0);
    await deliverWebhooks({ store, now: T0 }, settings, summary);
    // Both events failed at `flaky` (500, 503): nothing is retried before the back-off.
    await deliverWebhooks({ store, now: new Date(T0.getTime() + 30_000) }, settings, summary);
    expect(flaky.got).toHaveLength(2);
    await deliverWebhooks({ store, now: new Date(T0.getTime() + 61_000) }, settings, summary);
    expect(ok.got.map((g) => g.headers['x-followup-event'])).toEqual(['no_show', 'opted_out']);
    expect(flaky.got.map((g) => g.headers['x-followup-event-id'])).toEqual(['evt_at_1', 'evt_at_3', 'evt_at_1', 'evt_at_3']);
    expect((await store.statusCounts()).webhooks).toEqual({ delivered: 2 });
  });

  it('an endpoint gets only the events it asked for; with no endpoint, pending events are dropped', async () => {
    await seeded();
    const hook = await receiver();
    open_.push(hook);
    await store.addAttempt(attempt({}));
    await store.addAttempt(attempt({ id: 'at_5', kind: 'reply_received', outcome: 'bounce', refId: '<b@x>' }));
    await deliverWebhooks({ store, now: T0 }, { endpoints: [endpoint(hook, { events: ['bounced'] })] }, emptySummary(T0));
    expect(hook.got.map((g) => g.headers['x-followup-event'])).toEqual(['bounced']);
    await store.addAttempt(attempt({ id: 'at_6', kind: 'reply_received', outcome: 'proposal', refId: '<p@x>' }));
    await deliverWebhooks({ store, now: T0 }, { endpoints: [] }, emptySummary(T0));
    expect((await store.statusCounts()).webhooks).toEqual({ delivered: 2 });
  });

  it('an endpoint without its secret is reported, and its events wait', async () => {
    await seeded();
    const hook = await receiver();
    open_.push(hook);
    await store.addAttempt(attempt({}));
    const summary = emptySummary(T0);
    await deliverWebhooks({ store, now: T0 }, { endpoints: [endpoint(hook, { secret: null, secretEnv: 'CRM_HOOK_SECRET' })] }, summary);
    expect(hook.got).toHaveLength(0);
    expect(summary.problems[0]?.message).toContain('set CRM_HOOK_SECRET');
    expect((await store.statusCounts()).webhooks).toEqual({ pending: 1 });
  });
});
