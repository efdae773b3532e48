import type { PushSubscription } from '../ports/providers.js';
import type { CursorStore } from '../ports/store.js';
import type { AccountRuntime, WorkerContext } from './context.js';

/**
 * Push subscriptions kept alive from the account's pass, and the "sync soon" mark a notification
 * leaves (SQLite; on PostgreSQL the notification enqueues the account's sync job instead). Both
 * live in the cursors table under their own keys: no migration.
 */
/** Push bookkeeping, not a calendar or a mailbox: left out of staleness, sync-lag and the sync list. */
export const isPushKey = (key: string): boolean => key.startsWith('push:');
export const PUSH_STATE_KEY = 'push:subscriptions';
export const PUSH_PENDING_KEY = 'push:pending';
/** Renew when less than half of Outlook's 7-day lifetime is left. */
const RENEW_AHEAD_MS = 3.5 * 24 * 3600_000;

export interface PushSettings {
  /** `${publicUrl}/push/microsoft?account=<id>` or `${publicUrl}/push/google/calendar?account=<id>`. */
  notificationUrl(accountId: string, provider: string): string;
  clientState(accountId: string): string;
  safetyPollMinutes: number;
}

export async function readPushState(store: CursorStore, accountId: string): Promise<PushSubscription[]> {
  const c = await store.getCursor(accountId, PUSH_STATE_KEY);
  if (!c?.cursor) return [];
  return parsePushState(c.cursor);
}

type StoredSubscription = { resource: string; id: string; expiresAt: string; resourceId?: string };

function parsePushState(text: string | null): PushSubscription[] {
  if (!text) return [];
  try {
    return (JSON.parse(text) as StoredSubscription[]).map((s) => ({ resource: s.resource, id: s.id, expiresAt: new Date(s.expiresAt), ...(s.resourceId ? { resourceId: s.resourceId } : {}) }));
  } catch {
    return [];
  }
}

export function serializePushState(subs: PushSubscription[]): string {
  return JSON.stringify(subs.map((s): StoredSubscription => ({ resource: s.resource, id: s.id, expiresAt: s.expiresAt.toISOString(), ...(s.resourceId ? { resourceId: s.resourceId } : {}) })));
}

/** Creates or renews the account's subscriptions; a failure is the step's problem, polling goes on. */
export async function ensurePush(ctx: WorkerContext<CursorStore & object>, rt: AccountRuntime): Promise<void> {
  const push = ctx.push;
  const subscriber = rt.providers?.push;
  if (!push || !subscriber) return;
  const accountId = rt.account.id;
  const existing = await readPushState(ctx.store, accountId);
  const attemptAt = ctx.now;
  try {
    const subs = await subscriber.ensure({
      notificationUrl: push.notificationUrl(accountId, rt.account.provider),
      clientState: push.clientState(accountId),
      existing,
      renewBefore: new Date(ctx.now.getTime() + RENEW_AHEAD_MS),
      now: ctx.now,
    });
    await ctx.store.saveCursor({
      accountId,
      key: PUSH_STATE_KEY,
      cursor: serializePushState(subs),
      lastSuccessAt: attemptAt,
      lastAttemptAt: attemptAt,
      lastError: null,
      notBefore: null,
    });
  } catch (err) {
    await ctx.store.saveCursor({ accountId, key: PUSH_STATE_KEY, cursor: existing.length ? serializePushState(existing) : null, lastSuccessAt: null, lastAttemptAt: attemptAt, lastError: (err as Error).message, notBefore: null });
    throw err;
  }
}

/** A notification arrived for this account: sync it soon (the in-process loop's mark). */
export async function markSyncSoon(store: CursorStore, accountId: string, at: Date, reason: string): Promise<void> {
  await store.saveCursor({ accountId, key: PUSH_PENDING_KEY, cursor: reason, lastSuccessAt: null, lastAttemptAt: at, lastError: null, notBefore: at });
}

export const PUSH_POLLED_KEY = 'push:polled';

/**
 * With live subscriptions, an account's provider sync runs only when a notification asked for it
 * or the safety poll is due (push.safetyPollMinutes since the last sync); otherwise every pass.
 */
export async function providerSyncDue(ctx: WorkerContext<CursorStore & object>, rt: AccountRuntime): Promise<boolean> {
  if (!ctx.push || !rt.providers?.push || rt.providers.push.partial) return true;
  const id = rt.account.id;
  const subs = await readPushState(ctx.store, id);
  if (subs.length === 0 || subs.some((s) => s.expiresAt <= ctx.now)) return true;
  const pending = await ctx.store.getCursor(id, PUSH_PENDING_KEY);
  if (pending?.notBefore) return true;
  const polled = await ctx.store.getCursor(id, PUSH_POLLED_KEY);
  const last = polled?.lastSuccessAt;
  return !last || ctx.now.getTime() - last.getTime() >= ctx.push.safetyPollMinutes * 60_000;
}

/** After a provider sync that started at `startedAt`: the poll clock restarts and marks older than it are done. */
export async function noteProviderSynced(ctx: WorkerContext<CursorStore & object>, accountId: string, startedAt: Date): Promise<void> {
  if (!ctx.push) return;
  await ctx.store.saveCursor({ accountId, key: PUSH_POLLED_KEY, cursor: null, lastSuccessAt: ctx.now, lastAttemptAt: ctx.now, lastError: null, notBefore: null });
  const pending = await ctx.store.getCursor(accountId, PUSH_PENDING_KEY);
  if (pending?.notBefore && pending.lastAttemptAt && pending.lastAttemptAt <= startedAt) await ctx.store.saveCursor({ ...pending, notBefore: null });
}

/** Accounts with a "sync soon" mark (the in-process loop of `serve` on SQLite runs their pass). */
export async function accountsMarkedSyncSoon(store: CursorStore, accountIds: string[]): Promise<string[]> {
  const due: string[] = [];
  for (const id of accountIds) if ((await store.getCursor(id, PUSH_PENDING_KEY))?.notBefore) due.push(id);
  return due;
}

export interface PushStatus {
  subscriptions: PushSubscription[];
  lastError: string | null;
  /** A notification asked for a sync that has not run yet. */
  syncRequestedAt: Date | null;
  lastProviderSyncAt: Date | null;
}

/** The push state among an account's cursors (for `followup accounts`); null when it never subscribed. */
export function pushStatus(cursors: { key: string; cursor: string | null; lastError: string | null; lastSuccessAt: Date | null; lastAttemptAt: Date | null; notBefore: Date | null }[], _now: Date): PushStatus | null {
  const state = cursors.find((c) => c.key === PUSH_STATE_KEY);
  if (!state) return null;
  const subscriptions = parsePushState(state.cursor);
  const pending = cursors.find((c) => c.key === PUSH_PENDING_KEY);
  return {
    subscriptions,
    lastError: state.lastError,
    syncRequestedAt: pending?.notBefore ? (pending.lastAttemptAt ?? pending.notBefore) : null,
    lastProviderSyncAt: cursors.find((c) => c.key === PUSH_POLLED_KEY)?.lastSuccessAt ?? null,
  };
}
