import { join } from 'node:path';
import { parseReply } from '../domain/reply/index.js';
import { parseRawEmail } from '../mail/parse-mime.js';
import { readJson, readText } from './corpora.js';

export type AutoClass = 'ooo' | 'bounce' | 'normal';
export interface ClassScore { precision: number; recall: number; support: number }
export interface AutoScore { n: number; classes: Record<AutoClass, ClassScore>; accuracy: number; confusions: string[] }

interface Label { file: string; label: string }

/** sisimai/set-of-emails: labels from file names (LABELS.derived.json); mbox archives are skipped. */
export async function scoreSisimai(corpora: string): Promise<AutoScore> {
  const dir = join(corpora, 'sisimai-set-of-emails');
  const labels = readJson<{ files: Label[] }>(join(dir, 'LABELS.derived.json')).files;
  const rows: { truth: AutoClass; got: AutoClass | 'rejected'; file: string }[] = [];
  for (const l of labels) {
    const truth = toClass(l.label);
    if (!truth) continue;
    // A file followup refuses to read as an email (e.g. no From header) is "rejected": wrong for its true class,
    // but not counted as a "normal" prediction either.
    let got: AutoClass | 'rejected' = 'normal';
    try {
      const msg = await parseRawEmail(readText(join(dir, l.file)), l.file);
      const kind = parseReply({ message: msg, timeZone: 'UTC' }).kind;
      got = kind === 'ooo' ? 'ooo' : kind === 'bounce' ? 'bounce' : 'normal';
    } catch {
      got = 'rejected';
    }
    rows.push({ truth, got, file: l.file });
  }
  const classes = {} as Record<AutoClass, ClassScore>;
  for (const c of ['ooo', 'bounce', 'normal'] as AutoClass[]) {
    const tp = rows.filter((r) => r.truth === c && r.got === c).length;
    const predicted = rows.filter((r) => r.got === c).length;
    const support = rows.filter((r) => r.truth === c).length;
    classes[c] = { precision: predicted ? tp / predicted : 0, recall: support ? tp / support : 0, support };
  }
  const ok = rows.filter((r) => r.truth === r.got).length;
  return { n: rows.length, classes, accuracy: ok / rows.length, confusions: rows.filter((r) => r.truth !== r.got).map((r) => `${r.file} ${r.truth}→${r.got}`) };
}

function toClass(label: string): AutoClass | null {
  if (label === 'auto_reply_vacation') return 'ooo';
  if (label === 'not_a_bounce') return 'normal';
  if (label === 'mbox_archive_of_bounces') return null;
  if (label.startsWith('bounce_dsn') || label.startsWith('abuse_feedback')) return 'bounce';
  return null;
}
