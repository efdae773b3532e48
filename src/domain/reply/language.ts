import { eld } from 'eld/small';
import { cueCounts } from './language-cues.js';

/** The languages the reply parser reads. */
export const LANGUAGES = ['en', 'es', 'pt', 'fr', 'de', 'nl', 'it'] as const;
export type Lang = (typeof LANGUAGES)[number];

export interface LanguageGuess {
  lang: Lang;
  /** The next most likely language, when it scored close to the first. */
  runnerUp: Lang | null;
  /** False for short or mixed text where the detector's scores are close: a reading may then need a question. */
  reliable: boolean;
  /** What decided: the detector, a Content-Language header, or the default. */
  source: 'detector' | 'content-language' | 'default';
}

// One isolated eld instance (n-gram tables, deterministic), limited to the seven languages.
const detector = eld.newInstance();
detector.setLanguageSubset([...LANGUAGES]);

const isLang = (s: string): s is Lang => (LANGUAGES as readonly string[]).includes(s);

/**
 * The language of a reply's visible text. eld (Nito-ELD, n-grams) decides; on very short text a
 * `Content-Language` header, when present, breaks a tie. Measured on short replies: see README "Measured".
 */
export function detectLanguage(text: string, contentLanguage?: string | null): LanguageGuess {
  const header = (contentLanguage ?? '').toLowerCase().split(/[,;\s]/)[0]?.slice(0, 2) ?? '';
  const sample = text.replace(/https?:\/\/\S+|\S+@\S+|[\d:./-]+/g, ' ').trim().slice(0, 1_000);
  if (!/\p{L}{2,}/u.test(sample)) {
    return { lang: isLang(header) ? header : 'en', runnerUp: null, reliable: isLang(header), source: isLang(header) ? 'content-language' : 'default' };
  }
  const result = detector.detect(sample);
  const scores = Object.entries(result.getScores()).filter(([l]) => isLang(l)).sort((a, b) => b[1] - a[1]);
  const [first, second] = scores;
  if (!first || !isLang(first[0])) {
    return { lang: isLang(header) ? header : 'en', runnerUp: null, reliable: false, source: isLang(header) ? 'content-language' : 'default' };
  }
  let close = second !== undefined && second[1] > first[1] * 0.9;
  let runnerUp = second && isLang(second[0]) && second[1] > first[1] * 0.75 ? second[0] : null;
  // Close scores: the languages' own short words decide between the two, when they clearly favour one.
  if (second && isLang(second[0]) && (close || !result.isReliable())) {
    const cues = cueCounts(sample);
    const [a, b] = [cues[first[0]], cues[second[0]]];
    if (b >= a + 2) {
      return { lang: second[0], runnerUp: first[0], reliable: b >= 3, source: 'detector' };
    }
    if (a >= b + 2) { close = false; runnerUp = null; }
  }
  // A header naming one of the two close candidates settles it.
  if (close && isLang(header) && (header === first[0] || header === second?.[0])) {
    return { lang: header, runnerUp: header === first[0] ? runnerUp : first[0], reliable: true, source: 'content-language' };
  }
  return { lang: first[0], runnerUp, reliable: (result.isReliable() || runnerUp === null) && !close, source: 'detector' };
}
