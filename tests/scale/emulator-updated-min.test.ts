/**
 * The Google emulator honours events.list `updatedMin` as Google does (entries modified since then,
 * deleted ones included whatever showDeleted says), so bench:scale's n8n-style poller is fair.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { serveGoogleEmulator, type ServedGoogleEmulator } from '../../src/emulators/google/index.js';

const REP = 'rep@followup.example';
const T0 = new Date('2026-11-23T10:00:00Z');
const clock = { now: T0 };
let served: ServedGoogleEmulator | null = null;

afterAll(async () => served?.close());

async function list(query: string): Promise<{ status: number; items: { id: string; status?: string }[] }> {
  const token = served!.emulator.control.issueAccessToken(REP);
  const res = await fetch(`${served!.rootUrl}calendar/v3/calendars/primary/events?${query}`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as { items?: { id: string; status?: string }[] };
  return { status: res.status, items: body.items ?? [] };
}

describe('Google emulator: events.list updatedMin', () => {
  it('returns what changed since then, deleted entries included; refuses it with a syncToken', async () => {
    served = await serveGoogleEmulator({ options: { now: () => clock.now, users: [{ email: REP }] } });
    const { control } = served.emulator;
    const slot = (h: number) => ({ start: { dateTime: `2026-11-25T${h}:00:00Z` }, end: { dateTime: `2026-11-25T${h}:30:00Z` } });
    const a = control.insertEvent(REP, { summary: 'A', ...slot(10) });
    clock.now = new Date(T0.getTime() + 60 * 60_000);
    const b = control.insertEvent(REP, { summary: 'B', ...slot(11) });

    const since = (minutes: number) => `updatedMin=${encodeURIComponent(new Date(T0.getTime() + minutes * 60_000).toISOString())}`;
    expect((await list(since(30))).items.map((e) => e.id)).toEqual([b.id]);
    expect((await list(since(-1))).items.map((e) => e.id).sort()).toEqual([a.id, b.id].sort());

    clock.now = new Date(T0.getTime() + 120 * 60_000);
    control.deleteEvent(REP, a.id);
    const afterDelete = await list(since(90));
    expect(afterDelete.items).toEqual([expect.objectContaining({ id: a.id, status: 'cancelled' })]);
    expect((await list(`${since(90)}&showDeleted=false`)).items.map((e) => e.id)).toEqual([a.id]);

    const full = await fetch(`${served.rootUrl}calendar/v3/calendars/primary/events`, { headers: { authorization: `Bearer ${control.issueAccessToken(REP)}` } });
    const { nextSyncToken } = (await full.json()) as { nextSyncToken: string };
    expect((await list(`syncToken=${encodeURIComponent(nextSyncToken)}&${since(0)}`)).status).toBe(400);
    expect((await list('updatedMin=yesterday')).status).toBe(400);
  });
});
