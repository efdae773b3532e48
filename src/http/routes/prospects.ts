import { Hono } from 'hono';
import { DateTime } from 'luxon';
import { stableId } from '../../domain/ids.js';
import type { Prospect } from '../../domain/types.js';
import type { PreventionStore, AccountStore, DraftStore, MeetingStore, MessageStore, OutboxStore, ProspectStore, TimelineStore } from '../../ports/store.js';
import type { GateStore } from '../../worker/gate.js';
import { markMeeting } from '../../worker/meetings.js';
import { prospectPage, prospectsPage } from '../pages.js';
import { preventCard } from '../prevent-pages.js';
import { badRequest, canSee, field, flashFor, notFound, render, requireRep, type AppEnv, type C, type WebContext } from '../web.js';

/** Marking a meeting held runs the send gate over the prospect's waiting drafts (its roles), in the rep's zone. */
type ProspectPagesStore = Pick<PreventionStore, 'listNextSteps'> & ProspectStore & DraftStore & TimelineStore & MessageStore & MeetingStore & OutboxStore & GateStore & Pick<AccountStore, 'getAccount'>;

/** The rep's prospects: the list, one prospect's page and timeline, pause/close/resume, and marking a meeting held or missed. */
export function prospectRoutes(web: WebContext<ProspectPagesStore>): Hono<AppEnv> {
  const { store, clock, reps, config } = web;
  const app = new Hono<AppEnv>();

  app.get('/prospects', requireRep, async (c) => {
    const viewer = c.var.rep!;
    const prospects = await store.listProspects(viewer.role === 'admin' ? undefined : viewer.id);
    const pending = await store.listDrafts({ status: 'pending', ...(viewer.role === 'admin' ? {} : { accountId: viewer.id }) });
    return render(c, prospectsPage({ viewer, csrf: c.var.csrf, prospects, pending, now: clock() }));
  });

  async function ownProspect(c: C, id: string): Promise<Prospect | Response> {
    const p = await store.getProspect(id);
    if (!p || !canSee(c.var.rep!, p.accountId)) return notFound(c, 'No such prospect among yours (it may belong to another rep).');
    return p;
  }

  app.get('/prospects/:id', requireRep, async (c) => {
    const p = await ownProspect(c, c.req.param('id'));
    if (p instanceof Response) return p;
    const [attempts, messages, meetings, drafts, outbox, nextSteps] = await Promise.all([
      store.listAttempts(p.id),
      store.listMessages(p.id),
      store.listMeetings({ prospectId: p.id }),
      store.listDrafts({ prospectId: p.id, status: ['pending', 'cancelled'] }),
      store.listOutbox({ prospectId: p.id }),
      store.listNextSteps(p.id),
    ]);
    const owner = reps.get(p.accountId) ?? c.var.rep!;
    return render(
      c,
      prospectPage({ viewer: c.var.rep!, owner, csrf: c.var.csrf, now: clock(), prospect: p, attempts, messages, meetings, drafts: drafts.filter((d) => d.status === 'pending'), withdrawn: drafts.filter((d) => d.status === 'cancelled'), outbox, flash: flashFor(c), prevent: preventCard({ prospect: p, csrf: c.var.csrf, zone: owner.timeZone, nextSteps }) }),
    );
  });

  app.post('/prospects/:id/status', requireRep, async (c) => {
    const p = await ownProspect(c, c.req.param('id'));
    if (p instanceof Response) return p;
    const viewer = c.var.rep!;
    const body = await c.req.parseBody();
    const action = field(body, 'action');
    const note = field(body, 'reason').trim();
    const now = clock();
    let until: Date | null = null;
    if (action === 'pause') {
      const day = DateTime.fromISO(field(body, 'until'), { zone: p.timeZone }).startOf('day');
      if (!day.isValid || day.toJSDate() <= now) return badRequest(c, 'Pick a day in the future to pause until.');
      until = day.toJSDate();
    } else if (action !== 'close' && action !== 'resume') {
      return badRequest(c, 'Choose pause, close or resume.');
    }
    const status = action === 'pause' ? 'paused' : action === 'close' ? 'closed' : 'open';
    const words = action === 'pause' ? `Paused by ${viewer.name} until ${until!.toISOString().slice(0, 10)}` : action === 'close' ? `Closed by ${viewer.name}` : `Resumed by ${viewer.name}`;
    const reason = note ? `${words}: ${note}` : words;
    await store.setProspectStatus(p.id, { status, pausedUntil: until, statusReason: action === 'resume' ? null : reason });
    if (status !== 'open') await store.cancelPendingDrafts(p.id, { reason: `prospect ${status} by the rep` });
    await store.addAttempt({
      id: stableId('at', 'status', p.id, status, now.toISOString()),
      prospectId: p.id,
      accountId: p.accountId,
      at: now,
      kind: 'status_change',
      outcome: status,
      detail: reason,
      refId: null,
    });
    return c.redirect(`/prospects/${encodeURIComponent(p.id)}?done=${action === 'pause' ? 'paused' : action === 'close' ? 'closed' : 'resumed'}`, 303);
  });

  app.post('/meetings/:id/mark', requireRep, async (c) => {
    const m = await store.getMeeting(c.req.param('id'));
    if (!m || !canSee(c.var.rep!, m.accountId)) return notFound(c, 'No such meeting among yours (it may belong to another rep).');
    const outcome = field(await c.req.parseBody(), 'outcome');
    if (outcome !== 'held' && outcome !== 'missed') return badRequest(c, 'Mark the meeting as held or missed.');
    await markMeeting({ store, now: clock(), policy: config.policy }, { meetingId: m.id, outcome, by: c.var.rep!.email });
    return c.redirect(`/prospects/${encodeURIComponent(m.prospectId)}?done=${outcome}`, 303);
  });

  return app;
}
