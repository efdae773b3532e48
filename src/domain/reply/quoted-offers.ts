import { DateTime } from 'luxon';
import type { ProposedTime } from '../types.js';
import { detectLanguage } from './language.js';
import { toEnglishTimes } from './lexicon/index.js';
import { headerBlockAt, replyHeaderAt } from './markers.js';
import { extractTimes, type ExtractedTime } from './times.js';
import { cityZoneAt, zoneWordAt } from './zones.js';

/** A header line of a quoted message ("From:", "Sent:", "De :", "Gesendet:"…), also when bold in the client's text. */
const HEADER_FIELD = /^\s*\*?(?:from|sent|date|to|subject|cc|von|gesendet|datum|an|betreff|de|envoyé|objet|à|enviado(?:\s+el)?|fecha|para|asunto|assunto|van|verzonden|aan|onderwerp|da|inviato|a|oggetto)\s*\*?\s*:/i;
const WROTE_END = /(?:wrote|schrieb|a écrit|escribió|escreveu|schreef|scritto|geschreven)\s*:?\s*$/i;

/**
 * The quoted history without its headers: the "On … wrote:" line (also when the client wrapped it over two lines,
 * as Gmail's plain text does) and Outlook's From/Sent/To/Subject block. A header's date is when the rep wrote, never
 * a time the rep offered.
 */
export function quotedBody(quoted: string): string {
  const lines = quoted.split('\n');
  const keep: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const reply = replyHeaderAt(lines, i);
    if (reply > 0) { i += reply - 1; continue; }
    if (headerBlockAt(lines, i)) {
      while (i + 1 < lines.length && HEADER_FIELD.test(lines[i + 1] ?? '')) i++;
      continue;
    }
    const line = lines[i] ?? '';
    if (WROTE_END.test(line) || HEADER_FIELD.test(line)) continue;
    keep.push(line);
  }
  return keep.join('\n');
}

/** Times the rep proposed in the quoted history (used when no offered slots are stored). */
export function quotedProposals(quoted: string, ref: Date, zone: string): (ProposedTime & { zone?: string })[] {
  if (!quoted) return [];
  const text = quotedBody(quoted).split('\n').slice(0, 60).join('\n');
  const language = detectLanguage(text);
  // "A few options (all Eastern time):", "How about one of these (ET)?": the zone the rep named for the list.
  const named = blockZone(text);
  const listZone = named ?? zone;
  const english = dashBeforeTime(toEnglishTimes(text, language.lang, language.reliable ? null : language.runnerUp));
  const all = extractTimes(english, ref, listZone, { scheduling: true }).filter((t) => !t.excluded);
  // "Are you free Thursday, June 17? I could do 3:00 PM ET.": one day asked, the time in the next sentence is on it;
  // so is a span of hours with no day ("Would Thursday Dec 3 suit? Any time after lunch is fine.").
  const days = [...new Set(all.filter((t) => t.grain === 'day' && t.dated).map((t) => DateTime.fromJSDate(t.start, { zone: listZone }).toISODate()))];
  const onDay = (t: ExtractedTime): ExtractedTime => {
    if (days.length !== 1 || (t.dated && !PART_ALONE.test(t.text)) || (t.grain !== 'minute' && t.grain !== 'window') || all.some((o) => o.dated && o.grain === 'minute')) return t;
    const day = DateTime.fromISO(days[0]!, { zone: listZone });
    const move = (d: Date) => DateTime.fromJSDate(d, { zone: t.rules.some((r) => /explicit zone/.test(r)) ? zoneOf(t) ?? listZone : listZone }).set({ year: day.year, month: day.month, day: day.day }).toJSDate();
    return { ...t, start: move(t.start), end: t.end ? move(t.end) : null, dated: true };
  };
  const found = all.map(onDay).filter((t) => t.grain !== 'day' && t.grain !== 'range' && t.start.getTime() > ref.getTime());
  return found.map((t) => ({ start: t.start, end: t.end, text: t.text, ...(named ? { zone: named } : {}) }));
}

/** "morning", "in the afternoon": a part of day with no day of its own (read as the next one). */
const PART_ALONE = /^(?:(?:in\s+the\s+)?(?:morning|afternoon|evening))$/i;

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
/** A date as an offer list writes it before its time: "Friday 11/21", "Tuesday 25 Nov", "Nov 25th". */
const DATE_BEFORE_DASH = new RegExp(`(\\b\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?|\\b\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?${MONTH}|\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?)\\s*[-–—]\\s*(?=\\d{1,2}(?::\\d{2}|\\s*(?:am|pm|a\\.m\\.|p\\.m\\.|h\\b|uhr\\b|u\\b))(?![\\d/]))`, 'gi');

/**
 * "Friday 11/21 - 9am or 2pm?", "Tuesday 25 Nov – 10:00": a dash between an offered date and its time is "at". Read
 * as written, "21 - 9am" is a range from 21:00 to 9am and "25 Nov – 10:00" nothing at all.
 */
export function dashBeforeTime(text: string): string {
  return text.replace(DATE_BEFORE_DASH, '$1 at ');
}

/** A zone the rep named in brackets for the whole list: "(all Eastern time)", "(ET)", "(hora de Madrid)", "(all times CET)". */
export function blockZone(text: string): string | null {
  for (const m of text.matchAll(/\(\s*(?:all\s+(?:times\s+)?(?:are\s+)?(?:in\s+)?|times\s+(?:in\s+)?|todas?\s+(?:en\s+|em\s+)?|toutes?\s+(?:en\s+)?|alle\s+(?:in\s+)?|tutti?\s+(?:in\s+)?)?([^()\n]{2,40})\)/giu)) {
    const inner = m[1] ?? '';
    const word = zoneWordAt(inner, true);
    if (word && inner.trim().length <= word.length + 1) return word.zone;
    const city = cityZoneAt(inner.replace(/^/, ' '));
    if (city) return city;
  }
  return null;
}

/** The zone a time was read in, when it named one ("3:00 PM ET"). */
function zoneOf(t: ExtractedTime): string | null {
  for (const r of t.rules) {
    const m = /^explicit zone (.+)$/.exec(r);
    if (m?.[1]) return m[1];
  }
  return null;
}
