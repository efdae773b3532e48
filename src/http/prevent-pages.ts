import { html } from 'hono/html';
import type { Prospect } from '../domain/types.js';
import { CALL_OUTCOMES } from '../domain/call-holds.js';
import { NEEDS_REPLY_WHY_WORDS, type NeedsReplyWhy } from '../domain/needs-reply.js';
import { firstName } from '../domain/names.js';
import type { NextStepRecord, Suppression, SuppressionRemoval } from '../ports/store.js';
import { csrfField, page, relative, stamp, type Html } from './views.js';
import type { Rep } from './pages.js';

/** Issue 15 on the pages: replies that need the rep (top of the queue), calls and next steps, suppressions. */

export interface NeedsReplyRow {
  prospect: Prospect;
  at: Date;
  why: NeedsReplyWhy;
  words: string;
  reminderDue: boolean;
}

/** The queue's first section: replies waiting for the rep's own answer, oldest first. */
export function needsReplySection(input: { rows: NeedsReplyRow[]; zone: string; now: Date }): Html {
  if (input.rows.length === 0) return html``;
  return html`<section class="card needs-reply" aria-labelledby="needs-reply-h">
<h2 id="needs-reply-h">Needs your reply <span class="muted">(${input.rows.length})</span></h2>
<p class="hint">Nothing else goes to them until you answer, from any mail client.</p>
<ul class="plain">${input.rows.map(
    (r) => html`<li><a href="/prospects/${encodeURIComponent(r.prospect.id)}"><strong>${r.prospect.name}</strong></a> ${NEEDS_REPLY_WHY_WORDS[r.why]} ${relative(r.at, input.now)} <span class="muted">(${stamp(r.at, input.zone)})</span>${r.reminderDue ? html` <span class="tag status-warn">still no answer from you</span>` : ''}
<blockquote class="reply">${r.words}</blockquote></li>`,
  )}</ul>
</section>`;
}

/** On the prospect page: where the next step came from, the form to set one, and the call log buttons. */
export function preventCard(input: { prospect: Prospect; csrf: string; zone: string; nextSteps: NextStepRecord[] }): Html {
  const { prospect: p, csrf, zone } = input;
  const id = encodeURIComponent(p.id);
  const latest = [...input.nextSteps].sort((a, b) => a.foundAt.getTime() - b.foundAt.getTime()).at(-1);
  const first = firstName(p.name, p.email);
  return html`<div class="card prevent">
${latest
    ? html`<p class="muted">Next step ${latest.source === 'email' ? html`found in your email "${latest.subject ?? ''}" of ${stamp(latest.foundAt, zone)}` : html`set by you on ${stamp(latest.foundAt, zone)}`}.</p>`
    : ''}
${p.phone ? html`<p>Phone: <a href="tel:${p.phone.replace(/[^+\d]/g, '')}">${p.phone}</a></p>` : ''}
<form method="post" action="/prospects/${id}/calls" class="calls">${csrfField(csrf)}
  <label for="call-note">Log a call with ${first} <span class="hint">(date-stamped on the timeline)</span></label>
  <input type="text" id="call-note" name="note" maxlength="300" placeholder="Note (optional)">
  <p>${CALL_OUTCOMES.map((o) => html`<button type="submit" name="outcome" value="${o}">${o === 'reached' ? 'Reached' : o === 'voicemail' ? 'Left a voicemail' : 'No answer'}</button> `)}</p>
</form>
<details>
  <summary>Set the next step</summary>
  <form method="post" action="/prospects/${id}/next">${csrfField(csrf)}
    <label for="next-what">What you will do</label>
    <input type="text" id="next-what" name="what" maxlength="300" required placeholder="send the revised proposal">
    <label for="next-due">When <span class="hint">(a date and time, or words such as "tomorrow 10am"; your zone)</span></label>
    <input type="text" id="next-due" name="due" maxlength="100" required placeholder="tomorrow 10am">
    <p><button type="submit">Set the next step</button></p>
  </form>
</details>
</div>`;
}

export function suppressionsPage(input: { viewer: Rep; csrf: string; list: Suppression[]; removals: SuppressionRemoval[]; flash: string | null }): Html {
  const { viewer, csrf } = input;
  const zone = viewer.timeZone;
  const body = html`<h1>Suppressions <span class="muted">(${input.list.length})</span></h1>
<p class="hint">Addresses that are never emailed again: opt-outs and bounces. A prospect with one of them is stopped.</p>
<div class="card">
${input.list.length === 0
    ? html`<p class="muted">No suppressed addresses.</p>`
    : html`<table><thead><tr><th scope="col">Address</th><th scope="col">Why</th><th scope="col">Since</th><th scope="col">Lift it</th></tr></thead><tbody>
${input.list.map(
        (s, i) => html`<tr><td>${s.email}</td><td>${s.reason}</td><td>${stamp(s.at, zone)}</td><td>
<form method="post" action="/suppressions/remove">${csrfField(csrf)}<input type="hidden" name="email" value="${s.email}">
<label for="why-${i}" class="hint">Why may they be emailed again? (required, recorded)</label>
<input type="text" id="why-${i}" name="reason" maxlength="300" required>
<button type="submit" class="danger">Lift</button></form></td></tr>`,
      )}</tbody></table>`}
</div>
<details>
  <summary>Suppress an address</summary>
  <form method="post" action="/suppressions/add">${csrfField(csrf)}
    <label for="sup-email">Address</label>
    <input type="email" id="sup-email" name="email" required>
    <label for="sup-reason">Why</label>
    <input type="text" id="sup-reason" name="reason" maxlength="300" required>
    <p><button type="submit">Suppress</button></p>
  </form>
</details>
${input.removals.length
    ? html`<h2>Lifted</h2><div class="card"><ul class="plain">${input.removals.map(
        (r) => html`<li>${r.email}: lifted ${stamp(r.at, zone)} by ${r.by}: ${r.reason} <span class="muted">(was: ${r.was.reason} since ${stamp(r.was.at, zone)})</span></li>`,
      )}</ul></div>`
    : ''}`;
  return page({ title: 'Suppressions', viewer, csrf, body, flash: input.flash, current: '/suppressions' });
}
