import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPORA_DIR } from '../support/corpora.js';
import type { FuzzAnswer, FuzzJob } from './fuzz-worker.js';
import { MAX_EXPANSION_MS } from '../../src/providers/local/ics-recurrence.mapper.js';

/**
 * Parser fuzzing from the public corpora (FOLLOWUP_CORPORA, default ../shared/corpora): every
 * .ics and e-mail file there is a seed; fast-check mutates it (flipped bytes, cut and repeated
 * ranges, truncation, and lines known to hurt: never-matching or endless RRULEs, broken
 * boundaries, bad charsets, NULs, huge lines). Each input runs in a worker thread with a time
 * budget. Asserted: no hang (the budget), no crash (an ICS file never makes the calendar sync
 * throw; an e-mail either parses or is refused with an Error naming it), and every problem
 * reported names the input. Short here; FUZZ_LONG=1 (npm run chaos) runs thousands.
 */
const LONG = process.env.FUZZ_LONG === '1';
const RUNS = Number(process.env.FUZZ_RUNS ?? (LONG ? 2000 : 40));
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 5000);
const FAILURES = join(tmpdir(), 'followup-fuzz-failures');
const SEED = process.env.CHAOS_SEED && /^\d+$/.test(process.env.CHAOS_SEED) ? Number(process.env.CHAOS_SEED) : Math.floor(Math.random() * 2 ** 31);

function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .filter((p) => keep(p) && statSync(p).size < 2_000_000)
    .sort();
}

const ICS_SEEDS = filesUnder(CORPORA_DIR, (p) => /\.ics$/i.test(p));
const MIME_SEEDS = [
  ...filesUnder(CORPORA_DIR, (p) => /\.eml$/i.test(p)),
  ...filesUnder(join(CORPORA_DIR, 'sisimai-set-of-emails', 'maildir'), (p) => !basename(p).startsWith('.')),
];

const CRLF = '\r\n';
const TOKENS = {
  ics: [
    `RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30${CRLF}`,
    `RRULE:FREQ=SECONDLY;COUNT=100000000${CRLF}`,
    `RRULE:FREQ=YEARLY;BYDAY=-53MO;BYSETPOS=400${CRLF}`,
    `RRULE:FREQ=MINUTELY;UNTIL=99991231T000000Z${CRLF}`,
    `EXDATE:20260101T100000Z,,${CRLF}`,
    `RECURRENCE-ID:20260102T100000Z${CRLF}`,
    `BEGIN:VEVENT${CRLF}`,
    `END:VEVENT${CRLF}`,
    `BEGIN:VCALENDAR${CRLF}`,
    `END:VCALENDAR${CRLF}`,
    `DTSTART;TZID=Nowhere/City:20260101T100000${CRLF}`,
    `DTSTART:99999999T999999Z${CRLF}`,
    `DTEND;VALUE=DATE:2026${CRLF}`,
    `DURATION:P99999W${CRLF}`,
    `UID:${CRLF}`,
    `BEGIN:VTIMEZONE${CRLF}TZID:X${CRLF}BEGIN:STANDARD${CRLF}RRULE:FREQ=YEARLY${CRLF}END:STANDARD${CRLF}END:VTIMEZONE${CRLF}`,
    ` folded continuation${CRLF}`,
    `X-LONG:${'a'.repeat(20_000)}${CRLF}`,
    `ATTENDEE;CN="unterminated:mailto:a@b${CRLF}`,
    '\u0000',
  ],
  mime: [
    `Content-Type: multipart/mixed; boundary="b"${CRLF}`,
    `--b${CRLF}`,
    `--b--${CRLF}`,
    `Content-Transfer-Encoding: base64${CRLF}`,
    `Content-Transfer-Encoding: quoted-printable${CRLF}`,
    'Subject: =?utf-8?B?////?= =?x-unknown?Q?=FF=FE?=\r\n',
    `Content-Type: text/plain; charset=x-nonsense${CRLF}`,
    `Content-Type: message/rfc822${CRLF}${CRLF}`,
    `From: ${CRLF}`,
    `From: "unterminated <a@b${CRLF}`,
    `Message-ID: <<>>${CRLF}`,
    `Date: Mon, 99 Foo 99999 99:99:99 +9999${CRLF}`,
    `References: ${'<x@y> '.repeat(5000)}${CRLF}`,
    CRLF + CRLF,
    '\u0000',
    `X-Long: ${'A'.repeat(100_000)}${CRLF}`,
  ],
} as const;

