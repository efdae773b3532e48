import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseReply } from '../domain/reply/index.js';
import type { ParsedReply, ReplyKind } from '../domain/types.js';
import { parseRawEmail } from '../mail/parse-mime.js';
import { ratio, readJson, readText } from './corpora.js';

/** One labelled reply of the multilingual set (tests/fixtures/replies-multilingual/<split>/labels.json). */
export interface MultilingualCase {
  file: string;
  lang: string;
  client: string;
  class: string;
  zone: string;
  repZone?: string;
  country?: string;
  sent?: string;
  kind: ReplyKind;
  /** Expected proposal starts (UTC ISO), the most likely first. */
  proposals: string[];
  ambiguous: boolean;
  alternatives?: string[];
  returnDate: string | null;
  offered?: [string, string][];
  note?: string;
}

export interface Tally { n: number; right: number }

export interface MultilingualScore {
  n: number;
  /** Right by the issue's rule (an uncertain reading with the right one among its first three options counts only when the 85% rule holds). */
  right: number;
  accuracy: number;
  /** Cases with an expected proposal, and how many were read as certain and right. */
  proposalN: number;
  certainRight: number;
  certainRightShare: number;
  /** The share of proposals read certain and right is at least 85%. */
  holds85: boolean;
  uncertainButRight: number;
  hardNegativeProposals: string[];
  missedOptouts: string[];
  byClass: Record<string, Tally>;
  byLang: Record<string, Tally>;
  failures: string[];
}

export const MULTILINGUAL_DIR = join('tests', 'fixtures', 'replies-multilingual');

export function hasSplit(root: string, split: string): boolean {
  return existsSync(join(root, MULTILINGUAL_DIR, split, 'labels.json'));
}

/** A split folder named `heldout…` (heldout, heldout-r4, …) is blind: scored, never tuned on, and reported apart. */
export function isHeldOut(split: string): boolean {
  return split.startsWith('heldout');
}

/**
 * Every split folder with a labels.json: the tuned ones first (tune, dev, then tune-r2 and any other by name),
 * then the held-out ones (`heldout…`, such as heldout-r4 when the lead adds it) by name, numbers in order (tune-r9 before tune-r10).
 */
export function listSplits(root: string): string[] {
  const dir = join(root, MULTILINGUAL_DIR);
  if (!existsSync(dir)) return [];
  const rank = (s: string) => (s === 'tune' ? 0 : s === 'dev' ? 1 : isHeldOut(s) ? 3 : 2);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && hasSplit(root, e.name))
    .map((e) => e.name)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'en', { numeric: true }));
}

/** The splits tuned on (everything but `heldout…`), and the held-out ones, each in listSplits' order. */
export function splitsByRole(root: string): { tuned: string[]; heldOut: string[] } {
  const all = listSplits(root);
  return { tuned: all.filter((s) => !isHeldOut(s)), heldOut: all.filter(isHeldOut) };
}

/**
 * Parses every case of a labelled directory the way `followup reply parse --tz <zone> --rep-tz <zone> <file>` does:
 * the prospect's zone and the rep's, nothing else (no offered slots, no country: the check gives none).
 */
export async function runMultilingual(dir: string): Promise<{ c: MultilingualCase; got: ParsedReply }[]> {
  const labels = readJson<{ cases: MultilingualCase[] }>(join(dir, 'labels.json')).cases;
  const out = [];
  for (const c of labels) {
    const message = await parseRawEmail(readText(join(dir, c.file)), c.file);
    out.push({ c, got: parseReply({ message, timeZone: c.zone, ...(c.repZone ? { repTimeZone: c.repZone } : {}) }) });
  }
  return out;
}

const iso = (s: string) => new Date(s).toISOString();

/** Scores one directory by the issue's rule: kind, first proposed start, return date. */
export async function scoreMultilingual(dir: string): Promise<MultilingualScore> {
  const rows = await runMultilingual(dir);
  const judged = rows.map(({ c, got }) => {
    const kindOk = got.kind === c.kind;
    const returnOk = c.kind !== 'ooo' || got.returnDate === c.returnDate;
    const expected = c.proposals[0] ? iso(c.proposals[0]) : null;
    const first = got.proposals[0]?.start.toISOString() ?? null;
    const options = [...got.proposals, ...got.alternatives].slice(0, 3).map((p) => p.start.toISOString());
    const startOk = expected === null || first === expected;
    const certainRight = kindOk && returnOk && startOk && got.certain;
    const uncertainRight = kindOk && returnOk && !got.certain && expected !== null && options.includes(expected);
    // A reply that names no time is right on its kind alone, certain or not.
    const plainRight = kindOk && returnOk && expected === null;
    return { c, got, certainRight, uncertainRight, plainRight, first, options };
  });
  const withProposal = judged.filter((j) => j.c.proposals.length > 0);
  const certainRight = withProposal.filter((j) => j.certainRight).length;
  const certainRightShare = ratio(certainRight, withProposal.length);
  const holds85 = withProposal.length === 0 || certainRightShare >= 0.85;
  const isRight = (j: (typeof judged)[number]) => j.plainRight || j.certainRight || (holds85 && j.uncertainRight);
  const byClass: Record<string, Tally> = {};
  const byLang: Record<string, Tally> = {};
  const failures: string[] = [];
  for (const j of judged) {
    const ok = isRight(j);
    for (const [map, key] of [[byClass, j.c.class], [byLang, j.c.lang]] as const) {
      const t = (map[key] ??= { n: 0, right: 0 });
      t.n++;
      if (ok) t.right++;
    }
    if (!ok || (!j.certainRight && j.c.proposals.length > 0)) {
      failures.push(`${ok ? 'asks ' : 'WRONG'} ${j.c.file} [${j.c.class}/${j.c.lang}] kind ${j.got.kind}/${j.c.kind} first ${j.first ?? '-'} / ${j.c.proposals[0] ? iso(j.c.proposals[0]) : '-'} certain ${j.got.certain}${j.got.uncertain.length ? ` (${j.got.uncertain.join('; ')})` : ''} ret ${j.got.returnDate}/${j.c.returnDate}`);
    }
  }
  const right = judged.filter(isRight).length;
  return {
    n: judged.length,
    right,
    accuracy: ratio(right, judged.length),
    proposalN: withProposal.length,
    certainRight,
    certainRightShare,
    holds85,
    uncertainButRight: judged.filter((j) => j.uncertainRight).length,
    hardNegativeProposals: judged.filter((j) => j.c.class === 'hard-negative' && j.got.proposals.length > 0).map((j) => j.c.file),
    missedOptouts: judged.filter((j) => j.c.kind === 'optout' && j.got.kind !== 'optout').map((j) => j.c.file),
    byClass,
    byLang,
    failures,
  };
}
