import type { Lang } from '../language.js';
import { COMMON_RULES, PART_OF_DAY_RULES, WEEKDAY_DOTTED_DATE_RULES, crossAbbreviations } from './common.js';
import { DAY_WORD_RULES, hourWordRules } from './day-words.js';
import { DE_PRE_RULES, DE_RULES } from './de.js';
import { EN_RULES } from './en.js';
import { ES_PRE_RULES, ES_RULES } from './es.js';
import { FR_PRE_RULES, FR_RULES } from './fr.js';
import { IT_PRE_RULES, IT_RULES } from './it.js';
import { NL_PRE_RULES, NL_RULES } from './nl.js';
import { PT_PRE_RULES, PT_RULES } from './pt.js';
import { apply, type Rule } from './rules.js';

// Each language's day numbers in words open its rules (after the month names are English) and its hours 13–23 in
// words close its pre-rules (before the minutes in words are read): see day-words.ts.
const table = (lang: Lang, pre: Rule[], rules: Rule[]) => ({ pre: [...pre, ...hourWordRules(lang)], rules: [...DAY_WORD_RULES[lang], ...rules] });
const TABLES: Record<Lang, { pre: Rule[]; rules: Rule[] }> = {
  en: table('en', [], EN_RULES),
  es: table('es', ES_PRE_RULES, ES_RULES),
  pt: table('pt', PT_PRE_RULES, PT_RULES),
  fr: table('fr', FR_PRE_RULES, FR_RULES),
  de: table('de', DE_PRE_RULES, DE_RULES),
  nl: table('nl', NL_PRE_RULES, NL_RULES),
  it: table('it', IT_PRE_RULES, IT_RULES),
};

/**
 * The reply's date and time vocabulary rewritten into the English the time reader (chrono-node's English parser
 * with followup's additions) understands: "mañana a las 3 de la tarde" → "tomorrow at 3pm", "Dienstag um halb drei"
 * → "Tuesday at 2:30". Weekday and month names of all seven languages are rewritten whatever the language; the
 * phrase grammar of the detected language (and of a close runner-up) after them. Words that are not about dates stay.
 */
export function toEnglishTimes(text: string, lang: Lang, runnerUp: Lang | null = null): string {
  const langs = runnerUp && runnerUp !== lang ? [lang, runnerUp] : [lang];
  let out = apply(apply(text, WEEKDAY_DOTTED_DATE_RULES), PART_OF_DAY_RULES);
  for (const l of langs) out = apply(out, TABLES[l].pre);
  out = apply(out, crossAbbreviations(lang));
  out = apply(out, COMMON_RULES);
  for (const l of langs) out = apply(out, TABLES[l].rules);
  if (!langs.includes('en')) out = apply(out, EN_RULES);
  return out;
}
