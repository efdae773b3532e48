import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../src/http/app.js';
import { ProviderError } from '../../src/ports/errors.js';
import { signInLink } from '../../src/security/tokens.js';
import { Browser, makeWorkspace, NOW, SECRET, type Workspace } from '../web/workspace.js';

/** Minimal Prometheus text-format reader: every line a comment or `name{labels} value`; throws otherwise. */
function parsePrometheus(text: string): { types: Map<string, string>; samples: { name: string; labels: Record<string, string>; value: number }[] } {
  const types = new Map<string, string>();
  const samples: { name: string; labels: Record<string, string>; value: number }[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) {
      types.set(type[1]!, type[2]!);
      continue;
    }
    if (/^# HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*$/.test(line)) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (-?[0-9.e+-]+|NaN|\+Inf|-Inf)$/.exec(line);
    if (!m) throw new Error(`not Prometheus text: ${JSON.stringify(line)}`);
    const labels: Record<string, string> = {};
    for (const l of (m[3] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]!] = l[2]!;
    samples.push({ name: m[1]!, labels, value: Number(m[4]) });
  }
  return { types, samples };
}

describe('operations endpoints', () => {
  let ws: Workspace;
  let app: ReturnType<typeof createHttpApp>;
  const env = { FOLLOWUP_METRICS_TOKEN: 'metrics-token-0123456789abcdef', CRON_SECRET: 'cron-secret-0123456789abcdef' };

  beforeEach(async () => {
    ws = await makeWorkspace({ env });
    app = createHttpApp(ws.runtime, { secret: SECRET, now: () => NOW, baseUrl: 'http://127.0.0.1:8787' });
  });
  afterEach(async () => ws.close());

  it('/healthz answers while the store is down; /readyz reaches the store and says when it cannot', async () => {
    expect(await (await app.request('/readyz')).json()).toEqual({ ok: true, store: 'reachable' });
    await ws.runtime.store.close();
    expect((await app.request('/healthz')).status).toBe(200);
    const ready = await app.request('/readyz');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ok: false, store: 'unreachable' });
  });

  it('GET /tick runs one tick with Vercel Cron\'s bearer ($CRON_SECRET) and refuses others', async () => {
    expect((await app.request('/tick')).status).toBe(401);
    expect((await app.request('/tick', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const ok = await app.request('/tick', { headers: { authorization: `Bearer ${env.CRON_SECRET}` } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ skipped: null });
  });

  it('/metrics is Prometheus text with the named families, behind its bearer token', async () => {
    expect((await app.request('/metrics')).status).toBe(401);
    expect((await app.request('/metrics', { headers: { authorization: `Bearer ${env.CRON_SECRET}` } })).status).toBe(401);
    await app.request('/tick', { headers: { authorization: `Bearer ${env.CRON_SECRET}` } });
    new ProviderError({ code: 'RATE_LIMITED', message: 'slow down', where: 'test' });
    const res = await app.request('/metrics', { headers: { authorization: `Bearer ${env.FOLLOWUP_METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    const { types, samples } = parsePrometheus(await res.text());
    expect(Object.fromEntries([...types].filter(([n]) => n.startsWith('followup_') && !n.startsWith('followup_process_')))).toEqual({
      followup_ticks_total: 'counter',
      followup_tick_duration_seconds: 'histogram',
      followup_provider_errors_total: 'counter',
      followup_sync_lag_seconds: 'gauge',
      followup_emails: 'gauge',
      followup_bookings: 'gauge',
      followup_jobs_waiting: 'gauge',
    });
    const value = (name: string, labels: Record<string, string> = {}) => samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
    expect((value('followup_ticks_total', { result: 'done' }) ?? 0) + (value('followup_ticks_total', { result: 'problems' }) ?? 0)).toBeGreaterThanOrEqual(1);
    expect(value('followup_tick_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(value('followup_provider_errors_total', { code: 'RATE_LIMITED' })).toBeGreaterThanOrEqual(1);
    expect(value('followup_emails', { status: 'uncertain' })).toBe(0);
    // The gauges mirror the store's rows (the demo's tick booked Linda's proposed time and sent mail).
    const counts = await ws.runtime.store.statusCounts();
    expect(value('followup_emails', { status: 'sent' })).toBe(counts.outbox.sent ?? 0);
    expect(value('followup_bookings', { status: 'booked' })).toBe(counts.bookings.booked ?? 0);
    expect(counts.bookings.booked ?? 0).toBeGreaterThan(0);
    // The workspace's three drafts wait for their reps; the tick synced alex's calendar and mailbox.
    expect(value('followup_jobs_waiting', { kind: 'drafts' })).toBeGreaterThanOrEqual(3);
    const lag = samples.filter((s) => s.name === 'followup_sync_lag_seconds' && s.labels.account === 'alex');
    expect(lag.length).toBeGreaterThan(0);
  });

  it('/metrics and /tick are off (404, saying what to set) without their tokens', async () => {
    const off = await makeWorkspace({});
    try {
      const plain = createHttpApp(off.runtime, { secret: SECRET, now: () => NOW });
      const m = await plain.request('/metrics', { headers: { authorization: 'Bearer x' } });
      expect(m.status).toBe(404);
      expect(await m.text()).toContain('FOLLOWUP_METRICS_TOKEN');
      expect(await (await plain.request('/tick')).text()).toContain('CRON_SECRET');
    } finally {
      await off.close();
    }
  });

  it('/stats shows a rep their own outcomes and an admin the team\'s, with SVG charts and no script', async () => {
    const signIn = async (accountId: string) => {
      const b = new Browser((path, init) => app.request(path, init));
      const link = new URL(signInLink({ baseUrl: 'http://127.0.0.1:8787', secret: SECRET, accountId, now: NOW }).url).pathname;
      const confirm = await b.page(link);
      expect((await b.request(link, { method: 'POST', form: { csrf: confirm.csrf } })).status).toBe(303);
      return b;
    };
    const alex = await signIn('alex');
    const mine = await alex.page('/stats?rep=bea');
    expect(mine.res.status).toBe(200);
    expect(mine.html).toContain('Outcomes · Alex Morgan'); // a rep cannot pick another rep
    // Linda's missed call is alex's one meeting with a known outcome.
    expect(mine.html).toMatch(/No-show rate<\/dt><dd>100%/);
    expect((mine.html.match(/<svg[^>]*class="chart"/g) ?? []).length).toBe(5);
    expect(mine.html).not.toMatch(/<script|<style|style="/);
    expect(mine.res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const ada = await signIn('ada');
    const team = await ada.page('/stats');
    expect(team.html).toContain('Outcomes · the whole team');
    const bea = await ada.page('/stats?rep=bea&since=2025-01-01');
    expect(bea.html).toContain('Outcomes · Bea Quinn');
    expect(bea.html).toMatch(/No-show rate<\/dt><dd>none yet/);
  });
});
