import { DECLINE_CUES, NEGATION_BEFORE, OPTOUT_CUES, type Cue } from './stop-cues.js';
import { readFrames, unwrapLines } from './stop-meaning.js';

export interface StopIntent {
  kind: 'optout' | 'decline' | null;
  /** The cue phrases that decided, for --explain. */
  cues: string[];
  /** A weak decline ("not right now", "we're all set") gives way to a time or range named in the same reply. */
  strong: boolean;
}

/** Clauses: sentences, and their parts around ";", ":" and a dash. A negation counts inside its own clause only. */
function clauses(text: string): string[] {
  return unwrapLines(text).split(/(?<=[.!?¡¿;:\n])\s+|\s+[-–—]\s+|\n/).map((s) => s.trim()).filter(Boolean);
}

function score(cues: Cue[], text: string): { total: number; hits: string[] } {
  let total = 0;
  const hits: string[] = [];
  for (const clause of clauses(text)) {
    for (const cue of cues) {
      const m = cue.re.exec(clause);
      if (!m) continue;
      if (cue.negatable && NEGATION_BEFORE.test(clause.slice(0, m.index))) continue;
      total += cue.weight;
      hits.push(m[0]);
    }
  }
  return { total, hits };
}

/**
 * Does the prospect ask to stop being written to (opt-out), or say no to the offer (decline)? Weighted cues in the
 * seven languages, read clause by clause with negation ("please don't remove me" is no opt-out). An opt-out must never
 * be missed: a weak opt-out cue ("GDPR", "never signed up") next to a decline makes the reply an opt-out.
 */
export function readStopIntent(text: string): StopIntent {
  const t = text.slice(0, 5_000);
  const optout = score(OPTOUT_CUES, t);
  const decline = score(DECLINE_CUES, t);
  // The meaning of each clause (stop-meaning.ts): frames of concepts, for paraphrases no cue lists.
  for (const f of readFrames(t)) {
    const into = f.kind === 'optout' ? optout : decline;
    into.total += f.weight;
    into.hits.push(`${f.text} (${f.name})`);
  }
  if (optout.total >= 1 || (optout.total >= 0.5 && decline.total >= 0.7)) return { kind: 'optout', cues: [...optout.hits, ...decline.hits], strong: true };
  if (decline.total >= 0.7) return { kind: 'decline', cues: decline.hits, strong: decline.total >= 1 };
  return { kind: null, cues: [], strong: false };
}
