import { describe, expect, it } from 'vitest';
import { firstLocal, read } from './lang-helpers.js';

/**
 * A date written with its ordinal ("19th", "1er", "2e", "1º de", "19.", "1ste", "19e") before its month, in the seven
 * languages, read on Monday 17 November 2025 at 09:12 in the prospect's zone. The time read must be that day, and the
 * phrase the parser reports (echoed in the booking's timeline entry, the alerts and `reply parse`) must name the day
 * and month once: the weekday-and-day-number rule used to split an ordinal it did not know from its month
 * ("Wednesday 19 Novembere November", "Tuesday 2 Decemberème December"), or lose the date altogether.
 */
const ORDINALS: [lang: string, text: string, first: string][] = [
  ['en', 'Could we do Wednesday 19th November at 3pm?', '2025-11-19 15:00'],
  ['en', 'Monday the 1st of December at 10am works for me.', '2025-12-01 10:00'],
  ['en', 'How about Tuesday, December 2nd at 3pm?', '2025-12-02 15:00'],
  ['fr', 'On peut faire lundi 1er décembre à 15h ?', '2025-12-01 15:00'],
  ['fr', 'On peut faire mardi 2e décembre à 15h ?', '2025-12-02 15:00'],
  ['fr', 'On peut faire mardi 2ème décembre à 15h ?', '2025-12-02 15:00'],
  ['es', '¿Podemos el miércoles 19 de noviembre a las 15h?', '2025-11-19 15:00'],
  ['es', '¿Podemos el lunes 1º de diciembre a las 15h?', '2025-12-01 15:00'],
  ['es', '¿Podemos el lunes 1.º de diciembre a las 15h?', '2025-12-01 15:00'],
  ['pt', 'Pode ser na quarta-feira, 19 de novembro às 15h?', '2025-11-19 15:00'],
  ['pt', 'Pode ser na segunda-feira, 1º de dezembro às 15h?', '2025-12-01 15:00'],
  ['de', 'Passt Ihnen Mittwoch, 19. November um 15 Uhr?', '2025-11-19 15:00'],
  ['de', 'Passt Ihnen Montag, 1. Dezember um 15 Uhr?', '2025-12-01 15:00'],
  ['nl', 'Kan het woensdag 19e november om 15 uur?', '2025-11-19 15:00'],
  ['nl', 'Kan het maandag 1ste december om 15 uur?', '2025-12-01 15:00'],
  ['nl', 'Kan het dinsdag 2de december om 15 uur?', '2025-12-02 15:00'],
  ['it', 'Va bene mercoledì 19 novembre alle 15?', '2025-11-19 15:00'],
  ['it', 'Va bene lunedì 1º dicembre alle 15?', '2025-12-01 15:00'],
];

const MONTH = /\b(?:january|february|march|april|may|june|july|august|september|october|november|december)/giu;

describe('a date written with an ordinal before its month, in the seven languages', () => {
  it.each(ORDINALS)('%s: %s', (lang, text, first) => {
    const r = read(lang, text);
    expect(r.kind).toBe('proposal');
    expect(firstLocal(lang, r)).toBe(first);
    expect(r.proposals).toHaveLength(1);
    const phrase = r.proposals[0]!.text;
    // The month once, as a whole word: not "19 Novembere November", "2 Decemberème December".
    expect(phrase.match(MONTH) ?? [], phrase).toHaveLength(1);
    expect(phrase, phrase).not.toMatch(/(?:january|february|march|april|may|june|july|august|september|october|november|december)\p{L}/iu);
    // The day number, with no ordinal but English's left on it ("2e", "1º", "1ste" are not for the reader).
    expect(phrase, phrase).toMatch(new RegExp(`(?<![\\d.])${Number(first.slice(8, 10))}(?:st|nd|rd|th)?(?![\\p{L}\\d.º])`, 'u'));
  });
});
