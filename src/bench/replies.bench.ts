/**
 * `npm run bench:replies`: scores reply understanding on the public corpora (../shared/corpora)
 * and the project's own labelled set, side by side with email-reply-parser, planer and chrono-node.
 * Prints a table; writes nothing.
 */
import { corporaDir } from './corpora.js';
import { scoreSisimai } from './score-auto.js';
import { scoreChrono, scoreDuckling } from './score-dates.js';
import { scoreOwnSet } from './score-own.js';
import { scoreDiscourse, scoreTalon } from './score-text.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const NA = 'n/a';

async function main(): Promise<void> {
  const verbose = process.argv.includes('--verbose');
  const dir = corporaDir();
  const rows: string[][] = [['set', 'metric', 'n', 'followup', 'email-reply-parser', 'planer', 'chrono-node']];

  const discourse = scoreDiscourse(dir);
  rows.push(['discourse-email_reply_trimmer', 'visible text exact (ws-normalised)', `${discourse.n}`, pct(discourse.followup), pct(discourse.emailReplyParser), pct(discourse.planer), NA]);
  const talon = await scoreTalon(dir);
  rows.push(['mailgun-talon html_replies', 'reply text (whitespace-insensitive)', `${talon.html.n}`, pct(talon.html.followup), pct(talon.html.emailReplyParser), pct(talon.html.planer), NA]);
  rows.push(['mailgun-talon standard_replies', 'reply text exact (ws-normalised)', `${talon.standard.n}`, pct(talon.standard.followup), pct(talon.standard.emailReplyParser), pct(talon.standard.planer), NA]);

  const sisimai = await scoreSisimai(dir);
  for (const c of ['ooo', 'bounce', 'normal'] as const) {
    const s = sisimai.classes[c];
    rows.push([`sisimai-set-of-emails (${c})`, 'precision / recall', `${s.support}`, `${pct(s.precision)} / ${pct(s.recall)}`, 'no classifier', 'no classifier', NA]);
  }

  const chronoScore = scoreChrono(dir);
  rows.push(['chrono derived cases', 'start instant accuracy', `${chronoScore.positives}`, pct(chronoScore.followup.start), NA, NA, pct(chronoScore.chrono.start)]);
  rows.push(['chrono derived cases', '"no time here" accuracy', `${chronoScore.negatives}`, pct(chronoScore.followup.none), NA, NA, pct(chronoScore.chrono.none)]);
  const duck = scoreDuckling(dir);
  rows.push(['duckling derived cases', 'start accuracy at grain', `${duck.positives}`, pct(duck.followup.start), NA, NA, pct(duck.chrono.start)]);
  rows.push(['duckling derived cases', '"no time here" accuracy', `${duck.negatives}`, pct(duck.followup.none), NA, NA, pct(duck.chrono.none)]);

  for (const split of ['tune', 'heldout'] as const) {
    const own = await scoreOwnSet(process.cwd(), split);
    const label = `own labelled set (${split})`;
    rows.push([label, 'kind accuracy', `${own.n}`, pct(own.kind), NA, NA, NA]);
    rows.push([label, 'proposal starts exact', `${own.proposalN}`, pct(own.proposals), NA, NA, NA]);
    rows.push([label, 'ambiguous flag', `${own.n}`, pct(own.ambiguous), NA, NA, NA]);
    rows.push([label, 'OOO return date', `${own.returnN}`, pct(own.returnDate), NA, NA, NA]);
    if (verbose) console.log(own.failures.join('\n'));
  }
  printTable(rows);
  console.log('\nNotes: peers read plain text only (HTML gets the same neutral html→text, blockquotes as "> "); planer\'s HTML mode needs a DOM (jsdom), not installed.');
  console.log('Dates: day-only phrases are compared at day precision (chrono implies 12:00, followup a 09:00–17:00 window); duckling at the expected grain.');
  console.log('followup reads a phrase with its scheduling conventions (forward dates, day = 09:00–17:00, "morning" = 09:00–12:00, bare 1–6 → pm) only when the text is about meeting; parseReply always applies them. A case\'s forwardDate option is given to both systems; so is strict mode where the case asks for it (chrono.strict; followup extractTimes with strict: true).');
  console.log('talon standard_replies is a quotation-removal task (expected replies keep "-- \\nname" and "Sent from my iPhone"): followup is scored on its new text plus sign-off, without the quoted history.');
  console.log(`sisimai: ${sisimai.n} single messages (mbox archives skipped; ARF abuse reports counted as bounce).`);
  if (verbose) {
    console.log('\nfailures:', { discourse: discourse.failures, talonHtml: talon.html.failures, talonStd: talon.standard.failures, sisimai: sisimai.confusions });
    console.log(`chrono failures:\n${chronoScore.failures.join('\n')}`);
    console.log(`duckling failures:\n${duck.failures.join('\n')}`);
  }
}

function printTable(rows: string[][]): void {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const [head, ...body] = rows;
  if (!head) return;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of body) console.log(line(r));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
