import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { DateTime } from 'luxon';
import type { TemplateName } from '../domain/types.js';
import { formatWithZone } from '../domain/zone-label.js';

/**
 * Page pieces. Every value interpolated into `html` is escaped by hono/html (& < > " '); only
 * markup built here is passed through. Nothing the prospect wrote ever goes through `raw`.
 */
export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export interface Viewer {
  name: string;
  email: string;
  role: 'rep' | 'admin';
}

export const FLASH_MESSAGES: Record<string, string> = {
  approved: 'Approved: it goes out at its send time.',
  rejected: 'Rejected: it will not be sent.',
  saved: 'Changes saved. The draft still waits for your approval.',
  snoozed: 'Snoozed by a day.',
  rescheduled: 'Send time changed.',
  'rescheduled-outside': "Send time changed. That time is outside the prospect's business hours; it stands because you set it.",
  held: 'Meeting marked as held: its missed-meeting nudges are withdrawn.',
  missed: 'Meeting marked as missed: the nudges follow on the next run.',
  paused: 'Prospect paused: no drafts or emails until then.',
  closed: 'Prospect closed: no more follow-ups.',
  resumed: 'Prospect open again.',
  'call-logged': 'Call logged on the timeline.',
  'next-set': 'Next step set.',
  suppressed: 'Address suppressed: it is never emailed again.',
  lifted: 'Suppression lifted and recorded.',
  'signed-out': 'You are signed out.',
};

export const TEMPLATE_WORDS: Record<TemplateName, string> = {
  'missed-nudge-1': 'Nudge after a missed meeting',
  'missed-nudge-2': 'Second nudge after a missed meeting',
  'missed-nudge-3': 'Third nudge after a missed meeting',
  'missed-nudge-4': 'Fourth nudge after a missed meeting',
  'missed-nudge-later': 'Later nudge after a missed meeting',
  'follow-up': 'Follow-up on your next step',
  'follow-up-apology': 'Late follow-up, with an apology',
  'follow-up-ages': 'Reconnecting after a long gap',
  'booking-confirmation': 'Booking confirmation',
  'confirm-time': 'Confirm the time they named',
  'slot-proposal': 'Times to meet',
  'rep-brief': 'Brief for your meeting',
  'meeting-confirm': 'Confirm tomorrow\'s meeting',
  'hand-sent-follow-up': 'Follow-up of an email you sent',
};

/** "2024-11-26 15:00 EST": a date stamp for timelines and sync times. */
export function stamp(at: Date, zone: string): string {
  return formatWithZone(at, zone, 'yyyy-LL-dd HH:mm');
}

/** Value for an <input type="datetime-local"> in a zone. */
export function localInputValue(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat("yyyy-LL-dd'T'HH:mm");
}

/** "in 3 hours", "2 days ago". */
export function relative(at: Date, now: Date): string {
  if (Math.abs(at.getTime() - now.getTime()) < 60_000) return 'just now';
  return DateTime.fromJSDate(at).toRelative({ base: DateTime.fromJSDate(now), locale: 'en-US' }) ?? '';
}

export function csrfField(token: string): Html {
  return html`<input type="hidden" name="csrf" value="${token}">`;
}

