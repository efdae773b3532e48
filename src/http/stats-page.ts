import { html, raw } from 'hono/html';
import type { Rate, Stats } from '../domain/stats.js';
import type { Rep } from './pages.js';
import { statsCharts } from './stats-charts.js';
import { page, type Html } from './views.js';

const pct = (r: Rate) => (r.rate === null ? 'none yet' : `${Math.round(r.rate * 1000) / 10}%`);
const hrs = (h: number | null) => (h === null ? 'none yet' : h < 48 ? `${h} h` : `${Math.round((h / 24) * 10) / 10} days`);

/** Outcomes for one rep, or the team for an admin: figures first, then server-drawn SVG charts. */
export function statsPage(input: { viewer: Rep; csrf: string; stats: Stats; who: string; reps: { id: string; name: string }[]; selected: string; since: string }): Html {
  const { stats: s } = input;
  const charts = statsCharts(s);
  const figure = (title: string, svg: string, caption: string) =>
    html`<figure class="card chart-card"><figcaption><h2>${title}</h2><p class="muted">${caption}</p></figcaption>${raw(svg)}</figure>`;
  const body = html`<h1>Outcomes · ${input.who}</h1>
<form method="get" action="/stats" class="filters">
${input.viewer.role === 'admin'
    ? html`<label>Rep <select name="rep"><option value="">Whole team</option>${input.reps.map((r) => html`<option value="${r.id}"${r.id === input.selected ? raw(' selected') : ''}>${r.name}</option>`)}</select></label>`
    : ''}
<label>Since <input type="date" name="since" value="${input.since}"></label>
<button type="submit">Show</button>
</form>
<dl class="figures">
<div><dt>No-show rate</dt><dd>${pct(s.meetings.noShow)} <span class="muted">(${s.meetings.noShow.count} of ${s.meetings.noShow.of} meetings)</span></dd></div>
<div><dt>Rebooked after a no-show</dt><dd>${pct(s.rebook)} <span class="muted">(${s.rebook.count} of ${s.rebook.of})</span></dd></div>
<div><dt>Median time to rebook</dt><dd>${hrs(s.rebook.medianHoursToRebook)}</dd></div>
<div><dt>Time from a reply to your action</dt><dd>median ${hrs(s.repAction.medianHours)}, 90% within ${hrs(s.repAction.p90Hours)}</dd></div>
<div><dt>Bookings from replies</dt><dd>${s.bookings.total} <span class="muted">(${s.bookings.direct} straight away, ${s.bookings.afterConfirmation} after a confirmation question)</span></dd></div>
<div><dt>Follow-ups waiting for you</dt><dd>${s.overdue.total}</dd></div>
</dl>
${figure('No-shows and rebooking', charts.outcomes, 'Missed meetings among those with a known outcome, and the missed ones booked again.')}
${figure('Reply rate by template', charts.byTemplate, 'Emails sent that got a reply before the next email (out-of-office and bounces do not count).')}
${figure('Reply rate by cadence step', charts.byStep, 'The same, by the step of the cadence.')}
${figure('Follow-ups waiting, by age', charts.overdue, 'Drafts still waiting for your approval.')}
${figure('Bookings from replies', charts.bookings, 'Booked at once because the time was certain, or after asking the prospect to confirm it.')}`;
  return page({ title: 'Stats', viewer: input.viewer, csrf: input.csrf, body, current: '/stats' });
}
