import { Hono } from 'hono';
import { CALL_OUTCOMES, type CallOutcome } from '../../domain/call-holds.js';
import { stableId } from '../../domain/ids.js';
import { readDueTime } from '../../domain/promises.js';
import { addressesOf, type Prospect } from '../../domain/types.js';
import type { Store } from '../../ports/store.js';
import { logCall, setNextStep } from '../../worker/prevent.js';
import { suppressionsPage } from '../prevent-pages.js';
import { badRequest, canSee, field, flashFor, notFound, render, requireRep, type AppEnv, type C, type WebContext } from '../web.js';

/** Issue 15: the call-log button and the next-step form of the prospect page, and the suppressions page. */
export function preventRoutes(web: WebContext<Store>): Hono<AppEnv> {
  const { store, clock, reps } = web;
  const app = new Hono<AppEnv>();

  async function ownProspect(c: C, id: string): Promise<Prospect | Response> {
    const p = await store.getProspect(id);
    if (!p || !canSee(c.var.rep!, p.accountId)) return notFound(c, 'No such prospect among yours (it may belong to another rep).');
    return p;
  }

  app.post('/prospects/:id/calls', requireRep, async (c) => {
    const p = await ownProspect(c, c.req.param('id'));
    if (p instanceof Response) return p;
    const body = await c.req.parseBody();
    const outcome = field(body, 'outcome');
    if (!(CALL_OUTCOMES as readonly string[]).includes(outcome)) return badRequest(c, 'Choose reached, voicemail or no answer.');
    const note = field(body, 'note').trim();
    await logCall(store, { prospect: p, outcome: outcome as CallOutcome, note: note || null, at: clock(), by: c.var.rep!.email });
    return c.redirect(`/prospects/${encodeURIComponent(p.id)}?done=call-logged`, 303);
  });

  app.post('/prospects/:id/next', requireRep, async (c) => {
    const p = await ownProspect(c, c.req.param('id'));
    if (p instanceof Response) return p;
    const body = await c.req.parseBody();
    const what = field(body, 'what').trim();
    const dueText = field(body, 'due').trim();
    const now = clock();
    const zone = reps.get(p.accountId)?.timeZone ?? c.var.rep!.timeZone;
    if (!what) return badRequest(c, 'Say what you will do, e.g. "send the revised proposal".');
    const due = readDueTime({ text: dueText, now, repZone: zone, policy: web.config.policy });
    if (!due) return badRequest(c, `"${dueText}" names no time ahead. Use a date and time (2026-12-01 10:00) or words such as "tomorrow 10am".`);
    await setNextStep(store, { id: stableId('ns', p.id, 'rep', now.toISOString(), what, due.toISOString()), accountId: p.accountId, prospectId: p.id, what, due, source: 'rep', messageId: null, subject: null, foundAt: now }, zone);
    return c.redirect(`/prospects/${encodeURIComponent(p.id)}?done=next-set`, 303);
  });

  app.get('/suppressions', requireRep, async (c) => {
    const [list, removals] = await Promise.all([store.listSuppressions(), store.listSuppressionRemovals()]);
    return render(c, suppressionsPage({ viewer: c.var.rep!, csrf: c.var.csrf, list, removals, flash: flashFor(c) }));
  });

  app.post('/suppressions/add', requireRep, async (c) => {
    const body = await c.req.parseBody();
    const email = field(body, 'email').trim();
    const reason = field(body, 'reason').trim();
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) return badRequest(c, `"${email}" is not an email address.`);
    if (!reason) return badRequest(c, 'Say why the address is suppressed.');
    const now = clock();
    await store.addSuppression({ email, reason, at: now });
    const p = await store.findProspectByEmail(email);
    if (p && canSee(c.var.rep!, p.accountId)) {
      await store.setProspectStatus(p.id, { status: 'suppressed', statusReason: `suppressed by ${c.var.rep!.name}: ${reason}` });
      await store.cancelPendingDrafts(p.id, { reason: `${email} suppressed by the rep` });
    }
    return c.redirect('/suppressions?done=suppressed', 303);
  });

  app.post('/suppressions/remove', requireRep, async (c) => {
    const body = await c.req.parseBody();
    const email = field(body, 'email').trim();
    const reason = field(body, 'reason').trim();
    if (!reason) return badRequest(c, 'Say why the address may be emailed again; the reason is recorded.');
    const now = clock();
    const removal = await store.removeSuppression(email, { id: stableId('sr', email.toLowerCase(), now.toISOString()), reason, by: c.var.rep!.email, at: now });
    if (!removal) return badRequest(c, `${email} is not suppressed.`);
    const p = await store.findProspectByEmail(email);
    if (p) {
      const still = await Promise.all(addressesOf(p).map((a) => store.isSuppressed(a)));
      if (p.status === 'suppressed' && !still.some(Boolean)) await store.setProspectStatus(p.id, { status: 'open', statusReason: null });
      await store.addAttempt({ id: stableId('at', 'unsuppress', removal.id), prospectId: p.id, accountId: p.accountId, at: now, kind: 'status_change', outcome: 'unsuppressed', detail: `Suppression of ${removal.email} (${removal.was.reason}) lifted by ${removal.by}: ${removal.reason}`, refId: null });
    }
    return c.redirect('/suppressions?done=lifted', 303);
  });

  return app;
}
