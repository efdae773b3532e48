import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { runObservedTick } from '../../src/app/metrics.js';
import { openRuntime, type Runtime } from '../../src/app/runtime.js';
import { startEmulate, type ServedFamily } from '../../src/cli/emulate-start.js';
import type { GoogleEmulator } from '../../src/emulators/google/emulator.js';
import { startWebServer } from '../../src/http/server.js';
import { accountsMarkedSyncSoon } from '../../src/worker/push.js';
import { freePort } from '../../src/http/free-port.js';

/**
 * Gmail push with Pub/Sub's OIDC token checked (push.gmailAudience), over real HTTP both ways:
 * `followup emulate google` signs each push of an authenticated subscription with its own RSA key
 * and serves the JWKS at /oauth2/v3/certs; serve's /push/google/gmail reads the keys from there
 * (push.gmailJwksUrl). No FOLLOWUP_PUBSUB_TOKEN here: the OIDC token alone authenticates.
 */
process.env.FOLLOWUP_ENCRYPTION_KEY = randomBytes(32).toString('base64');
delete process.env.FOLLOWUP_PUBSUB_TOKEN;
delete process.env.DATABASE_URL;
const TOPIC = 'projects/followup-test/topics/gmail-push';
const AUDIENCE = 'https://followup.example.com/push/google/gmail';
const SERVICE_ACCOUNT = 'gmail-push@followup-test.iam.gserviceaccount.com';

const dir = mkdtempSync(join(tmpdir(), 'followup-goidc-'));
let served: ServedFamily;
let google: GoogleEmulator;
let runtime: Runtime;
let stopWeb: () => Promise<void>;
let accountId: string;
let repEmail: string;
let base: string;


const marked = () => accountsMarkedSyncSoon(runtime.store, [accountId]);
const jwksReads = () => google.state.requests.filter((r) => r.method === 'GET' && r.path === '/oauth2/v3/certs').length;
const nowS = () => Math.floor(Date.now() / 1000);

/** The claims Pub/Sub puts in a push token, with `over` changed. */
function claims(over: Record<string, unknown> = {}): Record<string, unknown> {
  return { aud: AUDIENCE, azp: '1234', email: SERVICE_ACCOUNT, email_verified: true, exp: nowS() + 3600, iat: nowS(), iss: 'https://accounts.google.com', sub: '1234', ...over };
}

function body(email: string): string {
  const data = Buffer.from(JSON.stringify({ emailAddress: email, historyId: '99999' })).toString('base64');
  return JSON.stringify({ message: { data, messageId: '1', publishTime: new Date().toISOString() }, subscription: 'projects/followup-test/subscriptions/x' });
}

async function post(token: string | null, path = '/push/google/gmail'): Promise<number> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(token !== null ? { authorization: `Bearer ${token}` } : {}) };
  const r = await fetch(`${base}${path}`, { method: 'POST', headers, body: body(repEmail) });
  await r.arrayBuffer();
  return r.status;
}

/** Lets deliveries in flight land and passes take their mark (a pass that syncs a new mail may notify once more). */
async function quiet(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await google.push.settled();
    if ((await marked()).length === 0) break;
    await runObservedTick(await runtime.context(new Date()));
  }
  await google.push.settled();
  expect(await marked()).toEqual([]);
}

beforeAll(async () => {
  const config = join(dir, 'followup.yaml');
  ({ served } = await startEmulate('google', { port: '0', demoReps: '1', writeConfig: config }, 0));
  google = served.family.emulator as GoogleEmulator;
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const doc = parse(readFileSync(config, 'utf8')) as Record<string, unknown>;
  doc.push = { publicUrl: base, gmailTopic: TOPIC, gmailAudience: AUDIENCE, gmailServiceAccount: SERVICE_ACCOUNT, gmailJwksUrl: `${served.url}/oauth2/v3/certs` };
  doc.web = { ...((doc.web as object) ?? {}), port, digest: false };
  writeFileSync(config, stringify(doc));
  // The one-time Cloud setup: an authenticated push subscription (service account, audience).
  const set = await fetch(`${served.url}/__emulator/pubsub`, {
    method: 'POST',
    body: JSON.stringify({ topic: TOPIC, pushEndpoint: `${base}/push/google/gmail`, oidcToken: { serviceAccountEmail: SERVICE_ACCOUNT, audience: AUDIENCE } }),
  });
  expect(set.status).toBe(200);
  expect(await set.json()).toMatchObject({ oidcToken: { serviceAccountEmail: SERVICE_ACCOUNT, audience: AUDIENCE }, jwksUrl: `${served.url}/oauth2/v3/certs` });
  runtime = await openRuntime({ config });
  stopWeb = await startWebServer(runtime, { print: () => undefined, port });
  accountId = runtime.config.accounts[0]!.id;
  repEmail = runtime.config.accounts[0]!.email;
  // The first pass opens the Gmail watch, whose first publish is the first signed push.
  await runObservedTick(await runtime.context(new Date()));
  await google.push.settled();
}, 60_000);

