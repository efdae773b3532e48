import { html } from 'hono/html';
import { DateTime } from 'luxon';
import type { AccountConfig } from '../config.js';
import type { Account, Attempt, Draft, Meeting, OutboxItem, Prospect } from '../domain/types.js';
import type { CursorState, MessageRecord } from '../ports/store.js';
import { firstName } from '../domain/names.js';
import { spellInstant } from '../templates/context.js';
import { csrfField, localInputValue, page, relative, stamp, TEMPLATE_WORDS, type Html, type Viewer } from './views.js';
import { formatWithZone } from '../domain/zone-label.js';
import type { FollowUpPolicy } from '../domain/policy.js';
import { outsideBusinessHours } from '../domain/send-gate.js';

/** A signed-in user: a configured account (role 'admin' sees every rep's work). */
export interface Rep extends Viewer {
  id: string;
  timeZone: string;
}

const URGENT_TEMPLATES = new Set<string>(['confirm-time']);

// The queue

export function queuePage(input: {
  viewer: Rep;
  csrf: string;
  now: Date;
  drafts: Draft[];
  prospects: Map<string, Prospect>;
  reps: Map<string, Rep>;
  flash: string | null;
  policy: FollowUpPolicy;
  /** Shown above the drafts (issue 15: replies that need the rep's own answer). */
  before?: Html;
}): Html {
  const { viewer, csrf, now } = input;
  const drafts = [...input.drafts].sort(
    (a, b) => Number(URGENT_TEMPLATES.has(b.template)) - Number(URGENT_TEMPLATES.has(a.template)) || a.sendAt.getTime() - b.sendAt.getTime(),
  );
  const body = html`${input.before ?? ''}<h1>Waiting for you <span class="muted">(${drafts.length})</span></h1>
${drafts.length === 0
    ? html`<div class="card"><p>Nothing to approve. New drafts show up here after each run, with why they exist.</p></div>`
    : html`<form id="bulk" class="bulk" method="post" action="/drafts/approve">${csrfField(csrf)}
<p>Tick drafts to approve several at once.</p>
<button type="submit" class="primary">Approve selected</button>
</form>
${drafts.map((d) => draftCard({ draft: d, prospect: input.prospects.get(d.prospectId) ?? null, owner: input.reps.get(d.accountId) ?? viewer, viewer, csrf, now, policy: input.policy }))}`}`;
  return page({ title: 'Queue', viewer, csrf, body, flash: input.flash, current: '/queue' });
}

