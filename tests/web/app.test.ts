import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../src/http/app.js';
import { approveLink, onceKey, signInLink, signToken } from '../../src/security/tokens.js';
import { Browser, linkIn, makeWorkspace, NOW, SECRET, type Workspace } from './workspace.js';

const BASE = 'http://127.0.0.1:8787';

describe('approval pages (app.request against a real SQLite store)', () => {
  let ws: Workspace;
  let clock: Date;
  let app: ReturnType<typeof createHttpApp>;
  const env = { FOLLOWUP_TICK_TOKEN: 'tick-token-0123456789abcdef' };

  beforeEach(async () => {
    ws = await makeWorkspace({ env });
    clock = NOW;
    app = createHttpApp(ws.runtime, {
      secret: SECRET,
      now: () => clock,
      baseUrl: BASE,
      sendMail: async (m) => {
        ws.sent.push(m);
      },
    });
  });
  afterEach(async () => ws.close());

  const browser = (ip = '10.0.0.1') =>
    new Browser((path, init) => app.request(path, init, { incoming: { socket: { remoteAddress: ip } } }));
  const path = (url: string) => new URL(url).pathname;

  async function signIn(email = 'alex@northwind.example'): Promise<Browser> {
    const b = browser();
    const login = await b.page('/login');
    const res = await b.request('/login', { method: 'POST', form: { email, csrf: login.csrf } });
    expect(res.status).toBe(200);
    const mail = ws.sent.at(-1)!;
    expect(mail.email.to).toBe(email);
    const confirm = await b.page(path(linkIn(mail.email.text)));
    expect(confirm.html).toContain('Sign in as');
    const done = await b.request(path(linkIn(mail.email.text)), { method: 'POST', form: { csrf: confirm.csrf } });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/queue');
    return b;
  }

  it('sends anonymous visitors to the sign-in page and serves /healthz', async () => {
    const res = await app.request('/queue');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/login/);
    expect(await (await app.request('/healthz')).json()).toEqual({ ok: true });
  });

  it('signs in with a magic link: the session cookie is HttpOnly, SameSite=Lax, expiring; the queue shows only my drafts', async () => {
    const b = await signIn();
    const mail = ws.sent[0]!;
    expect(mail.accountId).toBe('alex');
    expect(mail.email.text).toContain('works once');
    const { html, res } = await b.page('/queue');
    expect(res.status).toBe(200);
    expect(html).toContain('Linda Park');
    expect(html).toContain('Priya Shah');
    expect(html).not.toContain('Bob');
    expect(html).toContain('never answered the invite');
    expect(html).toMatch(/your time/);
    expect(html).toMatch(/Priya's time/);
  });

  it('sets Secure on the session cookie only over HTTPS', async () => {
    const plain = await app.request('/login');
    const cookie = plain.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=\d+/);
    expect(cookie).not.toMatch(/Secure/);
    const https = await app.request('https://followup.example/login');
    expect(https.headers.getSetCookie()[0]).toMatch(/Secure/);
    const proxied = await app.request('/login', { headers: { 'x-forwarded-proto': 'https' } });
    expect(proxied.headers.getSetCookie()[0]).toMatch(/Secure/);
  });

  it('answers the same for unknown addresses and sends nothing', async () => {
    const b = browser();
    const { csrf } = await b.page('/login');
    const res = await b.request('/login', { method: 'POST', form: { email: 'stranger@evil.example', csrf } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('If stranger@evil.example belongs to a rep');
    expect(ws.sent).toHaveLength(0);
  });

  it('refuses a reused sign-in link', async () => {
    await signIn();
    const link = path(linkIn(ws.sent[0]!.email.text));
    const other = browser();
    const { csrf } = await other.page(link);
    const res = await other.request(link, { method: 'POST', form: { csrf } });
    expect(res.status).toBe(410);
    expect(await res.text()).toContain('already used');
    expect((await other.request('/queue')).status).toBe(303);
  });

  it('refuses a forged sign-in link (tampered claims, or another secret)', async () => {
    const good = signInLink({ baseUrl: BASE, secret: SECRET, accountId: 'alex', now: NOW }).url;
    const [body, sig] = path(good).slice('/login/'.length).split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString());
    const tampered = `${Buffer.from(JSON.stringify({ ...claims, acc: 'ada' })).toString('base64url')}.${sig}`;
    const b = browser();
    for (const token of [tampered, signToken('another-secret-0123456789abcdefghijklmnop', 'sign-in', claims), 'garbage', `${body}.`]) {
      const get = await b.request(`/login/${token}`);
      expect(get.status).toBe(400);
      expect(await get.text()).toContain('not valid');
      const { csrf } = await b.page('/login');
      const post = await b.request(`/login/${token}`, { method: 'POST', form: { csrf } });
      expect(post.status).toBe(400);
    }
    // An approve-link token is not a sign-in token.
    const approve = approveLink({ baseUrl: BASE, secret: SECRET, accountId: 'alex', draftId: ws.lindaDraft.id, now: NOW }).url;
    expect((await b.request(`/login/${approve.split('/a/')[1]}`)).status).toBe(400);
    expect((await b.request('/queue')).status).toBe(303);
  });

  it('refuses an expired sign-in link', async () => {
    const link = path(signInLink({ baseUrl: BASE, secret: SECRET, accountId: 'alex', now: NOW }).url);
    clock = new Date(NOW.getTime() + 16 * 60_000);
    const b = browser();
    const res = await b.request(link);
    expect(res.status).toBe(410);
    expect(await res.text()).toContain('expired');
  });

  it('refuses a POST without a CSRF token, or with another session\'s, with 403 and a plain message', async () => {
    const b = await signIn();
    const none = await b.request(`/drafts/${ws.lindaDraft.id}/approve`, { method: 'POST', form: {} });
    expect(none.status).toBe(403);
    const text = await none.text();
    expect(text).toContain('Refused');
    expect(text).toContain('CSRF');
    const other = browser();
    const { csrf: foreign } = await other.page('/login');
    const wrong = await b.request(`/drafts/${ws.lindaDraft.id}/approve`, { method: 'POST', form: { csrf: foreign } });
    expect(wrong.status).toBe(403);
    // And without the session cookie at all (a cross-site form post from a signed-out context).
    const bare = await app.request(`/drafts/${ws.lindaDraft.id}/approve`, { method: 'POST', body: new URLSearchParams({ csrf: foreign }) });
    expect(bare.status).toBe(403);
    expect((await ws.runtime.store.getDraft(ws.lindaDraft.id))!.status).toBe('pending');
    expect(await ws.runtime.store.listOutbox({})).toHaveLength(0);
  });

  it('refuses a state-changing request whose Origin (or Referer) is another site, even with a valid token and session', async () => {
    const b = await signIn();
    const { csrf } = await b.page('/queue');
    const foreign: Record<string, string>[] = [{ origin: 'https://evil.example' }, { origin: 'null' }, { referer: 'https://evil.example/page' }];
    for (const headers of foreign) {
      const res = await b.request(`/drafts/${ws.lindaDraft.id}/approve`, { method: 'POST', headers, form: { csrf } });
      expect(res.status).toBe(403);
      expect(await res.text()).toMatch(/another site .* nothing was changed/);
    }
    expect((await ws.runtime.store.getDraft(ws.lindaDraft.id))!.status).toBe('pending');
    // Its own origin (web.baseUrl's) goes through.
    const own = await b.request(`/drafts/${ws.lindaDraft.id}/approve`, { method: 'POST', headers: { origin: BASE }, form: { csrf } });
    expect(own.status).toBe(303);
    expect((await ws.runtime.store.getDraft(ws.lindaDraft.id))!.status).not.toBe('pending');
  });

  it("sessions are kept in the store: signing out ends a copied cookie on another replica; an admin ends a rep's sessions", async () => {
    const b = await signIn();
    // A second replica: another app over the same store.
    const replica = createHttpApp(ws.runtime, { secret: SECRET, now: () => clock, baseUrl: BASE, sendMail: async () => undefined });
    const copy = new Browser((p, init) => replica.request(p, init));
    copy.cookies = new Map(b.cookies);
    expect((await copy.request('/queue')).status).toBe(200);
    const { csrf } = await b.page('/queue');
    expect((await b.request('/logout', { method: 'POST', form: { csrf } })).status).toBe(303);
    const after = await copy.request('/queue');
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toBe('/login');

    const rep = await signIn();
    expect((await rep.request('/queue')).status).toBe(200);
    const notAdmin = await rep.request('/accounts/alex/sessions/end', { method: 'POST', form: { csrf: (await rep.page('/queue')).csrf } });
    expect(notAdmin.status).toBe(403);
    const admin = await signIn('ada@northwind.example');
    const ended = await admin.request('/accounts/alex/sessions/end', { method: 'POST', form: { csrf: (await admin.page('/queue')).csrf } });
    expect(ended.status).toBe(200);
    expect(await ended.text()).toMatch(/^Ended 1 session of alex/);
    expect((await rep.request('/queue')).headers.get('location')).toBe('/login');
    expect((await admin.request('/queue')).status).toBe(200);
  });

  it('sends HSTS only when the request arrived over HTTPS (directly or behind a proxy)', async () => {
    expect((await app.request('/login')).headers.get('strict-transport-security')).toBeNull();
    expect((await app.request('https://followup.example/login')).headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    expect((await app.request('/login', { headers: { 'x-forwarded-proto': 'https' } })).headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect((await app.request('/login', {}, { incoming: { socket: { encrypted: true } } })).headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  it("refuses another rep's draft and prospect (404), but lets an admin act", async () => {
    const b = await signIn();
    const { csrf } = await b.page('/queue');
    for (const action of ['approve', 'snooze', 'reject']) {
      const res = await b.request(`/drafts/${ws.bobDraft.id}/${action}`, { method: 'POST', form: { csrf, reason: 'x' } });
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('another rep');
    }
    const bulk = await b.request('/drafts/approve', { method: 'POST', form: { csrf, id: [ws.bobDraft.id] } });
    expect(bulk.status).toBe(404);
    expect((await b.request(`/prospects/${ws.bob.id}`)).status).toBe(404);
    expect((await ws.runtime.store.getDraft(ws.bobDraft.id))!.status).toBe('pending');

    ws.sent.length = 0;
    const admin = await signIn('ada@northwind.example');
    const page = await admin.page('/queue');
    expect(page.html).toContain('Bob &lt;b&gt;Bold&lt;/b&gt;');
    expect(page.html).toContain('for Bea Quinn');
    const res = await admin.request(`/drafts/${ws.bobDraft.id}/approve`, { method: 'POST', form: { csrf: page.csrf } });
    expect(res.status).toBe(303);
    const [item] = await ws.runtime.store.listOutbox({});
    expect(item!.from.email).toBe('bea@northwind.example');
    expect((await ws.runtime.store.getDraft(ws.bobDraft.id))!.approvedBy).toBe('ada@northwind.example');
  });

  it('renders a reply containing <script> as text, on the prospect page and the queue', async () => {
    const b = await signIn();
    const { html, res } = await b.page(`/prospects/${ws.linda.id}`);
    expect(res.status).toBe(200);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
    expect(html).toContain('Tuesday works.');
    expect(html).not.toContain('<script>x()');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('edits then approves: the outbox holds the edited text; the edit is recorded', async () => {
    const b = await signIn();
    const { csrf } = await b.page('/queue');
    const res = await b.request(`/drafts/${ws.priyaDraft.id}/edit`, {
      method: 'POST',
      form: { csrf, subject: 'The revised proposal, at last', text: 'Hi Priya,\r\n\r\nMy apologies: the revised proposal is attached.\r\n\r\nAlex', then: 'approve' },
    });
    expect(res.status).toBe(303);
    const draft = (await ws.runtime.store.getDraft(ws.priyaDraft.id))!;
    expect(draft.status).toBe('approved');
    expect(draft.editedBy).toBe('alex@northwind.example');
    const [item] = await ws.runtime.store.listOutbox({ prospectId: ws.priya.id });
    expect(item!.subject).toBe('The revised proposal, at last');
    expect(item!.text).toBe('Hi Priya,\n\nMy apologies: the revised proposal is attached.\n\nAlex');
    const attempts = await ws.runtime.store.listAttempts(ws.priya.id);
    expect(attempts.map((a) => a.outcome)).toEqual(expect.arrayContaining(['edited', 'approved']));
    const again = await b.request(`/drafts/${ws.priyaDraft.id}/approve`, { method: 'POST', form: { csrf } });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('not pending');
  });

  it('rejects with a reason (and refuses without one), snoozes, reschedules and approves several at once', async () => {
    const b = await signIn();
    const { csrf } = await b.page('/queue');
    const noReason = await b.request(`/drafts/${ws.lindaDraft.id}/reject`, { method: 'POST', form: { csrf, reason: ' ' } });
    expect(noReason.status).toBe(400);
    const snooze = await b.request(`/drafts/${ws.lindaDraft.id}/snooze`, { method: 'POST', form: { csrf } });
    expect(snooze.status).toBe(303);
    expect((await ws.runtime.store.getDraft(ws.lindaDraft.id))!.sendAt.getTime()).toBe(ws.lindaDraft.sendAt.getTime() + 86_400_000);
    const past = await b.request(`/drafts/${ws.lindaDraft.id}/reschedule`, { method: 'POST', form: { csrf, sendAt: '2025-03-10T09:00' } });
    expect(past.status).toBe(400);
    const later = await b.request(`/drafts/${ws.lindaDraft.id}/reschedule`, { method: 'POST', form: { csrf, sendAt: '2025-03-13T10:30' } });
    expect(later.status).toBe(303);
    expect((await ws.runtime.store.getDraft(ws.lindaDraft.id))!.sendAt.toISOString()).toBe('2025-03-13T14:30:00.000Z');
    const bulk = await b.request('/drafts/approve', { method: 'POST', form: { csrf, id: [ws.lindaDraft.id, ws.priyaDraft.id] } });
    expect(bulk.status).toBe(303);
    expect(bulk.headers.get('location')).toBe('/queue?done=approved&n=2');
    expect(await ws.runtime.store.listOutbox({})).toHaveLength(2);
    const page = await b.page('/queue?done=approved&n=2');
    expect(page.html).toContain('2 drafts approved');
    expect(page.html).toContain('Nothing to approve');
  });

  it('a send time set by hand outside the prospect\'s hours stands, and the page says so; a withdrawn draft shows why', async () => {
    const b = await signIn();
    const { csrf } = await b.page('/queue');
    // Saturday 15 Mar 2025, 2:00 AM in New York (the rep's zone and Linda's).
    const night = await b.request(`/drafts/${ws.lindaDraft.id}/reschedule`, { method: 'POST', form: { csrf, sendAt: '2025-03-15T02:00' } });
    expect(night.status).toBe(303);
    expect(night.headers.get('location')).toBe(`/queue?done=rescheduled-outside#d-${ws.lindaDraft.id}`);
    const saved = (await ws.runtime.store.getDraft(ws.lindaDraft.id))!;
    expect([saved.sendAt.toISOString(), saved.sendAtByRep]).toEqual(['2025-03-15T06:00:00.000Z', true]);
    const queue = await b.page('/queue?done=rescheduled-outside');
    expect(queue.html).toContain("outside the prospect&#39;s business hours; it stands because you set it");
    expect(queue.html).toContain('You set this time: Sat 15 Mar, 2:00 AM EDT is outside their business hours (next window: Mon 17 Mar, 9:00 AM EDT); it stands because you set it.');
    const inHours = await b.request(`/drafts/${ws.lindaDraft.id}/reschedule`, { method: 'POST', form: { csrf, sendAt: '2025-03-17T10:00' } });
    expect(inHours.headers.get('location')).toBe(`/queue?done=rescheduled#d-${ws.lindaDraft.id}`);

    await ws.runtime.store.withdrawDraft(ws.priyaDraft.id, { reason: 'Priya replied at Mon 10 Mar, 10:30 AM GMT; the follow-up was withdrawn. Answer in person.' });
    const { html } = await b.page(`/prospects/${ws.priya.id}`);
    expect(html).toContain('Withdrawn, not sent');
    expect(html).toContain('Priya replied at Mon 10 Mar, 10:30 AM GMT; the follow-up was withdrawn.');
  });

  it('rejects a draft with a reason kept on the timeline', async () => {
    const b = await signIn();
    const { csrf } = await b.page('/queue');
    const res = await b.request(`/drafts/${ws.lindaDraft.id}/reject`, { method: 'POST', form: { csrf, reason: 'I will call her instead' } });
    expect(res.status).toBe(303);
    const d = (await ws.runtime.store.getDraft(ws.lindaDraft.id))!;
    expect(d.status).toBe('rejected');
    expect(d.rejectedReason).toBe('I will call her instead');
    const { html } = await b.page(`/prospects/${ws.linda.id}`);
    expect(html).toContain('I will call her instead');
  });

  it('pauses and closes a prospect and marks a meeting', async () => {
    const b = await signIn();
    await ws.runtime.store.upsertMeeting({
      id: 'mt_test',
      accountId: 'alex',
      prospectId: ws.linda.id,
      eventId: 'ev1',
      calendarId: 'demo',
      title: 'Intro <call>',
      start: new Date(NOW.getTime() - 3 * 3_600_000),
      end: new Date(NOW.getTime() - 2.5 * 3_600_000),
      outcome: 'unknown',
      prospectResponse: 'needs_action',
      evidence: [],
      conference: null,
      categories: [],
    });
    const { csrf, html } = await b.page(`/prospects/${ws.linda.id}`);
    expect(html).toContain('Intro &lt;call&gt;');
    const mark = await b.request('/meetings/mt_test/mark', { method: 'POST', form: { csrf, outcome: 'missed' } });
    expect(mark.status).toBe(303);
    expect((await ws.runtime.store.getMeeting('mt_test'))!.outcome).toBe('missed');
    const pause = await b.request(`/prospects/${ws.linda.id}/status`, { method: 'POST', form: { csrf, action: 'pause', until: '2025-03-25', reason: 'on holiday' } });
    expect(pause.status).toBe(303);
    const paused = (await ws.runtime.store.getProspect(ws.linda.id))!;
    expect(paused.status).toBe('paused');
    expect(paused.pausedUntil!.toISOString()).toBe('2025-03-25T04:00:00.000Z');
    const close = await b.request(`/prospects/${ws.priya.id}/status`, { method: 'POST', form: { csrf, action: 'close', reason: 'went with a competitor' } });
    expect(close.status).toBe(303);
    expect((await ws.runtime.store.getProspect(ws.priya.id))!.status).toBe('closed');
    expect((await ws.runtime.store.getDraft(ws.priyaDraft.id))!.status).toBe('cancelled');
    const page = await b.page(`/prospects/${ws.linda.id}?done=paused`);
    expect(page.html).toContain('marked missed');
    expect(page.html).toContain('on holiday');
  });

  it('shows each account\'s sync state with what to do', async () => {
    await ws.runtime.store.saveCursor({ accountId: 'alex', key: 'calendar:demo', cursor: 'c1', lastSuccessAt: new Date(NOW.getTime() - 10 * 60_000), lastAttemptAt: NOW, lastError: null, notBefore: null });
    await ws.runtime.store.saveCursor({ accountId: 'alex', key: 'mailbox', cursor: 'm1', lastSuccessAt: new Date(NOW.getTime() - 5 * 3_600_000), lastAttemptAt: NOW, lastError: 'Maildir ./mail/inbox is missing', notBefore: null });
    const b = await signIn();
    const { html } = await b.page('/accounts');
    expect(html).toContain('Calendar (demo)');
    expect(html).toContain('Maildir ./mail/inbox is missing');
    expect(html).toContain('What to do:');
    expect(html).not.toContain('Bea Quinn');
  });

  it('rate-limits sign-in requests per address and per IP', async () => {
    const b = browser('10.9.9.9');
    const { csrf } = await b.page('/login');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await b.request('/login', { method: 'POST', form: { email: 'alex@northwind.example', csrf } })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(ws.sent).toHaveLength(3);
    const c = browser('10.8.8.8');
    const page = await c.page('/login');
    const perIp: number[] = [];
    for (let i = 0; i < 11; i++) perIp.push((await c.request('/login', { method: 'POST', form: { email: `nobody${i}@x.example`, csrf: page.csrf } })).status);
    expect(perIp.at(-1)).toBe(429);
    const limited = await c.request('/login', { method: 'POST', form: { email: 'bea@northwind.example', csrf: page.csrf } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('shares the sign-in limit between replicas on the same store, and lifts it when the window ends', async () => {
    // A second server (another replica, or another serverless instance) on the same database.
    const replica = createHttpApp(ws.runtime, { secret: SECRET, now: () => clock, baseUrl: BASE, sendMail: async (m) => void ws.sent.push(m) });
    const on = (target: typeof app) => new Browser((p, init) => target.request(p, init, { incoming: { socket: { remoteAddress: '10.7.7.7' } } }));
    const statuses: number[] = [];
    for (const target of [app, replica, app, replica]) {
      const b = on(target);
      const { csrf } = await b.page('/login');
      statuses.push((await b.request('/login', { method: 'POST', form: { email: 'alex@northwind.example', csrf } })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    clock = new Date(NOW.getTime() + 15 * 60_000);
    const later = on(replica);
    const { csrf } = await later.page('/login');
    expect((await later.request('/login', { method: 'POST', form: { email: 'alex@northwind.example', csrf } })).status).toBe(200);
    expect(ws.sent).toHaveLength(4);
  });

  describe('digest approve links', () => {
    const link = (draftId: string, now = NOW, accountId = 'alex') => path(approveLink({ baseUrl: BASE, secret: SECRET, accountId, draftId, now }).url);

    it('GET shows a confirm page and approves nothing; the POST approves; a reused link is refused', async () => {
      const b = browser();
      const url = link(ws.lindaDraft.id);
      const get = await b.page(url);
      expect(get.res.status).toBe(200);
      expect(get.html).toContain('Approve and send');
      expect((await ws.runtime.store.getDraft(ws.lindaDraft.id))!.status).toBe('pending');
      const post = await b.request(url, { method: 'POST', form: { csrf: get.csrf } });
      expect(post.status).toBe(200);
      expect(await post.text()).toContain('Approved');
      expect((await ws.runtime.store.getDraft(ws.lindaDraft.id))!.status).toBe('approved');
      expect(await ws.runtime.store.listOutbox({})).toHaveLength(1);

      // A second link for a draft that is no longer pending, and the same link again.
      const reused = await b.request(url, { method: 'POST', form: { csrf: get.csrf } });
      expect(reused.status).toBe(409);
      expect(await reused.text()).toContain('already approved');
    });

    it('refuses a link whose single use was spent by a concurrent request', async () => {
      const b = browser();
      const url = link(ws.priyaDraft.id);
      const { csrf } = await b.page(url);
      const claims = JSON.parse(Buffer.from(url.slice('/a/'.length).split('.')[0]!, 'base64url').toString()) as { n: string };
      expect(await ws.runtime.store.consumeOnce(onceKey('approve', claims.n), new Date(NOW.getTime() + 3_600_000))).toBe(true);
      const res = await b.request(url, { method: 'POST', form: { csrf } });
      expect(res.status).toBe(410);
      expect(await res.text()).toContain('already used');
      expect((await ws.runtime.store.getDraft(ws.priyaDraft.id))!.status).toBe('pending');
    });

    it('refuses forged, expired, cross-rep and CSRF-less approve links', async () => {
      const b = browser();
      const good = link(ws.lindaDraft.id);
      const forged = good.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
      expect((await b.request(forged)).status).toBe(400);
      const { csrf } = await b.page('/login');
      expect((await b.request(forged, { method: 'POST', form: { csrf } })).status).toBe(400);
      const old = link(ws.lindaDraft.id, new Date(NOW.getTime() - 49 * 3_600_000));
      const expired = await b.request(old);
      expect(expired.status).toBe(410);
      expect(await expired.text()).toContain('expired');
      // Signed for alex, but the draft is bea's.
      const cross = link(ws.bobDraft.id);
      expect((await b.request(cross)).status).toBe(400);
      expect((await b.request(cross, { method: 'POST', form: { csrf } })).status).toBe(400);
      const noCsrf = await b.request(good, { method: 'POST', form: {} });
      expect(noCsrf.status).toBe(403);
      expect((await ws.runtime.store.getDraft(ws.lindaDraft.id))!.status).toBe('pending');
      expect((await ws.runtime.store.getDraft(ws.bobDraft.id))!.status).toBe('pending');
    });
  });

  it('guards POST /tick with the bearer token', async () => {
    expect((await app.request('/tick', { method: 'POST' })).status).toBe(401);
    expect((await app.request('/tick', { method: 'POST', headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    const ok = await app.request('/tick', { method: 'POST', headers: { authorization: `Bearer ${env.FOLLOWUP_TICK_TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toHaveProperty('drafted');
  });

  it('turns POST /tick off when FOLLOWUP_TICK_TOKEN is not set', async () => {
    const other = await makeWorkspace();
    try {
      const off = createHttpApp(other.runtime, { secret: SECRET });
      const res = await off.request('/tick', { method: 'POST', headers: { authorization: 'Bearer x' } });
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('FOLLOWUP_TICK_TOKEN');
    } finally {
      await other.close();
    }
  });

  it('signs out', async () => {
    const b = await signIn();
    const { csrf } = await b.page('/queue');
    const out = await b.request('/logout', { method: 'POST', form: { csrf } });
    expect(out.status).toBe(303);
    expect((await b.request('/queue')).status).toBe(303);
  });
});
