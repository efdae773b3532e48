/**
 * `npm run bench:tick [-- --copies N]`: how long the worker's tick takes as a rep's book grows.
 * Seeds the demo workspace N times over (7 prospects, 2 calls and 6 emails per copy) on the local
 * provider, then times, on SQLite and (when TEST_DATABASE_URL or BENCH_DATABASE_URL is set) on
 * PostgreSQL: the first tick (full calendar sync, every reply read, every draft made), a second tick
 * at the same time (should find nothing to do), approving every draft, and the tick a week later that
 * sends them. Prints measured numbers; writes only to a temporary folder (and a throwaway schema).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openRuntime } from '../app/runtime.js';
import { seedLocalWorkspace } from '../demo/seed-local.js';
import { silentLogger } from '../log.js';
import { approveDraft } from '../worker/drafts.js';
import { runTick } from '../worker/tick.js';
import { scaledDemoScenario } from './scaled-scenario.js';

const NOW = new Date('2026-11-23T15:00:00Z'); // Monday 10:00 in New York
const WEEK_MS = 7 * 86_400_000;

interface Row {
  store: string;
  prospects: number;
  firstTickMs: number;
  drafted: number;
  booked: number;
  againMs: number;
  draftedAgain: number;
  approveMs: number;
  sendTickMs: number;
  sent: number;
  files: number;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, performance.now() - started];
}

async function measure(copies: number, storeName: 'sqlite' | 'postgres', databaseUrl: string | null): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'followup-bench-'));
  const scenario = scaledDemoScenario(NOW, copies);
  const configPath = seedLocalWorkspace(dir, scenario);
  let schema: string | null = null;
  let admin: pg.Pool | null = null;
  const saved = process.env.DATABASE_URL;
  if (databaseUrl) {
    schema = `followup_bench_${randomBytes(5).toString('hex')}`;
    admin = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    await admin.query(`create schema "${schema}"`);
    const url = new URL(databaseUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    process.env.DATABASE_URL = url.toString();
  } else {
    delete process.env.DATABASE_URL;
  }
  const rt = await openRuntime({ config: configPath, logger: silentLogger() });
  try {
    const [first, firstTickMs] = await timed(async () => runTick(await rt.context(NOW)));
    if (first.problems.length) throw new Error(`first tick: ${first.problems.map((p) => `${p.where}: ${p.message}`).join('; ')}`);
    const [again, againMs] = await timed(async () => runTick(await rt.context(new Date(NOW.getTime() + 60_000))));
    const rep = { name: scenario.rep.name, email: scenario.rep.email };
    const [, approveMs] = await timed(async () => {
      for (const d of await rt.store.listDrafts({ status: 'pending' })) {
        await approveDraft({ store: rt.store, now: NOW }, { draftId: d.id, by: scenario.rep.id, rep });
      }
    });
    const [send, sendTickMs] = await timed(async () => runTick(await rt.context(new Date(NOW.getTime() + WEEK_MS))));
    const files = readdirSync(join(dir, 'mail', 'outbox', 'new')).length;
    return {
      store: storeName,
      prospects: scenario.prospects.length,
      firstTickMs,
      drafted: first.drafted.length,
      booked: first.booked.length,
      againMs,
      draftedAgain: again.drafted.length,
      approveMs,
      sendTickMs,
      sent: send.sent.length,
      files,
    };
  } finally {
    await rt.close();
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
    if (admin && schema) {
      await admin.query(`drop schema if exists "${schema}" cascade`);
      await admin.end();
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const copiesList = (argValue('--copies') ?? '10,100,300').split(',').map((s) => Number(s.trim()));
  if (copiesList.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--copies takes whole numbers, e.g. --copies 10,100');
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? null;
  const rows: Row[] = [];
  for (const copies of copiesList) {
    rows.push(await measure(copies, 'sqlite', null));
    if (pgUrl) rows.push(await measure(copies, 'postgres', pgUrl));
  }
  const ms = (x: number) => `${Math.round(x)} ms`;
  const table = [
    ['store', 'prospects', 'first tick', 'drafted', 'booked', 'same tick again', 'new drafts', 'approve all', 'send tick', 'sent', 'emails in outbox folder', 'first tick per prospect'],
    ...rows.map((r) => [r.store, `${r.prospects}`, ms(r.firstTickMs), `${r.drafted}`, `${r.booked}`, ms(r.againMs), `${r.draftedAgain}`, ms(r.approveMs), ms(r.sendTickMs), `${r.sent}`, `${r.files}`, `${(r.firstTickMs / r.prospects).toFixed(2)} ms`]),
  ];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  for (const [i, row] of table.entries()) {
    console.log(`| ${row.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`);
    if (i === 0) console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  }
  if (!pgUrl) console.log('\nPostgreSQL not measured: set TEST_DATABASE_URL or BENCH_DATABASE_URL (postgres://...).');
  console.log(`\nNode ${process.version}; local provider (vdir + Maildir); one rep; "sent" counts prospect emails and rep briefs of the send tick.`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
