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
    // A third language the n-grams ranked lower ("quarta nao rola. quinta msm horario?" scored Italian, then Spanish)
    // whose own words lead all the others; on a reply of a few words ("la 2 svp") one such word is enough.
    const words = sample.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
    const ranked = (Object.entries(cues) as [Lang, number][]).sort((x, y) => y[1] - x[1]);
    const [top, next] = ranked;
    const lead = words <= 3 ? 1 : 2;
    if (top && next && top[1] >= lead && top[1] >= next[1] + lead && top[0] !== first[0]) {
      return { lang: top[0], runnerUp: first[0], reliable: top[1] >= 3, source: 'detector' };
    }
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

/**
 * Words typed without their accents on a phone ("quarta nao rola", "manana a las 3", "lunedi alle 10", "deja pris"),
 * spelled as the language writes them, so that what is read for negations, days and cues finds them. Only words that
 * mean nothing else in that language are restored.
 */
const ACCENTLESS: Partial<Record<Lang, Record<string, string>>> = {
  pt: {
    nao: 'não', voce: 'você', voces: 'vocês', amanha: 'amanhã', tambem: 'também', horario: 'horário', possivel: 'possível',
    reuniao: 'reunião', proximo: 'próximo', proxima: 'próxima', sabado: 'sábado', terca: 'terça', entao: 'então',
    ligacao: 'ligação', disponivel: 'disponível', ja: 'já', so: 'só', ate: 'até',
    otimo: 'ótimo', otima: 'ótima', obg: 'obrigado', pq: 'porque',
    vc: 'você', vcs: 'vocês', msm: 'mesmo', hj: 'hoje', tb: 'também', tbm: 'também',
  },
  es: {
    manana: 'mañana', miercoles: 'miércoles', sabado: 'sábado', proximo: 'próximo', proxima: 'próxima', reunion: 'reunión',
    tambien: 'también', despues: 'después', podria: 'podría', podriamos: 'podríamos', aqui: 'aquí',
  },
  fr: {
    deja: 'déjà', apres: 'après', tres: 'très', reunion: 'réunion', debut: 'début', fevrier: 'février', aout: 'août',
    decembre: 'décembre', ca: 'ça', plutot: 'plutôt', prefere: 'préfère', desole: 'désolé', desolee: 'désolée',
    interesse: 'intéressé', interessee: 'intéressée', deuxieme: 'deuxième', troisieme: 'troisième', premiere: 'première',
  },
  de: {
    naechste: 'nächste', naechsten: 'nächsten', naechster: 'nächster', fuer: 'für', ueber: 'über', maerz: 'März',
    koennen: 'können', koennten: 'könnten', waere: 'wäre', gruesse: 'grüße', spaeter: 'später', frueh: 'früh',
    frueher: 'früher', moechte: 'möchte', moechten: 'möchten', muessen: 'müssen', moeglich: 'möglich',
  },
  it: {
    lunedi: 'lunedì', martedi: 'martedì', mercoledi: 'mercoledì', giovedi: 'giovedì', venerdi: 'venerdì', piu: 'più',
    perche: 'perché', puo: 'può', gia: 'già', cosi: 'così', citta: 'città', disponibilita: 'disponibilità',
  },
};

export function withAccents(text: string, lang: Lang): string {
  const words = ACCENTLESS[lang];
  if (!words) return text;
  return text.replace(/(?<![\p{L}\p{M}'’])\p{L}+(?![\p{L}\p{M}'’])/gu, (w) => {
    const to = words[w.toLowerCase()];
    if (!to || to === w.toLowerCase()) return w;
    return w[0] === w[0]?.toUpperCase() && w.length > 1 && w.slice(1) === w.slice(1).toLowerCase() ? to[0]?.toUpperCase() + to.slice(1) : w === w.toUpperCase() && w.length > 1 ? to.toUpperCase() : to;
  });
}
