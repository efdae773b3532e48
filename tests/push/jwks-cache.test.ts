import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { EmulatorSigner } from '../../src/emulators/google/oidc.js';
import { JwksCache, JwksUnavailableError, maxAgeSeconds, verifyPushToken } from '../../src/security/google-oidc.js';

/** The JWKS cache of the Gmail push check, on a fake clock and a counting fetch. */
function setup(cacheControl: string | null, signer = new EmulatorSigner()) {
  let now = Date.parse('2026-12-07T04:00:00Z');
  const calls: string[] = [];
  let keys = signer.jwks();
  let fail = false;
  const fetchFn = (async (input: string | URL | Request) => {
    calls.push(String(input));
    if (fail) return new Response('down', { status: 503 });
    return Response.json(keys, { headers: cacheControl ? { 'Cache-Control': cacheControl } : {} });
  }) as typeof fetch;
  const cache = new JwksCache('https://keys.example/certs', fetchFn, () => now);
  return {
    cache,
    calls,
    signer,
    advance: (ms: number) => (now += ms),
    nowMs: () => now,
    rotate: (to: EmulatorSigner) => (keys = to.jwks()),
    breakIt: () => (fail = true),
  };
}

describe('the JWKS cache', () => {
  it('keeps the keys for the max-age of the answer, then reads them again', async () => {
    const t = setup('public, max-age=600, must-revalidate, no-transform');
    const kid = t.signer.kid;
    expect(await t.cache.key(kid)).not.toBeNull();
    t.advance(599_000);
    expect(await t.cache.key(kid)).not.toBeNull();
    expect(t.calls).toHaveLength(1);
    t.advance(2_000);
    expect(await t.cache.key(kid)).not.toBeNull();
    expect(t.calls).toHaveLength(2);
  });

  it('reads once for requests that arrive together', async () => {
    const t = setup('max-age=600');
    const got = await Promise.all([1, 2, 3, 4].map(() => t.cache.key(t.signer.kid)));
    expect(got.every((k) => k !== null)).toBe(true);
    expect(t.calls).toHaveLength(1);
  });

  it('an unknown kid reads the JWKS again (a key rotation), but at most every 30 s', async () => {
    const t = setup('max-age=3600');
    expect(await t.cache.key(t.signer.kid)).not.toBeNull();
    expect(await t.cache.key('forged')).toBeNull();
    expect(t.calls).toHaveLength(1);
    const next = new EmulatorSigner();
    t.rotate(next);
    t.advance(31_000);
    expect(await t.cache.key(next.kid)).not.toBeNull();
    expect(t.calls).toHaveLength(2);
    expect(await t.cache.key('forged')).toBeNull();
    expect(t.calls).toHaveLength(2);
  });

  it('says when the keys cannot be read, rather than refusing the token as bad', async () => {
    const t = setup('max-age=60');
    t.breakIt();
    await expect(t.cache.key(t.signer.kid)).rejects.toBeInstanceOf(JwksUnavailableError);
    await expect(verifyPushToken(t.signer.sign({ aud: 'a', iss: 'accounts.google.com', exp: 9e9 }), { audience: 'a' }, t.cache)).rejects.toBeInstanceOf(JwksUnavailableError);
  });

  it('reads max-age from Cache-Control; no-store or no-cache keep nothing; no header: 5 minutes', () => {
    expect(maxAgeSeconds('public, max-age=19845, must-revalidate, no-transform')).toBe(19845);
    expect(maxAgeSeconds('no-store')).toBe(0);
    expect(maxAgeSeconds('private, no-cache')).toBe(0);
    expect(maxAgeSeconds(null)).toBe(300);
  });
});

describe('the push token check', () => {
  it('takes both spellings of the Google issuer and an audience list that holds the audience', async () => {
    const t = setup('max-age=600');
    const exp = Math.floor(t.nowMs() / 1000) + 600;
    for (const iss of ['accounts.google.com', 'https://accounts.google.com']) {
      expect(await verifyPushToken(t.signer.sign({ aud: 'a', iss, exp }), { audience: 'a' }, t.cache, t.nowMs())).toMatchObject({ ok: true });
    }
    expect(await verifyPushToken(t.signer.sign({ aud: ['b', 'a'], iss: 'accounts.google.com', exp }), { audience: 'a' }, t.cache, t.nowMs())).toMatchObject({ ok: true });
    expect(await verifyPushToken(t.signer.sign({ aud: 'a', iss: 'accounts.google.com' }), { audience: 'a' }, t.cache, t.nowMs())).toEqual({ ok: false, reason: 'expired' });
    expect(await verifyPushToken(t.signer.sign({ aud: 'a', iss: 'accounts.google.com', exp, nbf: exp }), { audience: 'a' }, t.cache, t.nowMs())).toEqual({ ok: false, reason: 'not valid yet (nbf)' });
  });
});

describe('the push config', () => {
  const accounts = 'accounts:\n  - { id: a, name: Ann Rep, email: ann@rep.example, timeZone: America/New_York, provider: google, google: {} }\n';
  it('takes an audience, a service account and a JWKS URL, and refuses a service account without an audience', () => {
    const push = parseConfig(`push: { gmailAudience: https://f.example/push/google/gmail, gmailServiceAccount: p@x.iam.gserviceaccount.com, gmailJwksUrl: "http://127.0.0.1:8085/oauth2/v3/certs" }\n${accounts}`, '/virtual/followup.yaml', {}).push;
    expect(push).toMatchObject({ gmailAudience: 'https://f.example/push/google/gmail', gmailServiceAccount: 'p@x.iam.gserviceaccount.com', gmailJwksUrl: 'http://127.0.0.1:8085/oauth2/v3/certs' });
    expect(() => parseConfig(`push: { gmailServiceAccount: p@x.iam.gserviceaccount.com }\n${accounts}`, '/virtual/followup.yaml', {})).toThrow(/gmailServiceAccount needs gmailAudience/);
  });
});
