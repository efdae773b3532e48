import { join } from 'node:path';
import { parseReply } from '../domain/reply/index.js';
import type { ParsedReply, ReplyKind } from '../domain/types.js';
import { parseRawEmail } from '../mail/parse-mime.js';
import { ratio, readJson, readText } from './corpora.js';

export interface OwnCase {
  file: string;
  zone: string;
  split: 'tune' | 'heldout';
  kind: ReplyKind;
  /** Expected proposal starts, UTC ISO, in order. */
  proposals: string[];
  ambiguous: boolean;
  returnDate: string | null;
  /** Slots the worker offered: [start, end] UTC ISO. */
  offered?: [string, string][];
  note?: string;
}

export interface OwnScore { n: number; kind: number; proposals: number; proposalN: number; ambiguous: number; returnDate: number; returnN: number; failures: string[] }

export const OWN_SET_DIR = join('tests', 'fixtures', 'replies');

export async function runOwnSet(root: string, split?: 'tune' | 'heldout'): Promise<{ c: OwnCase; got: ParsedReply }[]> {
  const dir = join(root, OWN_SET_DIR);
  const labels = readJson<{ cases: OwnCase[] }>(join(dir, 'labels.json')).cases.filter((c) => !split || c.split === split);
  const out = [];
  for (const c of labels) {
    const message = await parseRawEmail(readText(join(dir, c.file)), c.file);
    const offeredSlots = c.offered?.map(([s, e]) => ({ start: new Date(s), end: new Date(e) }));
    out.push({ c, got: parseReply({ message, timeZone: c.zone, offeredSlots }) });
  }
  return out;
}

export async function scoreOwnSet(root: string, split?: 'tune' | 'heldout'): Promise<OwnScore> {
  const rows = await runOwnSet(root, split);
  let kind = 0; let prop = 0; let propN = 0; let amb = 0; let ret = 0; let retN = 0;
  const failures: string[] = [];
  for (const { c, got } of rows) {
    const k = got.kind === c.kind;
    if (k) kind++;
    const starts = got.proposals.map((p) => p.start.toISOString());
    let p = true;
    if (c.proposals.length > 0) {
      propN++;
      p = starts.length === c.proposals.length && starts.every((s, i) => s === new Date(c.proposals[i] ?? '').toISOString());
      if (p) prop++;
    }
    const a = got.ambiguous === c.ambiguous;
    if (a) amb++;
    let r = true;
    if (c.kind === 'ooo') { retN++; r = got.returnDate === c.returnDate; if (r) ret++; }
    if (!k || !p || !a || !r) failures.push(`${c.file}: kind ${got.kind}/${c.kind} starts ${starts.join(',') || '-'} / ${c.proposals.join(',') || '-'} amb ${got.ambiguous}/${c.ambiguous} ret ${got.returnDate}/${c.returnDate}`);
  }
  const n = rows.length;
  return { n, kind: ratio(kind, n), proposals: ratio(prop, propN), proposalN: propN, ambiguous: ratio(amb, n), returnDate: ratio(ret, retN), returnN: retN, failures };
}
