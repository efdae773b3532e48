import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { runObservedTick } from '../../src/app/metrics.js';
import { openRuntime, type Runtime } from '../../src/app/runtime.js';
import { startEmulate, type ServedFamily } from '../../src/cli/emulate-start.js';
import type { GoogleEmulator } from '../../src/emulators/google/emulator.js';
import type { GraphEmulator } from '../../src/emulators/microsoft/index.js';
import { enginePushSink } from '../../src/http/routes/push.js';
import { accountsMarkedSyncSoon } from '../../src/worker/push.js';
import { startWebServer } from '../../src/http/server.js';
import { openPgEngine, QUEUES, type JobEngine } from '../../src/jobs/pg-engine/index.js';
import { freePort } from '../../src/http/free-port.js';

/**
 * The push routes on PostgreSQL (`serve` as a job-engine worker): a notification from the
 * emulator, over real HTTP, enqueues that account's sync job in pg-boss, and duplicates stay one
 * queued job (the singleton key). Google (Gmail's Pub/Sub push, a Calendar channel) and Microsoft
 * (a Graph change notification). Needs TEST_DATABASE_URL: fails, never skips, without it.
 */
const DATABASE_URL = process.env.TEST_DATABASE_URL;
process.env.FOLLOWUP_ENCRYPTION_KEY = randomBytes(32).toString('base64');
process.env.MICROSOFT_CLIENT_SECRET = 'emulator-secret';
const PUBSUB_TOKEN = randomBytes(18).toString('base64url');
process.env.FOLLOWUP_PUBSUB_TOKEN = PUBSUB_TOKEN;
const TOPIC = 'projects/followup-test/topics/gmail-push';

interface Setup {
  runtime: Runtime;
  served: ServedFamily;
  /** Opens the job engine and attaches it to the push routes (serve does this once pg-boss is up). */
  startEngine(): Promise<string[]>;
  schema: string;
  accountId: string;
  email: string;
  close(): Promise<void>;
}


async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: DATABASE_URL });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

/** Queued (not yet started) sync jobs of an account, in the engine's own table. */
async function queuedSyncs(s: Setup): Promise<number> {
  const rows = await query<{ n: string }>(`select count(*) as n from "${s.schema}_jobs".job where name = $1 and singleton_key = $2 and state in ('created', 'retry')`, [QUEUES.sync, s.accountId]);
  return Number(rows[0]!.n);
}