type Mutation =
  | { op: 'flip'; at: number; byte: number }
  | { op: 'delete'; at: number; len: number }
  | { op: 'repeat'; at: number; len: number; times: number }
  | { op: 'insert'; at: number; token: number }
  | { op: 'truncate'; at: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 80 }) }),
  fc.record({ op: fc.constant('repeat' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 300 }), times: fc.integer({ min: 2, max: 40 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), token: fc.nat() }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
);

/** Applies the mutations; tokens go in at the start of a line, where a parser reads them as such. */
export function mutate(seed: Buffer, mutations: Mutation[], tokens: readonly string[]): Buffer {
  let b = seed;
  for (const m of mutations) {
    const at = b.length ? m.at % (b.length + 1) : 0;
    if (m.op === 'flip' && b.length) b = Buffer.concat([b.subarray(0, at), Buffer.from([m.byte]), b.subarray(at + 1)]);
    else if (m.op === 'delete') b = Buffer.concat([b.subarray(0, at), b.subarray(at + m.len)]);
    else if (m.op === 'repeat') b = Buffer.concat([b.subarray(0, at), ...Array.from({ length: m.times }, () => b.subarray(at, at + m.len)), b.subarray(at + m.len)]);
    else if (m.op === 'truncate') b = b.subarray(0, at);
    else if (m.op === 'insert') {
      const nl = b.indexOf(0x0a, at);
      const pos = nl === -1 ? b.length : nl + 1;
      b = Buffer.concat([b.subarray(0, pos), Buffer.from(tokens[m.token % tokens.length]!, 'utf8'), b.subarray(pos)]);
    }
  }
  return b;
}

/** One worker thread at a time; a hung input gets it terminated and a fresh one started. */
class Sandbox {
  private worker: Worker | null = null;
  private spawn(): Worker {
    return new Worker(new URL('./fuzz-worker.mjs', import.meta.url));
  }
  async run(job: FuzzJob, budgetMs: number): Promise<FuzzAnswer | 'hang'> {
    // Module loading is not the input's time: a fresh worker answers a trivial job first.
    if (!this.worker) {
      this.worker = this.spawn();
      await this.ask(this.worker, { kind: 'mime', name: 'warm-up', bytes: new Uint8Array(Buffer.from('From: a@b.example\r\n\r\nhi')) }, 120_000);
    }
    const answer = await this.ask(this.worker, job, budgetMs);
    if (answer === 'hang') {
      await this.worker.terminate();
      this.worker = null;
    }
    return answer;
  }
  private ask(worker: Worker, job: FuzzJob, budgetMs: number): Promise<FuzzAnswer | 'hang'> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        resolve('hang');
      }, budgetMs);
      const onMessage = (answer: FuzzAnswer) => {
        cleanup();
        resolve(answer);
      };
      const onError = (err: Error) => {
        cleanup();
        this.worker = null;
        reject(new Error(`the fuzz worker died on ${job.name}: ${err.message}`));
      };
      const cleanup = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage(job);
    });
  }
  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}

const sandbox = new Sandbox();
afterAll(() => sandbox.close());

/**
 * The time budget of an input: FUZZ_BUDGET_MS, or 3 times what its unmutated corpus file takes
 * (plus a second) when that is more: some corpus files are large (mathBirthdays.ics holds 13,000
 * yearly events) and a loaded machine is slow. A mutation may cost more; not an order more.
 */
