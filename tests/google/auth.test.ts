import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerGoogleCommands } from '../../src/cli/google-command.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig, resolveFromConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { ProviderError } from '../../src/ports/errors.js';
import { MissingKeyError } from '../../src/security/crypto.js';
import { openStore } from '../../src/store/open-store.js';
import { emptySummary } from '../../src/worker/context.js';
import { underPolicy } from '../../src/worker/error-policy.js';
import { serveGoogleEmulator, type ServedGoogleEmulator } from '../../src/emulators/google/index.js';
import { buildGoogleClients } from '../../src/providers/google/google.client.js';
import { createServiceAccountClient } from '../../src/providers/google/google.auth.js';
import { createGoogleProviders, createGoogleProviderSet } from '../../src/providers/google/index.js';
import { TokenBucket } from '../../src/providers/google/google-pacing.client.js';
import { createMswServer, freshEmulator, providersFor, REP } from './harness.js';

const WINDOW = { start: new Date('2030-05-01T00:00:00Z'), end: new Date('2030-08-01T00:00:00Z') };

describe('Google auth, pacing and the emulator in-process', () => {
  const server = createMswServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('a revoked refresh token disconnects only that account; the other keeps working', async () => {
    const emu = freshEmulator(server);
    emu.control.addUser({ email: 'second@followup.example' });
    const disconnected: string[] = [];
    const first = providersFor(emu, { accountId: 'robin', onAuthRevoked: async (m) => void disconnected.push(m) });
    const second = providersFor(emu, { accountId: 'sam', email: 'second@followup.example', onAuthRevoked: async (m) => void disconnected.push(m) });
    await first.calendar.sync({ cursor: null, window: WINDOW });
    emu.control.revokeUser(REP);
    const error = (await first.calendar.sync({ cursor: null, window: WINDOW }).catch((e: unknown) => e)) as ProviderError;
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.code).toBe('AUTH_REVOKED');
    expect(error.message).toContain('followup auth google --account robin');
    expect(disconnected).toHaveLength(1);
    expect(disconnected[0]).toContain('followup auth google --account robin');
    expect((await second.calendar.sync({ cursor: null, window: WINDOW })).full).toBe(true);
  });

  it('a service account acts as the rep (domain-wide delegation), token requests going to the emulator', async () => {
    const emu = freshEmulator(server);
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    const auth = createServiceAccountClient({ key: { client_email: 'followup@proj.iam.gserviceaccount.com', private_key: privateKey }, subject: REP, rootUrl: 'http://127.0.0.1:9/' });
    // rootUrl only redirects the token request here; API calls use the real base URLs (msw answers).
    const set = createGoogleProviderSet({ clients: buildGoogleClients({ auth }), accountId: 'org', calendarId: 'primary', timeZone: 'UTC', nativeDrafts: false });
    emu.control.insertEvent(REP, { summary: 'Delegated', start: { dateTime: '2030-06-03T09:00:00Z' }, end: { dateTime: '2030-06-03T10:00:00Z' } });
    server.use(...emu.handlers); // the token URL is rewritten to 127.0.0.1:9/token, also matched by the handlers
    const result = await set.calendar.sync({ cursor: null, window: WINDOW });
    expect(result.upserted.map((e) => e.title)).toEqual(['Delegated']);
  });

  it('pacing keeps a burst of requests under the per-user limit', async () => {
    const emu = freshEmulator(server, { userRateLimitPerSecond: 10 });
    const { mailbox } = providersFor(emu, { pacer: new TokenBucket(8), retry: { retries: 0 } });
    const started = Date.now();
    for (let i = 0; i < 8; i++) await mailbox!.fetchNew({ cursor: null, since: new Date(), isTracked: () => false });
    const api = emu.state.requests.filter((r) => r.user === REP);
    expect(api.filter((r) => r.status === 403)).toEqual([]);
    for (const r of api) expect(api.filter((x) => x.at >= r.at && x.at < r.at + 1000).length).toBeLessThanOrEqual(10);
    expect(Date.now() - started).toBeGreaterThan(1500); // 16 requests at 8/s
  }, 15_000);

  it('without pacing the same burst trips userRateLimitExceeded (the emulator counts)', async () => {
    const emu = freshEmulator(server, { userRateLimitPerSecond: 10 });
    const { mailbox } = providersFor(emu, { retry: { retries: 0 } });
    const error = await (async () => {
      for (let i = 0; i < 16; i++) await mailbox!.fetchNew({ cursor: null, since: new Date(), isTracked: () => false });
    })().catch((e: unknown) => e);
    expect((error as ProviderError).code).toBe('RATE_LIMITED');
  });
});

