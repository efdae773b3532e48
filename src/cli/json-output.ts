import type { CursorState } from '../ports/store.js';
import { isPushKey, pushStatus } from '../worker/push.js';
import type { Runtime } from '../app/runtime.js';
import type { Attempt, Meeting } from '../domain/types.js';

/** `--json` output of the listing commands: plain objects, ISO instants, no email bodies. */
export function printJson(value: unknown): void {
  console.log(JSON.stringify(value, null, 2));
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function attemptJson(a: Attempt) {
  return { id: a.id, at: a.at.toISOString(), kind: a.kind, outcome: a.outcome ?? null, detail: a.detail, refId: a.refId ?? null, accountId: a.accountId };
}

export async function meetingsJson(rt: Runtime, list: Meeting[]) {
  const out = [];
  for (const m of [...list].sort((a, b) => a.start.getTime() - b.start.getTime())) {
    const p = await rt.store.getProspect(m.prospectId);
    out.push({
      id: m.id,
      accountId: m.accountId,
      prospectEmail: p?.email ?? null,
      title: m.title,
      start: m.start.toISOString(),
      end: m.end.toISOString(),
      outcome: m.outcome,
      prospectResponse: m.prospectResponse,
      markedBy: m.markedBy ?? null,
      evidence: m.evidence,
    });
  }
  return out;
}

export async function prospectsJson(rt: Runtime) {
  const out = [];
  for (const listed of rt.prospects) {
    const p = (await rt.store.getProspect(listed.id)) ?? listed;
    out.push({
      id: p.id,
      accountId: p.accountId,
      email: p.email,
      name: p.name,
      company: p.company ?? null,
      timeZone: p.timeZone,
      status: p.status,
      pausedUntil: iso(p.pausedUntil),
      statusReason: p.statusReason ?? null,
      nextStep: p.nextStep ? { what: p.nextStep.what, due: p.nextStep.due.toISOString() } : null,
    });
  }
  return out;
}

/** Every account's state for monitoring: status, each cursor's last success and its age. */
export async function accountsJson(rt: Runtime, now: Date) {
  const staleMs = rt.config.sync.staleAfterMinutes * 60_000;
  const out = [];
  for (const a of await rt.store.listAccounts()) {
    const all = await rt.store.listCursors(a.id);
    const push = pushJson(all, now);
    const cursors = all.filter((c) => !isPushKey(c.key)).map((c) => ({
      key: c.key,
      lastSuccessAt: iso(c.lastSuccessAt),
      minutesSinceSuccess: c.lastSuccessAt ? Math.round((now.getTime() - c.lastSuccessAt.getTime()) / 60_000) : null,
      stale: !c.lastSuccessAt || now.getTime() - c.lastSuccessAt.getTime() > staleMs,
      lastError: c.lastError ?? null,
    }));
    out.push({ id: a.id, email: a.email, provider: a.provider, status: a.status, statusDetail: a.statusDetail ?? null, stale: cursors.some((c) => c.stale), cursors, ...(push ? { push } : {}) });
  }
  return out;
}

/** The account's push state for --json: subscriptions (id, resource, expiry), last error, a sync asked for. */
function pushJson(cursors: CursorState[], now: Date) {
  const s = pushStatus(cursors, now);
  if (!s) return null;
  return {
    subscriptions: s.subscriptions.map((x) => ({ resource: x.resource, id: x.id, expiresAt: x.expiresAt.toISOString(), expired: x.expiresAt <= now })),
    lastError: s.lastError,
    syncRequestedAt: iso(s.syncRequestedAt),
    lastProviderSyncAt: iso(s.lastProviderSyncAt),
  };
}