const baselines = new Map<string, number>();
async function budgetFor(kind: 'ics' | 'mime', source: string): Promise<number> {
  let base = baselines.get(source);
  if (base === undefined) {
    const started = Date.now();
    const answer = await sandbox.run({ kind, name: `seed-${basename(source).replace(/[^A-Za-z0-9._-]/g, '_')}${kind === 'ics' && !/\.ics$/i.test(source) ? '.ics' : ''}`, bytes: new Uint8Array(readFileSync(source)) }, 120_000);
    if (answer === 'hang') throw new Error(`${source}: the unmutated corpus file gets no answer within 120 s (a hang)`);
    base = Date.now() - started;
    baselines.set(source, base);
  }
  return Math.max(BUDGET_MS, 3 * base + 1000);
}

/**
 * The calendar reader may spend up to MAX_EXPANSION_MS on one event before it skips it and names the
 * rule (the defined answer to a rule that never ends, e.g. FREQ=SECONDLY;COUNT=100000000): each
 * event of a mutated file may use that much, with half again for a loaded machine. Without it the
 * budget equalled the bound and a run at load average 28 called the bound itself a hang (seed
 * 2128886852: one event, skipped and named after 7.1 s).
 */
function expansionAllowance(kind: 'ics' | 'mime', bytes: Buffer): number {
  if (kind !== 'ics') return 0;
  const events = bytes.toString('latin1').match(/^BEGIN:VEVENT/gim)?.length ?? 0;
  return Math.max(1, events) * Math.ceil(1.5 * MAX_EXPANSION_MS);
}

function verdict(kind: 'ics' | 'mime', name: string, answer: FuzzAnswer | 'hang', budget: number): string | null {
  if (answer === 'hang') return `${name}: no answer within ${budget} ms (a hang)`;
  if (!answer.ok) {
    if (kind === 'ics') return `${name}: the calendar sync threw (${answer.threw})\n${answer.stack}`;
    if (!answer.threw.includes(name)) return `${name}: refused without naming the input: "${answer.threw}"\n${answer.stack}`;
    return null;
  }
  const unnamed = answer.problems.filter((p) => p.where !== name);
  return unnamed.length ? `${name}: problems that do not name the file: ${JSON.stringify(unnamed.slice(0, 3))}` : null;
}

describe.each([
  ['ics', ICS_SEEDS],
  ['mime', MIME_SEEDS],
] as const)(`parser fuzzing: %s (seed ${SEED})`, (kind, seeds) => {
  it(`${RUNS} mutated corpus files: no hang (${BUDGET_MS} ms each, or 3× the unmutated file, plus ${Math.ceil(1.5 * MAX_EXPANSION_MS)} ms per event of an .ics), no crash, every rejection names the input`, async () => {
    if (seeds.length === 0) throw new Error(`No ${kind} files under ${CORPORA_DIR}; set FOLLOWUP_CORPORA to the shared corpora (see its SOURCES.md).`);
    let i = 0;
    const seen = { inputs: 0, problems: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: seeds.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 6 }), async (pick, mutations) => {
        const source = seeds[pick]!;
        const bytes = mutate(readFileSync(source), mutations, TOKENS[kind]);
        const name = `fuzz-${i++}-${basename(source).replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 60)}${kind === 'ics' && !/\.ics$/i.test(source) ? '.ics' : ''}`;
        const budget = (await budgetFor(kind, source)) + expansionAllowance(kind, bytes);
        const answer = await sandbox.run({ kind, name, bytes: new Uint8Array(bytes) }, budget);
        seen.inputs += 1;
        if (answer !== 'hang' && answer.ok) seen.problems += answer.problems.length;
        if (answer !== 'hang' && !answer.ok) seen.refused += 1;
        const bad = verdict(kind, name, answer, budget);
        if (bad) {
          // Kept for replay: the exact bytes, named as reported.
          const saved = join(FAILURES, name);
          mkdirSync(FAILURES, { recursive: true });
          writeFileSync(saved, bytes);
          throw new Error(`${bad}\n(from ${source}, mutations ${JSON.stringify(mutations).slice(0, 400)}; input saved to ${saved})`);
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    console.log(`fuzz ${kind}: ${seen.inputs} inputs from ${seeds.length} corpus files, ${seen.problems} problems reported, ${seen.refused} refused (seed ${SEED})`);
    expect(seen.inputs).toBe(RUNS);
  }, LONG ? 6 * 3_600_000 : 240_000);
});