describe('followup auth google / emulate google over real HTTP, then createGoogleProviders', () => {
  let served: ServedGoogleEmulator;
  beforeAll(async () => {
    served = await serveGoogleEmulator({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => served.close());

  const yaml = (rootUrl: string) => `
accounts:
  - id: robin
    name: Robin Rep
    email: ${REP}
    timeZone: Europe/Berlin
    provider: google
    approval: gmail-drafts
    google:
      rootUrl: "${rootUrl}"
      conference: true
`;

  it('connects an account (loopback + PKCE), stores the token sealed, and the factory talks to the served emulator', async () => {
    served.emulator.control.addUser({ email: REP, name: 'Robin Rep' });
    served.emulator.control.insertEvent(REP, { summary: 'Over HTTP', start: { dateTime: '2030-06-03T09:00:00Z' }, end: { dateTime: '2030-06-03T10:00:00Z' } });
    const env = { FOLLOWUP_ENCRYPTION_KEY: randomBytes(32).toString('base64') };
    const config = parseConfig(yaml(served.rootUrl), '/tmp/followup-google-test.yaml', env);
    const store = await openStore({ sqlitePath: ':memory:' });
    await store.upsertAccount({ id: 'robin', email: REP, name: 'Robin Rep', timeZone: 'Europe/Berlin', provider: 'google', role: 'rep', status: 'disconnected' });
    const lines: string[] = [];
    const program = new Command().exitOverride();
    registerGoogleCommands(program, {
      loadConfig: () => config,
      openStore: async () =>
        new Proxy(store, {
          get: (target, key) => {
            if (key === 'close') return async () => undefined; // the test closes it
            const value = Reflect.get(target, key) as unknown;
            return typeof value === 'function' ? value.bind(target) : value;
          },
        }),
      print: (l) => lines.push(l),
      // The emulator's consent page approves at once and redirects to the loopback listener.
      onAuthUrl: async (url) => {
        expect(url.startsWith(served.rootUrl)).toBe(true);
        expect(url).toContain('code_challenge_method=S256');
        await fetch(url);
      },
    });
    await program.parseAsync(['node', 'followup', 'auth', 'google', '--account', 'robin']);
    expect(lines.at(-1)).toContain('Connected');
    const sealed = await store.getCredential('robin', 'google');
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('1//emu');
    expect((await store.getAccount('robin'))?.status).toBe('connected');

    const providers = await createGoogleProviders({ account: config.accounts[0]!, config, store, logger: silentLogger(), now: () => new Date() });
    const result = await providers.calendar.sync({ cursor: null, window: WINDOW });
    expect(result.upserted.map((e) => e.title)).toEqual(['Over HTTP']);
    expect(providers.drafts).not.toBeNull();
    expect(providers.conference).toBe(true);

    // Missing key: the clear error from crypto.ts.
    const noKey = parseConfig(yaml(served.rootUrl), '/tmp/followup-google-test.yaml', {});
    await expect(createGoogleProviders({ account: noKey.accounts[0]!, config: noKey, store, logger: silentLogger(), now: () => new Date() })).rejects.toBeInstanceOf(MissingKeyError);
    await store.close();
  });

  it('auth google before the first run: the account row is made first, so the token is kept (no foreign-key error)', async () => {
    const email = 'first-time@followup.example';
    served.emulator.control.addUser({ email, name: 'First Time' });
    const dir = mkdtempSync(join(tmpdir(), 'followup-auth-first-'));
    const env = { FOLLOWUP_ENCRYPTION_KEY: randomBytes(32).toString('base64') };
    const config = parseConfig(yaml(served.rootUrl).replace(REP, email) + 'store:\n  sqlitePath: ./first.db\n', join(dir, 'followup.yaml'), env);
    const lines: string[] = [];
    const program = new Command().exitOverride();
    registerGoogleCommands(program, {
      loadConfig: () => config,
      // The CLI's own store opening: a fresh SQLite file, no run has made the account row.
      openStore: (c) => openStore({ sqlitePath: resolveFromConfig(c, c.store.sqlitePath) }),
      print: (l) => lines.push(l),
      onAuthUrl: async (url) => void (await fetch(url)),
    });
    try {
      await program.parseAsync(['node', 'followup', 'auth', 'google', '--account', 'robin']);
      expect(lines.at(-1)).toContain('Connected');
      const store = await openStore({ sqlitePath: join(dir, 'first.db') });
      try {
        expect(await store.getCredential('robin', 'google')).toMatch(/^v1\./);
        expect(await store.getAccount('robin')).toMatchObject({ email, status: 'connected', statusDetail: null });

        // One writer of status: the adapter only reports a revoked grant; the worker's policy marks the account.
        served.emulator.control.revokeUser(email);
        const providers = await createGoogleProviders({ account: config.accounts[0]!, config, store, logger: silentLogger(), now: () => new Date() });
        const fetching = () => providers.mailbox!.fetchNew({ cursor: null, since: new Date(), isTracked: () => false }).then(() => undefined);
        await expect(fetching()).rejects.toMatchObject({ code: 'AUTH_REVOKED' });
        expect((await store.getAccount('robin'))?.status).toBe('connected');
        const rt = { account: (await store.getAccount('robin'))!, providers };
        const summary = emptySummary(new Date());
        await underPolicy(store, rt, summary, fetching);
        expect(await store.getAccount('robin')).toMatchObject({ status: 'disconnected', statusDetail: expect.stringContaining('followup auth google --account robin') });
        expect(summary.attention).toEqual([{ accountId: 'robin', reason: 'disconnected' }]);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('emulate google prints the rootUrl and a token per user', async () => {
    const lines: string[] = [];
    const program = new Command().exitOverride();
    registerGoogleCommands(program, {
      loadConfig: () => {
        throw new Error('not needed');
      },
      openStore: async () => {
        throw new Error('not needed');
      },
      print: (l) => lines.push(l),
      onEmulatorReady: async (s) => {
        const res = await fetch(`${s.rootUrl}calendar/v3/calendars/primary/events`);
        expect(res.status).toBe(401);
        expect(((await res.json()) as { error: { errors: { reason: string }[] } }).error.errors[0]!.reason).toBe('authError');
        await s.close();
      },
    });
    await program.parseAsync(['node', 'followup', 'emulate', 'google', '--port', '0', '--user', 'x@y.example']);
    expect(lines[0]).toMatch(/^Google emulator listening on http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(lines.some((l) => l.startsWith('user x@y.example: refresh token 1//emu-'))).toBe(true);
  });
});
