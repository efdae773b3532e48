import { Hono } from 'hono';
import { needsReplyOf } from '../../worker/prevent.js';
import { needsReplySection, type NeedsReplyRow } from '../prevent-pages.js';
import { DateTime } from 'luxon';
import { outsideBusinessHours } from '../../domain/send-gate.js';
import type { Draft, Prospect } from '../../domain/types.js';
import type { DraftStore, MessageStore, OutboxStore, ProspectStore, TimelineStore } from '../../ports/store.js';
import { ApprovalError, approveDraft, editDraft, rejectDraft } from '../../worker/drafts.js';
import { queuePage, type Rep } from '../pages.js';
import { messagePage, stamp } from '../views.js';
import { badRequest, canSee, field, fields, flashFor, notFound, render, requireRep, type AppEnv, type C, type WebContext } from '../web.js';

const DAY_MS = 86_400_000;

/** The queue and what a rep does to a draft: approve (one or several), edit, reject, snooze, reschedule. */
export function draftRoutes(web: WebContext<DraftStore & ProspectStore & TimelineStore & MessageStore & OutboxStore>): Hono<AppEnv> {
  const { store, clock, reps, config } = web;
  const app = new Hono<AppEnv>();

  app.get('/queue', requireRep, async (c) => {
    const viewer = c.var.rep!;
    const now = clock();
    const drafts = await store.listDrafts({ status: 'pending', ...(viewer.role === 'admin' ? {} : { accountId: viewer.id }) });
    const prospects = new Map<string, Prospect>();
    for (const d of drafts) {
      if (!prospects.has(d.prospectId)) {
        const p = await store.getProspect(d.prospectId);
        if (p) prospects.set(p.id, p);
      }
    }
    // Issue 15: replies that need the rep's own answer come first.
    const waiting: NeedsReplyRow[] = [];
    for (const p of await store.listProspects(viewer.role === 'admin' ? undefined : viewer.id)) {
      const zone = reps.get(p.accountId)?.timeZone ?? viewer.timeZone;
      for (const n of await needsReplyOf(store, { prospect: p, repZone: zone, policy: config.policy, now })) waiting.push({ prospect: p, at: n.at, why: n.why, words: n.words, reminderDue: n.reminderDue });
    }
    waiting.sort((a, b) => a.at.getTime() - b.at.getTime());
    return render(c, queuePage({ viewer, csrf: c.var.csrf, now, drafts, prospects, reps, flash: flashFor(c), policy: config.policy, before: needsReplySection({ rows: waiting, zone: viewer.timeZone, now }) }));
  });

  /** Loads a draft the viewer may act on; another rep's draft is "not found" (its existence is not revealed). */
  async function ownDraft(c: C): Promise<{ draft: Draft; owner: Rep } | Response> {
    const viewer = c.var.rep!;
    const draft = await store.getDraft(c.req.param('id') ?? '');
    const owner = draft ? reps.get(draft.accountId) : undefined;
    if (!draft || !owner || !canSee(viewer, draft.accountId)) return notFound(c, 'No such draft in your queue (it may belong to another rep).');
    return { draft, owner };
  }

  app.post('/drafts/:id/approve', requireRep, async (c) => {
    const found = await ownDraft(c);
    if (found instanceof Response) return found;
    await approveDraft({ store, now: clock() }, { draftId: found.draft.id, by: c.var.rep!.email, rep: found.owner });
    return c.redirect('/queue?done=approved', 303);
  });

  app.post('/drafts/:id/edit', requireRep, async (c) => {
    const found = await ownDraft(c);
    if (found instanceof Response) return found;
    const body = await c.req.parseBody();
    const subject = field(body, 'subject');
    const text = field(body, 'text').replace(/\r\n?/g, '\n');
    const { draft, owner } = found;
    const changed = subject.trim() !== draft.subject || text !== draft.text;
    if (changed) {
      await editDraft({ store, now: clock() }, {
        draftId: draft.id,
        by: c.var.rep!.email,
        ...(subject.trim() !== draft.subject ? { subject } : {}),
        ...(text !== draft.text ? { text } : {}),
      });
    }
    if (field(body, 'then') === 'approve') {
      await approveDraft({ store, now: clock() }, { draftId: draft.id, by: c.var.rep!.email, rep: owner });
      return c.redirect('/queue?done=approved', 303);
    }
    return c.redirect(`/queue?done=saved#d-${draft.id}`, 303);
  });

  app.post('/drafts/:id/reject', requireRep, async (c) => {
    const found = await ownDraft(c);
    if (found instanceof Response) return found;
    const reason = field(await c.req.parseBody(), 'reason').trim();
    if (!reason) return render(c, messagePage({ title: 'Say why', message: 'Give a reason to reject the draft (it is kept on the prospect\'s timeline). Nothing was changed.', viewer: c.var.rep, csrf: c.var.csrf, next: { href: `/queue#d-${found.draft.id}`, label: 'Back to the draft' } }), 400);
    await rejectDraft({ store, now: clock() }, { draftId: found.draft.id, by: c.var.rep!.email, reason });
    return c.redirect('/queue?done=rejected', 303);
  });

  app.post('/drafts/:id/snooze', requireRep, async (c) => {
    const found = await ownDraft(c);
    if (found instanceof Response) return found;
    const now = clock();
    const base = found.draft.sendAt > now ? found.draft.sendAt : now;
    await editDraft({ store, now }, { draftId: found.draft.id, by: c.var.rep!.email, sendAt: new Date(base.getTime() + DAY_MS) });
    return c.redirect(`/queue?done=snoozed#d-${found.draft.id}`, 303);
  });

  app.post('/drafts/:id/reschedule', requireRep, async (c) => {
    const found = await ownDraft(c);
    if (found instanceof Response) return found;
    const value = field(await c.req.parseBody(), 'sendAt');
    const zone = c.var.rep!.timeZone;
    const at = DateTime.fromISO(value, { zone });
    const now = clock();
    if (!value || !at.isValid) return badRequest(c, 'Pick a date and time to send it.', found.draft.id);
    if (at.toJSDate() < now) return badRequest(c, `That time (${stamp(at.toJSDate(), zone)}) has passed; pick a later one.`, found.draft.id);
    await editDraft({ store, now }, { draftId: found.draft.id, by: c.var.rep!.email, sendAt: at.toJSDate(), sendAtByRep: true });
    // A time the rep sets by hand stands outside business hours (the send gate); the page says so.
    const prospect = await store.getProspect(found.draft.prospectId);
    const toProspect = prospect && found.draft.to.toLowerCase() === prospect.email.toLowerCase();
    const outside = toProspect ? outsideBusinessHours(at.toJSDate(), prospect, config.policy) : null;
    return c.redirect(`/queue?done=${outside ? 'rescheduled-outside' : 'rescheduled'}#d-${found.draft.id}`, 303);
  });

  app.post('/drafts/approve', requireRep, async (c) => {
    const viewer = c.var.rep!;
    const ids = fields(await c.req.parseBody({ all: true }), 'id');
    if (ids.length === 0) return badRequest(c, 'Tick the drafts to approve first.');
    const now = clock();
    let approved = 0;
    const failed: string[] = [];
    for (const id of ids) {
      const draft = await store.getDraft(id);
      const owner = draft ? reps.get(draft.accountId) : undefined;
      if (!draft || !owner || !canSee(viewer, draft.accountId)) {
        failed.push(`${id}: no such draft in your queue`);
        continue;
      }
      try {
        await approveDraft({ store, now }, { draftId: id, by: viewer.email, rep: owner });
        approved += 1;
      } catch (err) {
        if (!(err instanceof ApprovalError)) throw err;
        failed.push(err.message);
      }
    }
    if (failed.length > 0) {
      return render(c, messagePage({ title: `${approved} approved, ${failed.length} not`, message: failed.join(' '), viewer, csrf: c.var.csrf, next: { href: '/queue', label: 'Back to the queue' } }), approved > 0 ? 200 : 404);
    }
    return c.redirect(`/queue?done=approved&n=${approved}`, 303);
  });

  return app;
}
