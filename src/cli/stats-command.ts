import type { Command } from 'commander';
import { computeStats, type Rate, type Stats } from '../domain/stats.js';
import { withRuntime } from './context.js';
import { printJson } from './json-output.js';

const pct = (r: Rate) => (r.rate === null ? 'n/a (none yet)' : `${Math.round(r.rate * 1000) / 10}% (${r.count} of ${r.of})`);
const hrs = (h: number | null) => (h === null ? 'n/a' : h < 48 ? `${h} h` : `${Math.round((h / 24) * 10) / 10} days`);

/** The plain-text report of `followup stats`. */
export function formatStats(s: Stats, who: string): string {
  const lines = [
    `Outcomes for ${who}${s.since ? ` since ${s.since.slice(0, 10)}` : ''} (to ${s.now.slice(0, 16).replace('T', ' ')} UTC)`,
    '',
    `No-show rate:             ${pct(s.meetings.noShow)}`,
    `Rebooked after a no-show: ${pct(s.rebook)}; median time to rebook ${hrs(s.rebook.medianHoursToRebook)}`,
    `Your action on a reply:   median ${hrs(s.repAction.medianHours)}, 90th percentile ${hrs(s.repAction.p90Hours)} (${s.repAction.acted} of ${s.repAction.replies} replies acted on)`,
    `Bookings from replies:    ${s.bookings.total} (${s.bookings.direct} straight away, ${s.bookings.afterConfirmation} after a confirmation question)`,
    `Follow-ups waiting:       ${s.overdue.total} (${s.overdue.byAge.map((b) => `${b.bucket}: ${b.count}`).join(', ')})`,
    '',
    'Reply rate by template:',
    ...(s.replyRateByTemplate.length ? s.replyRateByTemplate.map((r) => `  ${r.key.padEnd(22)} ${pct(r)}`) : ['  (no email sent yet)']),
    'Reply rate by cadence step:',
    ...(s.replyRateByStep.length ? s.replyRateByStep.map((r) => `  ${r.key.padEnd(22)} ${pct(r)}`) : ['  (no email sent yet)']),
  ];
  return lines.join('\n');
}

export function registerStatsCommand(program: Command): void {
  program
    .command('stats')
    .description('Outcomes from the timeline: no-show and rebook rates, reply rates per template and step, time to act, follow-ups waiting')
    .option('--since <date>', 'only what happened from this date or ISO time on (e.g. 2026-11-01)')
    .option('--rep <id-or-email>', 'one rep only (default: the whole team)')
    .option('--json', 'print the numbers as JSON')
    .action(async (opts: { since?: string; rep?: string; json?: boolean }, cmd: Command) => {
      const since = opts.since ? parseSince(opts.since) : null;
      await withRuntime(cmd, async (rt, now) => {
        let accountIds: string[] | null = null;
        let who = 'the whole team';
        if (opts.rep) {
          const wanted = opts.rep.toLowerCase();
          const a = rt.config.accounts.find((x) => x.id.toLowerCase() === wanted || x.email.toLowerCase() === wanted);
          if (!a) throw new Error(`No rep "${opts.rep}" in the config; use an account id or email from \`followup accounts\`.`);
          accountIds = [a.id];
          who = `${a.name} <${a.email}>`;
        }
        const stats = computeStats({ attempts: await rt.store.listTimeline({ accountIds }), now, since, accountIds });
        if (opts.json) return printJson(stats);
        console.log(formatStats(stats, who));
      });
    });
}

function parseSince(value: string): Date {
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(d.getTime())) throw new Error(`--since "${value}" is not a date; use e.g. 2026-11-01 or 2026-11-01T09:00:00Z.`);
  return d;
}
