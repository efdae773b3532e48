import { isPushKey } from './push.js';
import { isProviderError } from '../ports/errors.js';
import type { AccountStatusStore, CursorState, CursorStore, EventStore } from '../ports/store.js';
import type { AccountRuntime, CursorCache, TickSummary, WorkerContext } from './context.js';
import { decideOnError, describeError, markDisconnected } from './error-policy.js';

const DAY_MS = 86_400_000;
/** The cursor key of an account's mailbox reads. */
export const MAILBOX_CURSOR = 'mailbox';

export function syncWindow(ctx: Pick<WorkerContext, 'now' | 'sync'>) {
  return {
    start: new Date(ctx.now.getTime() - ctx.sync.pastDays * DAY_MS),
    end: new Date(ctx.now.getTime() + ctx.sync.futureDays * DAY_MS),
  };
}

/** Returned by a cursor's `work` that read nothing it keeps: the cursor is left as it was (not saved). */
export const KEEP_CURSOR: unique symbol = Symbol('keep the cursor');

/**
 * Runs `work` for one cursor key, recording success, errors and not-before times so a
 * calendar that stops syncing is visible (never a silent "healthy but stale").
 */
export async function withCursor(
  ctx: WorkerContext<CursorStore & AccountStatusStore>,
  rt: AccountRuntime,
  key: string,
  summary: TickSummary,
  work: (state: CursorState | null) => Promise<string | typeof KEEP_CURSOR>,
): Promise<boolean> {
  const { store, now } = ctx;
  const state = await readCursor(ctx, rt.account.id, key);
  const base: CursorState = state ?? {
    accountId: rt.account.id,
    key,
    cursor: null,
    lastSuccessAt: null,
    lastAttemptAt: null,
    lastError: null,
    notBefore: null,
  };
  if (base.notBefore && base.notBefore > now) {
    summary.alerts.push(`${rt.account.id} ${key}: waiting until ${base.notBefore.toISOString()} (provider rate limit).`);
    return false;
  }
  try {
    const cursor = await work(state);
    if (cursor === KEEP_CURSOR) return false;
    await saveCursor(ctx, { ...base, cursor, lastSuccessAt: now, lastAttemptAt: now, lastError: null, notBefore: null });
    return true;
  } catch (err) {
    const action = decideOnError(err);
    const message = describeError(err);
    ctx.logger.warn({ account: rt.account.id, key, code: isProviderError(err) ? err.code : 'UNKNOWN' }, 'sync failed');
    const notBefore = action.kind === 'retry_later' ? new Date(now.getTime() + action.afterMs) : null;
    await saveCursor(ctx, { ...base, lastAttemptAt: now, lastError: message, notBefore });
    if (action.kind === 'disconnect') {
      await markDisconnected(store, rt, summary, message);
    } else {
      summary.problems.push({ where: `${rt.account.id} ${key}`, message });
    }
    return false;
  }
}

/** A cursor, from the job's cache when it has one (all the account's cursors in one query). */
async function readCursor(ctx: WorkerContext<CursorStore>, accountId: string, key: string): Promise<CursorState | null> {
  const cache = ctx.cursorCache;
  if (!cache || cache.accountId !== accountId) return ctx.store.getCursor(accountId, key);
  const held = cache.deferred?.get(key);
  if (held) return held;
  cache.rows ??= new Map((await ctx.store.listCursors(accountId)).map((c) => [c.key, c]));
  return cache.rows.get(key) ?? null;
}

async function saveCursor(ctx: WorkerContext<CursorStore>, state: CursorState): Promise<void> {
  const cache = ctx.cursorCache?.accountId === state.accountId ? ctx.cursorCache : undefined;
  if (cache?.deferred) {
    cache.deferred.set(state.key, state);
    cache.rows?.set(state.key, state);
    return;
  }
  await ctx.store.saveCursor(state);
  cache?.rows?.set(state.key, state);
}

/** Writes the saves a job's cursor cache held back (CursorCache.deferred), in one statement. */
export async function flushCursors(store: CursorStore, cache: CursorCache | undefined): Promise<void> {
  if (!cache?.deferred?.size) return;
  const states = [...cache.deferred.values()];
  cache.deferred.clear();
  await store.saveCursors(states);
}

export { GENERIC_RECONNECT, reconnectHint } from './error-policy.js';

/** Calendar sync with full-resync-and-reconcile on an expired cursor. */
export async function syncCalendar(ctx: WorkerContext<CursorStore & AccountStatusStore & EventStore>, rt: AccountRuntime, summary: TickSummary): Promise<void> {
  const cal = rt.providers?.calendar;
  if (!cal) return;
  const window = syncWindow(ctx);
  await withCursor(ctx, rt, `calendar:${cal.calendarId}`, summary, async (state) => {
    let result;
    try {
      if (!state?.cursor) ctx.progress?.(`${rt.account.id}: first sync of calendar ${cal.calendarId}...`);
      result = await cal.sync({ cursor: state?.cursor ?? null, window, onProgress: (n) => ctx.progress?.(`${rt.account.id}: ${n} events read`) });
    } catch (err) {
      if (!(isProviderError(err) && err.code === 'CURSOR_EXPIRED')) throw err;
      ctx.logger.info({ account: rt.account.id, calendar: cal.calendarId }, 'sync cursor expired; running a full sync');
      summary.alerts.push(`${rt.account.id}: calendar sync token expired; ran a full resync.`);
      result = await cal.sync({ cursor: null, window });
    }
    await ctx.store.upsertEvents(rt.account.id, result.upserted);
    let deleted = result.deletedIds.length;
    if (result.deletedIds.length > 0) await ctx.store.deleteEvents(cal.calendarId, result.deletedIds);
    if (result.full) {
      // Reconcile: events we hold in the window that the full sync no longer returned are gone.
      const seen = new Set(result.upserted.map((e) => e.id));
      const gone = (await ctx.store.listEventIds(cal.calendarId, window)).filter((id) => !seen.has(id));
      if (gone.length > 0) await ctx.store.deleteEvents(cal.calendarId, gone);
      deleted += gone.length;
    }
    summary.problems.push(...result.problems);
    summary.synced.push({ accountId: rt.account.id, calendar: cal.calendarId, upserted: result.upserted.length, deleted, full: result.full });
    return result.cursor;
  });
}

/** Alerts for calendars and mailboxes that have not synced for longer than expected. */
export async function checkStaleness(ctx: WorkerContext<CursorStore>, summary: TickSummary): Promise<void> {
  const limitMs = ctx.sync.staleAfterMinutes * 60_000;
  for (const c of await ctx.store.listCursors()) {
    if (isPushKey(c.key)) continue;
    const last = c.lastSuccessAt?.getTime() ?? null;
    if (last === null && c.lastAttemptAt) {
      summary.alerts.push(`${c.accountId} ${c.key}: has never synced successfully (${c.lastError ?? 'no error recorded'}).`);
      summary.attention.push({ accountId: c.accountId, reason: `${c.key} has never synced` });
    } else if (last !== null && ctx.now.getTime() - last > limitMs) {
      const mins = Math.round((ctx.now.getTime() - last) / 60_000);
      summary.alerts.push(`${c.accountId} ${c.key}: last successful sync ${mins} minutes ago${c.lastError ? ` (${c.lastError})` : ''}.`);
      summary.attention.push({ accountId: c.accountId, reason: `${c.key} is stale` });
    }
  }
}