function draftCard(input: { draft: Draft; prospect: Prospect | null; owner: Rep; viewer: Rep; csrf: string; now: Date; policy: FollowUpPolicy }): Html {
  const { draft: d, prospect: p, owner, viewer, csrf, now } = input;
  const id = d.id;
  const urgent = URGENT_TEMPLATES.has(d.template);
  const who = p?.name ?? d.to;
  const goesAt = d.sendAt < now ? now : d.sendAt;
  const theirZone = p?.timeZone ?? owner.timeZone;
  return html`<article class="card${urgent ? ' urgent' : ''}" id="d-${id}" aria-labelledby="h-${id}">
<div class="draft-head">
  <input type="checkbox" form="bulk" name="id" value="${id}" id="sel-${id}" aria-label="Select the email to ${who} for approval">
  <div class="title">
    <h2 id="h-${id}">${p ? html`<a href="/prospects/${encodeURIComponent(p.id)}">${p.name}</a>` : d.to}${p?.company ? html` <span class="muted">· ${p.company}</span>` : ''}</h2>
    <span class="tag${urgent ? ' urgent' : ''}">${urgent ? 'Urgent: ' : ''}${TEMPLATE_WORDS[d.template] ?? d.template}</span>
    ${viewer.role === 'admin' && owner.id !== viewer.id ? html` <span class="tag">for ${owner.name}</span>` : ''}
  </div>
</div>
<dl class="facts">
  <dt>Why</dt>
  <dd>${d.reason}${d.evidence.length
    ? html`<ul class="evidence">${d.evidence.map((e) => html`<li>${e.detail} <span class="muted">(${e.confidence})</span></li>`)}</ul>`
    : ''}</dd>
  <dt>Goes out</dt>
  <dd>${d.sendAt < now ? html`As soon as you approve it (it was due ${relative(d.sendAt, now)}): ` : ''}${spellInstant(goesAt, owner.timeZone)} <span class="muted">${owner.id === viewer.id ? 'your' : `${firstName(owner.name)}'s`} time</span>
    ${theirZone !== owner.timeZone ? html`<br>${spellInstant(goesAt, theirZone)} <span class="muted">${p ? firstName(p.name) : 'their'}'s time</span>` : ''}
    ${d.sendAtByRep && p && d.to.toLowerCase() === p.email.toLowerCase() ? html`<br><span class="muted">You set this time${(() => { const o = outsideBusinessHours(d.sendAt, p, input.policy); return o ? `: ${o}` : '.'; })()}</span>` : ''}</dd>
</dl>
<div class="email" aria-label="The email">
  <div class="hdr">
    <div><span class="muted">To:</span> ${d.to}</div>
    <div><span class="muted">Subject:</span> ${d.subject}</div>
    ${d.thread.inReplyTo || d.thread.threadId ? html`<div class="muted">In the existing thread${d.thread.subject ? html` "${d.thread.subject}"` : ''}</div>` : ''}
    ${d.editedAt ? html`<div class="muted">Edited by ${d.editedBy ?? 'you'} ${relative(d.editedAt, now)}</div>` : ''}
  </div>
  <pre class="body">${d.text}</pre>
</div>
<div class="actions">
  <form method="post" action="/drafts/${id}/approve">${csrfField(csrf)}<button type="submit" class="primary" aria-label="Approve the email to ${who}">Approve</button></form>
  <form method="post" action="/drafts/${id}/snooze">${csrfField(csrf)}<button type="submit" aria-label="Snooze the email to ${who} by a day">Snooze a day</button></form>
</div>
<details>
  <summary>Edit the email</summary>
  <form method="post" action="/drafts/${id}/edit">${csrfField(csrf)}
    <label for="subject-${id}">Subject</label>
    <input type="text" id="subject-${id}" name="subject" value="${d.subject}" required maxlength="300">
    <label for="text-${id}">Email text</label>
    <textarea id="text-${id}" name="text" rows="12" required>${d.text}</textarea>
    <div class="actions">
      <button type="submit" name="then" value="approve" class="primary">Save and approve</button>
      <button type="submit" name="then" value="save">Save, approve later</button>
    </div>
  </form>
</details>
<details>
  <summary>Change the send time</summary>
  <form method="post" action="/drafts/${id}/reschedule" class="row">${csrfField(csrf)}
    <div class="grow"><label for="at-${id}">Send at <span class="hint">(your time, ${owner.timeZone})</span></label>
    <input type="datetime-local" id="at-${id}" name="sendAt" value="${localInputValue(goesAt, owner.timeZone)}" required></div>
    <button type="submit">Set send time</button>
  </form>
</details>
<details>
  <summary>Reject it</summary>
  <form method="post" action="/drafts/${id}/reject" class="row">${csrfField(csrf)}
    <div class="grow"><label for="reason-${id}">Why not send it? <span class="hint">(kept on the timeline)</span></label>
    <input type="text" id="reason-${id}" name="reason" required maxlength="500"></div>
    <button type="submit" class="danger">Reject</button>
  </form>
</details>
</article>`;
}

// Prospects

export function prospectsPage(input: { viewer: Rep; csrf: string; prospects: Prospect[]; pending: Draft[]; now: Date }): Html {
  const counts = new Map<string, number>();
  for (const d of input.pending) counts.set(d.prospectId, (counts.get(d.prospectId) ?? 0) + 1);
  const prospects = [...input.prospects].sort((a, b) => a.name.localeCompare(b.name));
  const body = html`<h1>Prospects <span class="muted">(${prospects.length})</span></h1>
<div class="card"><ul class="plain">
${prospects.map(
    (p) => html`<li><a href="/prospects/${encodeURIComponent(p.id)}"><strong>${p.name}</strong></a>${p.company ? html` <span class="muted">· ${p.company}</span>` : ''}
  <br><span class="${p.status === 'open' ? 'status-ok' : 'status-warn'}">${p.status}</span>${(counts.get(p.id) ?? 0) > 0 ? html` · ${counts.get(p.id)} waiting for you` : ''}${p.nextStep ? html` · next: ${p.nextStep.what} (due ${stamp(p.nextStep.due, input.viewer.timeZone).slice(0, 10)})` : ''}</li>`,
  )}
</ul></div>`;
  return page({ title: 'Prospects', viewer: input.viewer, csrf: input.csrf, body, current: '/prospects' });
}

const KIND_WORDS: Record<Attempt['kind'], string> = {
  meeting: 'Meeting',
  email_sent: 'Email sent',
  reply_received: 'Reply',
  call_reminder: 'Call reminder',
  booking: 'Meeting booked',
  draft_created: 'Draft made',
  draft_rejected: 'Draft rejected',
  status_change: 'Status',
  note: 'Note',
  call: 'Call',
  call_hold: 'Call hold',
  next_step: 'Next step',
  needs_reply: 'Needs your reply',
};

interface TimelineEntry {
  at: Date;
  kind: string;
  what: string;
  outcome: string | null;
  detail: string;
  quote: string | null;
}

/** Playbook R4: every attempt, date-stamped, with the prospect's own words for replies. */
export function timelineOf(attempts: Attempt[], messages: MessageRecord[], outbox: OutboxItem[]): TimelineEntry[] {
  const inbound = new Map(messages.filter((m) => m.direction === 'in' && m.messageId).map((m) => [m.messageId!, m]));
  const shown = new Set<string>();
  const entries: TimelineEntry[] = attempts.map((a) => {
    const msg = a.kind === 'reply_received' && a.refId ? inbound.get(a.refId) : undefined;
    if (msg?.messageId) shown.add(msg.messageId);
    return { at: a.at, kind: a.kind, what: KIND_WORDS[a.kind], outcome: a.outcome ?? null, detail: a.detail, quote: msg?.visibleText ?? null };
  });
  const ours = new Set(outbox.map((o) => o.messageId));
  for (const m of messages) {
    if (m.messageId && (shown.has(m.messageId) || ours.has(m.messageId))) continue;
    entries.push(
      m.direction === 'in'
        ? { at: m.at, kind: 'reply_received', what: 'Reply', outcome: m.replyKind ?? null, detail: `"${m.subject}"`, quote: m.visibleText ?? null }
        : { at: m.at, kind: 'email_sent', what: 'Email you sent', outcome: null, detail: `"${m.subject}"`, quote: null },
    );
  }
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime());
}

export function prospectPage(input: {
  viewer: Rep;
  owner: Rep;
  csrf: string;
  now: Date;
  prospect: Prospect;
  attempts: Attempt[];
  messages: MessageRecord[];
  meetings: Meeting[];
  drafts: Draft[];
  /** Drafts the worker withdrew (a reply, a held meeting...), with why. */
  withdrawn?: Draft[];
  outbox: OutboxItem[];
  flash: string | null;
  /** Issue 15: the call log and next-step card. */
  prevent?: Html;
}): Html {
  const { viewer, owner, csrf, now, prospect: p } = input;
  const zone = owner.timeZone;
  const id = encodeURIComponent(p.id);
  const theirNow = formatWithZone(now, p.timeZone, 'ccc h:mm a');
  const meetings = [...input.meetings].sort((a, b) => b.start.getTime() - a.start.getTime());
  const timeline = timelineOf(input.attempts, input.messages, input.outbox);
  const defaultUntil = DateTime.fromJSDate(now, { zone: p.timeZone }).plus({ days: 14 }).toFormat('yyyy-LL-dd');
  const body = html`<h1>${p.name}${p.company ? html` <span class="muted">· ${p.company}</span>` : ''}</h1>
<div class="card">
<dl class="facts">
  <dt>Email</dt><dd>${p.email}</dd>
  <dt>Their time</dt><dd>${theirNow} <span class="muted">(${p.timeZone})</span></dd>
  <dt>Status</dt><dd><span class="${p.status === 'open' ? 'status-ok' : 'status-warn'}">${p.status}</span>${p.pausedUntil && p.status === 'paused' ? html` until ${stamp(p.pausedUntil, zone)}` : ''}${p.statusReason ? html` · ${p.statusReason}` : ''}</dd>
  ${p.nextStep ? html`<dt>Next step</dt><dd>${p.nextStep.what}, due ${stamp(p.nextStep.due, zone)} (${relative(p.nextStep.due, now)})</dd>` : ''}
  ${p.hotButton ? html`<dt>Hot button</dt><dd>${p.hotButton}</dd>` : ''}
  ${p.materialSent.length ? html`<dt>Material sent</dt><dd>${p.materialSent.join(', ')}</dd>` : ''}
  ${viewer.role === 'admin' ? html`<dt>Rep</dt><dd>${owner.name}</dd>` : ''}
</dl>
${input.drafts.length ? html`<p><a href="/queue#d-${input.drafts[0]!.id}">${input.drafts.length} draft${input.drafts.length > 1 ? 's' : ''} waiting for you</a></p>` : ''}
${input.withdrawn?.length ? html`<h2>Withdrawn, not sent</h2><ul class="plain">${input.withdrawn.map((d) => html`<li><strong>${d.subject}</strong> <span class="muted">(${TEMPLATE_WORDS[d.template] ?? d.template})</span><br>${d.cancelledReason ?? 'withdrawn by the worker'}</li>`)}</ul>` : ''}
${p.status === 'open'
    ? html`<details>
  <summary>Pause</summary>
  <form method="post" action="/prospects/${id}/status">${csrfField(csrf)}<input type="hidden" name="action" value="pause">
    <label for="until">Pause until <span class="hint">(no drafts or emails before this day)</span></label>
    <input type="date" id="until" name="until" value="${defaultUntil}" required>
    <label for="pause-reason">Why <span class="hint">(optional)</span></label>
    <input type="text" id="pause-reason" name="reason" maxlength="300">
    <p><button type="submit">Pause ${firstName(p.name)}</button></p>
  </form>
</details>
<details>
  <summary>Close</summary>
  <form method="post" action="/prospects/${id}/status">${csrfField(csrf)}<input type="hidden" name="action" value="close">
    <label for="close-reason">Why <span class="hint">(kept on the timeline)</span></label>
    <input type="text" id="close-reason" name="reason" maxlength="300">
    <p><button type="submit" class="danger">Close: no more follow-ups</button></p>
  </form>
</details>`
    : p.status === 'paused' || p.status === 'closed'
      ? html`<form method="post" action="/prospects/${id}/status">${csrfField(csrf)}<input type="hidden" name="action" value="resume"><button type="submit">${p.status === 'paused' ? 'Resume now' : 'Reopen'}</button></form>`
      : ''}
</div>
${input.prevent ?? ''}

<h2>Meetings</h2>
<div class="card">
${meetings.length === 0
    ? html`<p class="muted">No meetings with ${firstName(p.name)} in the synced calendar.</p>`
    : html`<ul class="plain">${meetings.map((m) => meetingItem({ m, csrf, zone, theirZone: p.timeZone, now }))}</ul>`}
</div>

<h2>Timeline</h2>
<div class="card">
${timeline.length === 0
    ? html`<p class="muted">Nothing yet.</p>`
    : html`<ol class="timeline">${timeline.map(
        (e) => html`<li class="k-${e.kind}"><time datetime="${e.at.toISOString()}">${stamp(e.at, zone)}</time>
<span class="what">${e.what}</span>${e.outcome ? html` <span class="tag">${e.outcome}</span>` : ''}<div>${e.detail}</div>
${e.quote ? html`<blockquote class="reply">${e.quote}</blockquote>` : ''}</li>`,
      )}</ol>`}
</div>`;
  return page({ title: p.name, viewer, csrf, body, flash: input.flash, current: '/prospects' });
}

function meetingItem(input: { m: Meeting; csrf: string; zone: string; theirZone: string; now: Date }): Html {
  const { m, csrf, zone, now } = input;
  const started = m.start <= now;
  const outcomeClass = m.outcome === 'held' ? 'status-ok' : m.outcome === 'missed' ? 'status-bad' : 'status-warn';
  return html`<li><strong>${m.title}</strong><br>
${stamp(m.start, zone)}${input.theirZone !== zone ? html` <span class="muted">(${stamp(m.start, input.theirZone)} their time)</span>` : ''}
<br><span class="${outcomeClass}">${m.outcome}</span> · RSVP ${m.prospectResponse.replace('_', ' ')}${m.markedBy ? html` · marked by ${m.markedBy}` : ''}
${m.evidence.length ? html`<ul class="evidence">${m.evidence.map((e) => html`<li>${e.detail}</li>`)}</ul>` : ''}
${started && m.outcome !== 'cancelled'
    ? html`<div class="actions">
  <form method="post" action="/meetings/${encodeURIComponent(m.id)}/mark">${csrfField(csrf)}<input type="hidden" name="outcome" value="held"><button type="submit" aria-label="Mark ${m.title} as held">Mark held</button></form>
  <form method="post" action="/meetings/${encodeURIComponent(m.id)}/mark">${csrfField(csrf)}<input type="hidden" name="outcome" value="missed"><button type="submit" aria-label="Mark ${m.title} as missed">Mark missed</button></form>
</div>`
    : ''}</li>`;
}

// Accounts

export interface AccountRow {
  config: AccountConfig;
  account: Account | null;
  cursors: CursorState[];
  /** Signed-in web sessions of the account's rep (shown to an admin, who can end them). */
  liveSessions?: number;
}

export function accountsPage(input: { viewer: Rep; csrf: string; now: Date; rows: AccountRow[]; staleAfterMinutes: number; flash?: string | null }): Html {
  const { viewer, now } = input;
  const body = html`<h1>Calendars and mailboxes</h1>
${input.rows.map((row) => {
    const a = row.config;
    const status = row.account?.status ?? 'connected';
    return html`<section class="card" aria-labelledby="acc-${a.id}">
<h2 id="acc-${a.id}">${a.name} <span class="muted">· ${a.email}</span></h2>
<p>${a.provider} account: <span class="${status === 'connected' ? 'status-ok' : 'status-bad'}">${status}</span></p>
${status === 'disconnected' ? html`<p class="todo"><strong>What to do:</strong> ${row.account?.statusDetail ?? `reconnect the account (${reconnectWords(a)}).`}</p>` : ''}
${row.cursors.length === 0
      ? html`<p class="muted">Not synced yet: the next run syncs the calendar and the mailbox.</p>`
      : html`<table><thead><tr><th scope="col">What</th><th scope="col">Last successful sync</th><th scope="col">Last problem</th></tr></thead><tbody>
${[...row.cursors].sort((x, y) => x.key.localeCompare(y.key)).map((c) => cursorRow({ c, a, now, zone: viewer.timeZone, staleAfterMinutes: input.staleAfterMinutes }))}
</tbody></table>`}
${viewer.role === 'admin' && row.liveSessions !== undefined
      ? html`<form method="post" action="/accounts/${encodeURIComponent(a.id)}/sessions/end" class="sessions">${csrfField(input.csrf)}<p>Signed in on the web: <strong>${row.liveSessions} session${row.liveSessions === 1 ? '' : 's'}</strong>. <button type="submit" aria-label="End sessions of ${a.name}">End sessions</button> <span class="muted">(signs ${a.name} out everywhere: a lost phone, someone leaving)</span></p></form>`
      : ''}
</section>`;
  })}`;
  return page({ title: 'Accounts', viewer, csrf: input.csrf, body, current: '/accounts', flash: input.flash ?? null });
}

function cursorRow(input: { c: CursorState; a: AccountConfig; now: Date; zone: string; staleAfterMinutes: number }): Html {
  const { c, a, now, zone } = input;
  const label = c.key === 'mailbox' ? 'Mailbox' : c.key.startsWith('calendar:') ? `Calendar (${c.key.slice('calendar:'.length)})` : c.key;
  const staleMs = input.staleAfterMinutes * 60_000;
  const stale = !c.lastSuccessAt || now.getTime() - c.lastSuccessAt.getTime() > staleMs;
  const todo = c.lastError
    ? c.notBefore && c.notBefore > now
      ? `The provider asked to slow down; the worker waits until ${stamp(c.notBefore, zone)} and retries by itself.`
      : `The worker retries on every run. If this stays, ${reconnectWords(a)}.`
    : stale
      ? `No successful sync for over ${input.staleAfterMinutes} minutes: check that the worker runs (\`followup serve\`, or cron calling \`followup run --once\` or POST /tick).`
      : null;
  return html`<tr>
<th scope="row">${label}</th>
<td>${c.lastSuccessAt ? html`<span class="${stale ? 'status-warn' : 'status-ok'}">${stamp(c.lastSuccessAt, zone)}</span><br><span class="muted">${relative(c.lastSuccessAt, now)}</span>` : html`<span class="status-warn">never</span>`}</td>
<td>${c.lastError ? html`<span class="status-bad">${c.lastError}</span>${c.lastAttemptAt ? html`<br><span class="muted">${relative(c.lastAttemptAt, now)}</span>` : ''}` : html`<span class="muted">none</span>`}
${todo ? html`<p class="todo"><strong>What to do:</strong> ${todo}</p>` : ''}</td>
</tr>`;
}

function reconnectWords(a: AccountConfig): string {
  return a.provider === 'local'
    ? 'check the folders in the config (local.calendarDir, local.maildir) exist and are readable'
    : `run \`followup auth ${a.provider} --account ${a.id}\` to reconnect`;
}
