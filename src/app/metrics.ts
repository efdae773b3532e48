import { isPushKey } from '../worker/push.js';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { PROVIDER_ERROR_CODES, onProviderError } from '../ports/errors.js';
import type { AccountStore, CursorStore, OpsStore } from '../ports/store.js';
import type { TickSummary, WorkerContext } from '../worker/context.js';
import { runTick } from '../worker/tick.js';

/**
 * Prometheus metrics (prom-client), one registry per process. Counters (ticks, provider errors)
 * count what this process did since it started; gauges (sync lag, emails, bookings, waiting work)
 * are read from the store at each scrape, so every replica and a serverless instance report the
 * same totals. Served at GET /metrics behind FOLLOWUP_METRICS_TOKEN (src/http/routes/operations.ts).
 */
export const METRICS_TOKEN_ENV = 'FOLLOWUP_METRICS_TOKEN';

export interface FollowupMetrics {
  registry: Registry;
  ticks: Counter<'result'>;
  tickDuration: Histogram;
  providerErrors: Counter<'code'>;
  syncLag: Gauge<'account' | 'cursor'>;
  emails: Gauge<'status'>;
  bookings: Gauge<'status'>;
  jobsWaiting: Gauge<'kind'>;
}

let metrics: FollowupMetrics | null = null;

export function processMetrics(): FollowupMetrics {
  if (metrics) return metrics;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'followup_process_' });
  const m: FollowupMetrics = {
    registry,
    ticks: new Counter({ name: 'followup_ticks_total', help: 'Ticks run by this process, by result (done, problems, skipped: another run held the lease)', labelNames: ['result'], registers: [registry] }),
    tickDuration: new Histogram({ name: 'followup_tick_duration_seconds', help: 'How long a tick took', buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300], registers: [registry] }),
    providerErrors: new Counter({ name: 'followup_provider_errors_total', help: 'Errors from Google, Microsoft and the standard/local providers, by code', labelNames: ['code'], registers: [registry] }),
    syncLag: new Gauge({ name: 'followup_sync_lag_seconds', help: 'Seconds since the last successful sync, per account and cursor (calendar, mailbox); -1 never synced', labelNames: ['account', 'cursor'], registers: [registry] }),
    emails: new Gauge({ name: 'followup_emails', help: 'Emails in the outbox by status (sent, failed, uncertain, approved, sending, withdrawn)', labelNames: ['status'], registers: [registry] }),
    bookings: new Gauge({ name: 'followup_bookings', help: 'Bookings made from replies, by status (booked, pending, failed)', labelNames: ['status'], registers: [registry] }),
    jobsWaiting: new Gauge({ name: 'followup_jobs_waiting', help: 'Work waiting: outbox emails approved and not yet sent, drafts waiting for the rep, webhook events not yet delivered', labelNames: ['kind'], registers: [registry] }),
  };
  for (const code of PROVIDER_ERROR_CODES) m.providerErrors.inc({ code }, 0);
  for (const result of ['done', 'problems', 'skipped']) m.ticks.inc({ result }, 0);
  onProviderError((code) => m.providerErrors.inc({ code }));
  metrics = m;
  return m;
}

/** Records one tick's outcome and duration. */
export function observeTick(summary: TickSummary, seconds: number): void {
  const m = processMetrics();
  m.ticks.inc({ result: summary.skippedBecause ? 'skipped' : summary.problems.length > 0 ? 'problems' : 'done' });
  m.tickDuration.observe(seconds);
}

/** runTick, timed and counted: every entry point (serve, POST/GET /tick, Lambda) goes through it. */
export async function runObservedTick(ctx: WorkerContext): Promise<TickSummary> {
  const started = performance.now();
  const summary = await runTick(ctx);
  observeTick(summary, (performance.now() - started) / 1000);
  return summary;
}

/** The Prometheus text exposition, with the store-backed gauges read now. */
export async function metricsText(store: AccountStore & CursorStore & Pick<OpsStore, 'statusCounts'>, now: Date): Promise<string> {
  const m = processMetrics();
  m.syncLag.reset();
  for (const a of await store.listAccounts()) {
    for (const c of await store.listCursors(a.id)) {
      if (isPushKey(c.key)) continue;
      m.syncLag.set({ account: a.id, cursor: c.key }, c.lastSuccessAt ? Math.max(0, (now.getTime() - c.lastSuccessAt.getTime()) / 1000) : -1);
    }
  }
  const counts = await store.statusCounts();
  m.emails.reset();
  for (const status of ['sent', 'failed', 'uncertain']) m.emails.set({ status }, 0);
  for (const [status, n] of Object.entries(counts.outbox)) m.emails.set({ status }, n);
  m.bookings.reset();
  for (const status of ['booked', 'pending', 'failed']) m.bookings.set({ status }, 0);
  for (const [status, n] of Object.entries(counts.bookings)) m.bookings.set({ status }, n);
  m.jobsWaiting.set({ kind: 'outbox' }, (counts.outbox.approved ?? 0) + (counts.outbox.sending ?? 0));
  m.jobsWaiting.set({ kind: 'drafts' }, counts.drafts.pending ?? 0);
  m.jobsWaiting.set({ kind: 'webhooks' }, counts.webhooks.pending ?? 0);
  return m.registry.metrics();
}