async function setup(family: 'google' | 'microsoft'): Promise<Setup> {
  if (!DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set: this test needs a PostgreSQL database (e.g. postgres://postgres@127.0.0.1:5432/wt_push).');
  const schema = `push_${randomBytes(4).toString('hex')}`;
  await query(`create schema "${schema}"`);
  const url = new URL(DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  process.env.DATABASE_URL = url.toString();
  const dir = mkdtempSync(join(tmpdir(), `followup-pgpush-${family}-`));
  const config = join(dir, 'followup.yaml');
  const { served } = await startEmulate(family, { port: '0', demoReps: '1', writeConfig: config }, 0);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const doc = parse(readFileSync(config, 'utf8')) as Record<string, unknown>;
  doc.push = { publicUrl: base, safetyPollMinutes: 60, ...(family === 'google' ? { gmailTopic: TOPIC } : {}) };
  doc.web = { ...((doc.web as object) ?? {}), port, digest: false };
  writeFileSync(config, stringify(doc));
  if (family === 'google') (served.family.emulator as GoogleEmulator).push.pubsubPush(TOPIC, `${base}/push/google/gmail?token=${PUBSUB_TOKEN}`);
  const runtime = await openRuntime({ config });
  expect(runtime.config.env.databaseUrl).toBe(url.toString());
  // As in serve: the web server (and its push routes) first, the engine later.
  const push = enginePushSink(runtime.store, runtime.config.accounts.map((a) => a.id));
  const stopWeb = await startWebServer(runtime, { print: () => undefined, port, push: push.sink });
  let engine: JobEngine | null = null;
  const account = runtime.config.accounts[0]!;
  return {
    runtime,
    served,
    startEngine: async () => {
      engine = await openPgEngine({ runtime, databaseUrl: url.toString(), concurrency: 1, supervise: false });
      return push.attach(engine);
    },
    schema,
    accountId: account.id,
    email: account.email,
    close: async () => {
      await stopWeb();
      await engine?.stop();
      await runtime.close();
      await served.close();
      rmSync(dir, { recursive: true, force: true });
      delete process.env.DATABASE_URL;
      await query(`drop schema if exists "${schema}" cascade; drop schema if exists "${schema}_jobs" cascade`);
    },
  };
}

function reply(to: string, subject: string): string {
  return [`From: Linda Park <linda@acme.example>`, `To: ${to}`, `Subject: ${subject}`, `Message-ID: <${randomBytes(8).toString('hex')}@acme.example>`, `Date: ${new Date().toUTCString()}`, 'Content-Type: text/plain; charset=utf-8', '', 'Tuesday at 3pm works.', ''].join('\r\n');
}

const opened: Setup[] = [];
afterAll(async () => {
  for (const s of opened) await s.close();
});

describe('push routes on PostgreSQL enqueue the account sync job', () => {
  it('Google: a Gmail Pub/Sub push and a Calendar channel notification each enqueue one sync job; duplicates stay one', async () => {
    const s = await setup('google');
    opened.push(s);
    const google = s.served.family.emulator as GoogleEmulator;
    await runObservedTick(await s.runtime.context(new Date()));
    expect(google.push.channels.size).toBe(1);
    await google.push.settled();
    await runObservedTick(await s.runtime.context(new Date())); // takes the watch's first notification
    expect(await accountsMarkedSyncSoon(s.runtime.store, [s.accountId])).toEqual([]);

    // A reply before the engine is up (serve answers HTTP first): only the mark is left, and
    // attaching the engine enqueues that account's sync job.
    google.control.deliverMessage(s.email, reply(s.email, 'Re: early'));
    await google.push.settled();
    expect(google.push.deliveries.at(-1)).toMatchObject({ kind: 'gmail', status: 204 });
    expect(await accountsMarkedSyncSoon(s.runtime.store, [s.accountId])).toEqual([s.accountId]);
    expect(await s.startEngine()).toEqual([s.accountId]);
    expect(await queuedSyncs(s)).toBe(1);
    await query(`delete from "${s.schema}_jobs".job where name = $1`, [QUEUES.sync]);
    expect(await queuedSyncs(s)).toBe(0);

    google.push.faults.duplicate = true;
    google.control.deliverMessage(s.email, reply(s.email, 'Re: our call'));
    await google.push.settled();
    google.push.faults.duplicate = false;
    expect(google.push.deliveries.slice(-2).map((d) => [d.kind, d.status])).toEqual([['gmail', 204], ['gmail', 204]]);
    expect(await queuedSyncs(s)).toBe(1);

    await query(`delete from "${s.schema}_jobs".job where name = $1`, [QUEUES.sync]);
    google.control.insertEvent(s.email, { summary: 'Moved', start: { dateTime: new Date(Date.now() + 86_400_000).toISOString() }, end: { dateTime: new Date(Date.now() + 90_000_000).toISOString() } });
    await google.push.settled();
    expect(google.push.deliveries.at(-1)).toMatchObject({ kind: 'calendar', note: 'exists', status: 200 });
    expect(await queuedSyncs(s)).toBe(1);
  }, 120_000);

  it('Microsoft: a Graph change notification enqueues one sync job; duplicates stay one', async () => {
    const s = await setup('microsoft');
    opened.push(s);
    const graph = s.served.family.emulator as GraphEmulator;
    await s.startEngine();
    await runObservedTick(await s.runtime.context(new Date()));
    expect(graph.router.push.subscriptions.size).toBe(2);
    await graph.router.push.settled();
    await query(`delete from "${s.schema}_jobs".job where name = $1`, [QUEUES.sync]);

    graph.router.push.faults.duplicate = true;
    await graph.control.deliverRaw(s.email, reply(s.email, 'Re: our call'));
    await graph.router.push.settled();
    graph.router.push.faults.duplicate = false;
    expect(graph.router.push.deliveries.slice(-2).map((d) => d.status)).toEqual([202, 202]);
    expect(await queuedSyncs(s)).toBe(1);
  }, 120_000);
});
