import { fail, GRAPH_PREFIX, graphError, HttpFailure, json, parsePrefer } from './graph-http.js';
import type { RouterOptions } from './graph-faults.js';
import { newId, type DeltaRound, type GraphState, type JsonObject, type Mailbox, type SyncState } from './state.js';

/** Delta queries (calendarView/delta, messages/delta): pages with nextLink, then a deltaLink; expired states. */

export interface GraphContext {
  state: GraphState;
  options: RouterOptions;
}

const SYNC_STATE_GONE = 'The sync state generation is not found. The delta request must be synchronized again.';

export function deltaPage(ctx: GraphContext, request: Request, url: URL, round: DeltaRound, render: (id: string) => JsonObject | null): Response {
  const size = parsePrefer(request).maxPageSize ?? ctx.options.defaultPageSize;
  const page = round.remaining.splice(0, Math.max(1, size));
  const value: JsonObject[] = [];
  for (const item of page) {
    if (item.removed) value.push({ id: item.id, '@removed': { reason: 'deleted' } });
    else {
      const rendered = render(item.id);
      value.push(rendered ?? { id: item.id, '@removed': { reason: 'deleted' } });
    }
  }
  const path = round.state.kind === 'calendarView' ? 'calendarView/delta' : `mailFolders/${round.state.folder}/messages/delta`;
  const base = `${url.origin}${GRAPH_PREFIX}${round.state.prefix}/${path}`;
  const body: JsonObject = { '@odata.context': `${url.origin}${GRAPH_PREFIX}/$metadata#Collection(${round.state.kind === 'calendarView' ? 'event' : 'message'})`, value };
  if (round.remaining.length > 0) {
    const skip = newId('', 18);
    ctx.state.rounds.set(skip, round);
    body['@odata.nextLink'] = `${base}?$skiptoken=${skip}`;
  } else {
    const token = newId('', 18);
    ctx.state.syncStates.set(token, { ...round.state, sinceSeq: round.endSeq, expired: false });
    body['@odata.deltaLink'] = `${base}?$deltatoken=${token}`;
  }
  return json(200, body);
}

/** Looks up the round or sync state named by $skiptoken/$deltatoken; null for an initial call. */
export function continueRound(ctx: GraphContext, url: URL, mailbox: Mailbox, initialLocation: string): DeltaRound | null {
  const skip = url.searchParams.get('$skiptoken');
  const delta = url.searchParams.get('$deltatoken');
  if (skip) {
    const round = ctx.state.rounds.get(skip);
    if (!round || round.state.mailboxId !== mailbox.id) return fail(400, 'syncStateNotFound', SYNC_STATE_GONE);
    ctx.state.rounds.delete(skip);
    checkExpired(round.state, initialLocation);
    return round;
  }
  if (delta) {
    const state = ctx.state.syncStates.get(delta);
    if (!state || state.mailboxId !== mailbox.id) return fail(410, 'syncStateNotFound', SYNC_STATE_GONE);
    checkExpired(state, initialLocation);
    return { state, remaining: [], endSeq: mailbox.seq };
  }
  return null;
}

function checkExpired(state: SyncState, initialLocation: string): void {
  if (state.expired === '410') {
    throw new HttpFailure(graphError(410, 'syncStateNotFound', SYNC_STATE_GONE, { Location: initialLocation }));
  }
  if (state.expired === 'syncStateNotFound') fail(400, 'syncStateNotFound', SYNC_STATE_GONE);
  if (state.expired === 'resyncRequired') fail(400, 'resyncRequired', 'The delta token is no longer valid. The client must resynchronize.');
}

/** The items of a delta round, in change order: changed since the state's sequence number and in
 *  scope, or (for an incremental round only) out of scope now: removed. */
export function changedSince<T extends { id: string; changedSeq: number }>(items: Iterable<T>, sinceSeq: number, inScope: (item: T) => boolean | 'skip'): DeltaRound['remaining'] {
  const remaining: DeltaRound['remaining'] = [];
  for (const item of [...items].sort((x, y) => x.changedSeq - y.changedSeq)) {
    if (item.changedSeq <= sinceSeq) continue;
    const scope = inScope(item);
    if (scope === 'skip') continue;
    if (scope) remaining.push({ id: item.id, removed: false });
    // Removals (deleted, or moved out of scope) are only news for an incremental round.
    else if (sinceSeq > 0) remaining.push({ id: item.id, removed: true });
  }
  return remaining;
}
