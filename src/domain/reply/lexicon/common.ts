import { ENGLISH_MONTHS, ENGLISH_WEEKDAYS, w, type Rule } from './rules.js';

/**
 * Weekday and month names of the seven languages → English. They are unambiguous across these languages,
 * so they are rewritten in every reply, whatever language it was detected as (short replies fool detectors).
 * Portuguese ordinals that double as weekdays ("a segunda opção") are kept when they read as ordinals.
 */
const WEEKDAYS: string[][] = [
  ['lunes', 'lundi', 'montag', 'maandag', 'lunedì', 'lunedi'],
  ['martes', 'mardi', 'dienstag', 'dinsdag', 'martedì', 'martedi', 'terça-feira', 'terca-feira', 'terça', 'terca'],
  ['miércoles', 'miercoles', 'mercredi', 'mittwoch', 'woensdag', 'mercoledì', 'mercoledi', 'quarta-feira', 'quarta'],
  ['jueves', 'jeudi', 'donnerstag', 'donderdag', 'giovedì', 'giovedi', 'quinta-feira', 'quinta'],
  ['viernes', 'vendredi', 'freitag', 'vrijdag', 'venerdì', 'venerdi', 'sexta-feira', 'sexta'],
  ['sábado', 'sabado', 'samedi', 'samstag', 'sonnabend', 'zaterdag', 'sabato'],
  ['domingo', 'dimanche', 'sonntag', 'zondag', 'domenica'],
];

const MONTHS: string[][] = [
  ['enero', 'janvier', 'januar', 'jänner', 'januari', 'gennaio', 'janeiro'],
  ['febrero', 'février', 'fevrier', 'februar', 'februari', 'febbraio', 'fevereiro'],
  ['marzo', 'mars', 'märz', 'maerz', 'maart', 'março', 'marco'],
  ['abril', 'avril', 'aprile'],
  ['mayo', 'mai', 'mei', 'maggio', 'maio'],
  ['junio', 'juin', 'juni', 'giugno', 'junho'],
  ['julio', 'juillet', 'juli', 'luglio', 'julho'],
  ['agosto', 'août', 'aout', 'augustus'],
  ['septiembre', 'setiembre', 'septembre', 'settembre', 'setembro'],
  ['octubre', 'octobre', 'oktober', 'ottobre', 'outubro'],
  ['noviembre', 'novembre', 'novembro'],
  ['diciembre', 'décembre', 'decembre', 'dezember', 'dicembre', 'dezembro'],
];

/** "a segunda opção", "a quinta": an ordinal, not Monday or Thursday. */
const PT_ORDINAL_AFTER = '(?!\\s+(?:opção|opcao|opções|alternativa|sugestão|sugestao|vez|hipótese|proposta|data|hora|horário|horario))';
const PT_ORDINAL_BEFORE = '(?<!(?:^|\\s)(?:a|o)\\s)';

export const COMMON_RULES: Rule[] = [
  ...WEEKDAYS.map((names, i): Rule => {
    const pt = names.filter((n) => /^(?:terça|terca|quarta|quinta|sexta)$/.test(n));
    const rest = names.filter((n) => !pt.includes(n));
    const src = [...rest.sort((a, b) => b.length - a.length), ...pt.map((n) => `${PT_ORDINAL_BEFORE}${n}${PT_ORDINAL_AFTER}`)].join('|');
    return [w(src), ENGLISH_WEEKDAYS[i] ?? ''];
  }),
  // "segunda" is Monday unless it reads as "the second (option)".
  [w(`segunda-feira|${PT_ORDINAL_BEFORE}segunda${PT_ORDINAL_AFTER}`), 'Monday'],
  ...MONTHS.map((names, i): Rule => [w(names.sort((a, b) => b.length - a.length).join('|')), ENGLISH_MONTHS[i] ?? '']),
];
