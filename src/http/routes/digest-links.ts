import { Hono } from 'hono';
import { html } from 'hono/html';
import type { Draft, Prospect } from '../../domain/types.js';
import type { DraftStore, ProspectStore, TimelineStore, TokenStore } from '../../ports/store.js';
import { onceKey, verifyToken } from '../../security/tokens.js';
import { spellInstant } from '../../templates/context.js';
import { approveDraft } from '../../worker/drafts.js';
import { spendOnce } from '../once.js';
import type { Rep } from '../pages.js';
import { csrfField, messagePage, page } from '../views.js';
import { refused, render, type AppEnv, type WebContext } from '../web.js';

type ApproveCheck =
  | { ok: true; draft: Draft; prospect: Prospect | null; owner: Rep; nonce: string; exp: number }
  | { ok: false; status: 400 | 409 | 410; message: string };

const TO_QUEUE = { href: '/queue', label: 'Open the queue' };

/**
 * One-click approve links from the daily digest: GET shows the email and a confirm button (mail
 * scanners prefetch GETs and approve nothing), POST spends the link once and approves.
 */
export function digestLinkRoutes(web: WebContext<DraftStore & ProspectStore & TimelineStore & Pick<TokenStore, 'consumeOnce'>>): Hono<AppEnv> {
  const { store, clock, secret, reps } = web;
  const app = new Hono<AppEnv>();

  app.get('/a/:token', async (c) => {
    const check = await checkApprove(c.req.param('token'));
    if (!check.ok) return refused(c, 'Approve link refused', check.message, check.status, TO_QUEUE);
    const { draft, prospect, owner } = check;
    return render(
      c,
      page({
        title: 'Approve this email?',
        viewer: c.var.rep,
        csrf: c.var.csrf,
        body: html`<h1>Approve this email?</h1>
<div class="card">
<p><strong>${prospect?.name ?? draft.to}</strong>${prospect?.company ? html` <span class="muted">${prospect.company}</span>` : ''}</p>
<p>${draft.reason}</p>
<div class="email"><div class="hdr"><div><span class="muted">To:</span> ${draft.to}</div><div><span class="muted">Subject:</span> ${draft.subject}</div></div><pre class="body">${draft.text}</pre></div>
<p>Goes out ${spellInstant(draft.sendAt < clock() ? clock() : draft.sendAt, owner.timeZone)} (your time).</p>
<form method="post" action="/a/${c.req.param('token')}">${csrfField(c.var.csrf)}<button type="submit" class="primary">Approve and send</button></form>
<p class="muted">To change it first, <a href="/queue#d-${draft.id}">open it in the queue</a>.</p>
</div>`,
      }),
    );
  });

  app.post('/a/:token', async (c) => {
    const check = await checkApprove(c.req.param('token'));
    if (!check.ok) return refused(c, 'Approve link refused', check.message, check.status, TO_QUEUE);
    const fresh = await spendOnce(store, onceKey('approve', check.nonce), new Date(check.exp));
    if (!fresh) {
      return refused(c, 'Approve link already used', 'This approve link was already used: each link works once. Nothing more was done; see the queue.', 410, TO_QUEUE);
    }
    const now = clock();
    await approveDraft({ store, now }, { draftId: check.draft.id, by: `${check.owner.email} (digest link)`, rep: check.owner });
    return render(
      c,
      messagePage({
        title: 'Approved',
        message: `Approved: "${check.draft.subject}" to ${check.draft.to} goes out ${spellInstant(check.draft.sendAt < now ? now : check.draft.sendAt, check.owner.timeZone)}.`,
        viewer: c.var.rep,
        csrf: c.var.csrf,
        next: { href: '/queue', label: 'See what else is waiting' },
      }),
    );
  });

  async function checkApprove(token: string): Promise<ApproveCheck> {
    const check = verifyToken(secret, 'approve', token, clock());
    if (!check.ok) {
      if (check.reason === 'expired') return { ok: false, status: 410, message: 'This approve link has expired (links work for 48 hours). Approve the draft from the queue instead.' };
      return { ok: false, status: 400, message: 'This approve link is not valid: it was changed, cut short, or made by another followup server. Use the queue instead.' };
    }
    const { acc, d, n, exp } = check.claims;
    const owner = reps.get(acc);
    const draft = typeof d === 'string' ? await store.getDraft(d) : null;
    if (!owner || !draft || draft.accountId !== acc || typeof n !== 'string') return { ok: false, status: 400, message: 'This approve link does not match any draft of yours.' };
    if (draft.status !== 'pending') return { ok: false, status: 409, message: `Nothing to do: this draft is already ${draft.status}.` };
    return { ok: true, draft, prospect: await store.getProspect(draft.prospectId), owner, nonce: n, exp };
  }

  return app;
}