afterAll(async () => {
  await google?.push.settled();
  await stopWeb?.();
  await runtime?.close();
  await served?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Gmail push: the Pub/Sub OIDC token', () => {
  it("the emulator's signed pushes are taken: a new mail marks the account for a sync; the JWKS was read once", async () => {
    expect(google.push.deliveries.filter((d) => d.kind === 'gmail').map((d) => d.status)).toEqual([204]);
    await quiet();
    google.control.deliverMessage(repEmail, ['From: Linda Park <linda@acme.example>', `To: ${repEmail}`, 'Subject: Re: our call', `Message-ID: <${randomBytes(6).toString('hex')}@acme.example>`, '', 'Tuesday works.', ''].join('\r\n'));
    await google.push.settled();
    expect(google.push.deliveries.at(-1)).toMatchObject({ kind: 'gmail', status: 204 });
    expect(await marked()).toEqual([accountId]);
    await quiet();
    // Three more good tokens: the keys come from the cache (max-age 3600), not from the network.
    for (let i = 0; i < 3; i++) {
      expect(await post(google.push.signer.sign(claims()))).toBe(204);
      expect(await marked()).toEqual([accountId]);
      await quiet();
    }
    expect(jwksReads()).toBe(1);
  });

  it('refuses with 401, and marks nothing, a push with no token or a token that is wrong in any way', async () => {
    await quiet();
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const signedByOther = (kid: string) => {
      const input = `${enc({ alg: 'RS256', kid, typ: 'JWT' })}.${enc(claims())}`;
      return `${input}.${sign('RSA-SHA256', Buffer.from(input), other).toString('base64url')}`;
    };
    const good = google.push.signer.sign(claims());
    const [h, , s] = good.split('.');
    const refused: Record<string, string | null> = {
      missing: null,
      'not a JWT': 'abc.def',
      'wrong audience': google.push.signer.sign(claims({ aud: `${base}/push/google/gmail` })),
      'wrong issuer': google.push.signer.sign(claims({ iss: 'https://evil.example' })),
      expired: google.push.signer.sign(claims({ iat: nowS() - 7200, exp: nowS() - 3600 })),
      'another service account': google.push.signer.sign(claims({ email: 'someone@other.iam.gserviceaccount.com' })),
      'email not verified': google.push.signer.sign(claims({ email_verified: false })),
      // The emulator's signature over other claims (the audience swapped after signing).
      'bad signature': `${h}.${enc(claims({ aud: AUDIENCE, email: SERVICE_ACCOUNT, exp: nowS() + 7200 }))}.${s}`,
      'signed by another key under the same kid': signedByOther(google.push.signer.kid),
      'unknown kid': signedByOther('not-a-google-key'),
      'alg none': `${enc({ alg: 'none', kid: google.push.signer.kid })}.${enc(claims())}.`,
    };
    for (const [what, token] of Object.entries(refused)) {
      expect({ what, status: await post(token) }).toEqual({ what, status: 401 });
    }
    expect(await marked()).toEqual([]);
    // For contrast, the same request with a good token.
    expect(await post(good)).toBe(204);
    expect(await marked()).toEqual([accountId]);
  });

  it('takes a token that expired within the clock skew (60 s), not one older', async () => {
    await quiet();
    expect(await post(google.push.signer.sign(claims({ exp: nowS() - 120 })))).toBe(401);
    expect(await marked()).toEqual([]);
    expect(await post(google.push.signer.sign(claims({ exp: nowS() - 10 })))).toBe(204);
    expect(await marked()).toEqual([accountId]);
  });

  it('with FOLLOWUP_PUBSUB_TOKEN set as well, both checks must pass', async () => {
    await quiet();
    const secret = randomBytes(18).toString('base64url');
    process.env.FOLLOWUP_PUBSUB_TOKEN = secret;
    try {
      const good = google.push.signer.sign(claims());
      expect(await post(good)).toBe(403);
      expect(await post(null, `/push/google/gmail?token=${secret}`)).toBe(401);
      expect(await marked()).toEqual([]);
      expect(await post(good, `/push/google/gmail?token=${secret}`)).toBe(204);
      expect(await marked()).toEqual([accountId]);
    } finally {
      delete process.env.FOLLOWUP_PUBSUB_TOKEN;
    }
  });
});