export function page(input: { title: string; viewer: Viewer | null; csrf: string; body: Html; flash?: string | null; current?: string }): Html {
  const nav = (href: string, label: string) =>
    html`<a href="${href}"${input.current === href ? raw(' aria-current="page"') : ''}>${label}</a>`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${input.title} · followup</title>
<link rel="stylesheet" href="/assets/app.css">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top">
  <span class="brand">followup</span>
  ${input.viewer
    ? html`<nav aria-label="Main">${nav('/queue', 'Queue')}${nav('/prospects', 'Prospects')}${nav('/accounts', 'Accounts')}${nav('/stats', 'Stats')}${nav('/suppressions', 'Suppressions')}</nav>
  <form method="post" action="/logout" class="signout">${csrfField(input.csrf)}<span class="who">${input.viewer.name}${input.viewer.role === 'admin' ? ' (admin)' : ''}</span> <button type="submit" class="link">Sign out</button></form>`
    : ''}
</header>
<main id="main">
${input.flash ? html`<p class="flash" role="status">${input.flash}</p>` : ''}
${input.body}
</main>
</body>
</html>`;
}

export function messagePage(input: { title: string; message: string; viewer: Viewer | null; csrf: string; next?: { href: string; label: string } }): Html {
  return page({
    title: input.title,
    viewer: input.viewer,
    csrf: input.csrf,
    body: html`<h1>${input.title}</h1>
<p class="message">${input.message}</p>
${input.next ? html`<p><a class="button" href="${input.next.href}">${input.next.label}</a></p>` : ''}`,
  });
}

export const APP_CSS = `
:root { color-scheme: light; --fg: #1d2330; --muted: #5b6475; --line: #d9dde5; --bg: #f6f7f9; --card: #fff;
  --accent: #1f5fd1; --accent-fg: #fff; --danger: #b3261e; --ok: #1e7a3c; --warn: #8a5a00; --focus: #f3b000; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); background: var(--bg); }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--card); padding: .5rem 1rem; }
.skip:focus { left: .5rem; z-index: 10; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
header.top { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.25rem; padding: .6rem 1rem; background: #17223b; color: #fff; }
header.top a { color: #fff; text-decoration: none; padding: .25rem 0; }
header.top a[aria-current="page"] { border-bottom: 2px solid #fff; }
header.top nav { display: flex; flex-wrap: wrap; gap: .25rem 1rem; flex: 1; }
.brand { font-weight: 700; letter-spacing: .02em; }
.signout { display: flex; align-items: center; gap: .5rem; margin: 0; font-size: .9rem; }
.signout .who { opacity: .85; }
button.link { background: none; border: 0; color: inherit; text-decoration: underline; padding: .25rem; font: inherit; cursor: pointer; min-height: 0; }
main { max-width: 50rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.45rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.1rem; margin: 0; }
h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
.muted { color: var(--muted); font-weight: normal; }
.flash { background: #e6f4ea; border: 1px solid #b7dfc3; color: var(--ok); padding: .6rem .8rem; border-radius: 6px; }
.message { font-size: 1.05rem; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 1rem; margin: 0 0 1rem; }
.card.urgent { border-left: 5px solid var(--warn); }
.draft-head { display: flex; align-items: flex-start; gap: .6rem; }
.draft-head input[type=checkbox] { width: 1.35rem; height: 1.35rem; margin-top: .15rem; flex: none; }
.draft-head .title { flex: 1; }
.tag { display: inline-block; font-size: .8rem; background: #eef1f6; color: var(--muted); border-radius: 999px; padding: .05rem .55rem; margin-top: .2rem; }
.tag.urgent { background: #fff3d6; color: var(--warn); font-weight: 600; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem .9rem; margin: .8rem 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
ul.evidence { margin: .2rem 0 0; padding-left: 1.1rem; color: var(--muted); font-size: .95rem; }
.email { border: 1px solid var(--line); border-radius: 8px; background: #fbfcfd; margin: .8rem 0; }
.email .hdr { padding: .5rem .75rem; border-bottom: 1px solid var(--line); font-size: .93rem; }
.email .hdr div { overflow-wrap: anywhere; }
.email .body { margin: 0; padding: .75rem; white-space: pre-wrap; overflow-wrap: anywhere; font: inherit; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: .6rem 0; }
.actions form { margin: 0; }
button, .button { display: inline-block; min-height: 2.6rem; padding: .45rem 1rem; border-radius: 8px; border: 1px solid #b9c0cc;
  background: #fff; color: var(--fg); font: inherit; cursor: pointer; text-decoration: none; }
button.primary, .button.primary { background: var(--accent); border-color: var(--accent); color: var(--accent-fg); font-weight: 600; }
button.danger { background: var(--danger); border-color: var(--danger); color: #fff; }
details { border-top: 1px solid var(--line); padding: .35rem 0; }
details > summary { cursor: pointer; padding: .45rem 0; color: var(--accent); font-weight: 600; }
details[open] > summary { margin-bottom: .4rem; }
label { display: block; font-weight: 600; margin: .5rem 0 .2rem; }
label .hint { font-weight: normal; color: var(--muted); font-size: .9rem; }
input[type=text], input[type=email], input[type=date], input[type=datetime-local], textarea {
  width: 100%; padding: .55rem .6rem; border: 1px solid #b9c0cc; border-radius: 8px; font: inherit; background: #fff; }
textarea { min-height: 12rem; resize: vertical; }
.row { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; }
.row > .grow { flex: 1 1 14rem; }
.bulk { position: sticky; top: 0; z-index: 5; display: flex; flex-wrap: wrap; gap: .6rem; align-items: center; justify-content: space-between;
  background: var(--bg); padding: .5rem 0; margin-bottom: .5rem; border-bottom: 1px solid var(--line); }
.bulk p { margin: 0; color: var(--muted); }
ol.timeline { list-style: none; padding: 0; margin: 0; }
ol.timeline li { border-left: 3px solid var(--line); padding: .2rem 0 .8rem .9rem; position: relative; }
ol.timeline li::before { content: ""; position: absolute; left: -7px; top: .55rem; width: 11px; height: 11px; border-radius: 50%; background: var(--line); }
ol.timeline li.k-meeting::before { background: #7a5cd1; }
ol.timeline li.k-email_sent::before { background: var(--accent); }
ol.timeline li.k-reply_received::before { background: var(--ok); }
ol.timeline time { display: block; color: var(--muted); font-size: .88rem; }
ol.timeline .what { font-weight: 600; }
blockquote.reply { margin: .4rem 0 0; padding: .5rem .75rem; background: #f1f7f3; border-left: 3px solid var(--ok); white-space: pre-wrap; overflow-wrap: anywhere; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: .45rem .4rem; border-bottom: 1px solid var(--line); vertical-align: top; }
.status-ok { color: var(--ok); font-weight: 600; }
.status-bad { color: var(--danger); font-weight: 600; }
.status-warn { color: var(--warn); font-weight: 600; }
.todo { background: #fff8e6; border: 1px solid #f0d9a0; border-radius: 6px; padding: .4rem .6rem; margin: .3rem 0 0; }
ul.plain { list-style: none; padding: 0; margin: 0; }
ul.plain li { padding: .55rem 0; border-bottom: 1px solid var(--line); }
svg.chart { display: block; width: 100%; max-width: 100%; height: auto; background: #fff; font: 11px system-ui, sans-serif; }
svg.chart text { white-space: pre; }
.chart-card { margin: 1rem 0; }
.chart-card figcaption h2 { margin: 0 0 .2rem; font-size: 1.05rem; }
dl.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: .6rem; margin: 1rem 0; }
dl.figures div { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .6rem .8rem; }
dl.figures dt { color: var(--muted); font-size: .9rem; }
dl.figures dd { margin: .2rem 0 0; font-size: 1.15rem; font-weight: 600; }
form.filters { display: flex; flex-wrap: wrap; gap: .8rem; align-items: end; }
@media (max-width: 30rem) {
  main { padding: .6rem; }
  .card { padding: .8rem; }
  dl.facts { grid-template-columns: 1fr; gap: 0; }
  dl.facts dd { margin-bottom: .35rem; }
  .actions button { flex: 1 1 auto; }
}
`;
