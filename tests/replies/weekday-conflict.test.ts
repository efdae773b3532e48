import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { weekdayConflict } from '../../src/domain/reply/weekday-conflict.js';
import { firstLocal, PROSPECT, read } from './lang-helpers.js';

/**
 * A weekday that does not match its date ("Thursday 19 November" when the 19th is a Wednesday) is a slip in one of the
 * two: a person would ask which, so the reading is not certain and both days are among the first options, the date
 * first. Read on Monday 17 November 2025 (the 19th is a Wednesday, the 20th a Thursday).
 */
const CLASHES: [lang: string, text: string, dateReading: string, weekdayReading: string][] = [
  ['en', 'Could we do Thursday 19th November at 3pm?', '2025-11-19 15:00', '2025-11-20 15:00'],
  ['en', 'Thurs the 19th, 10am?', '2025-11-19 10:00', '2025-11-20 10:00'],
  ['en', 'Tuesday 19 Nov at 2pm works for me', '2025-11-19 14:00', '2025-11-18 14:00'],
  ['es', '¿Podemos el jueves 19 de noviembre a las 15h?', '2025-11-19 15:00', '2025-11-20 15:00'],
  ['pt', 'Pode ser na quinta-feira, 19 de novembro às 15h?', '2025-11-19 15:00', '2025-11-20 15:00'],
  ['fr', 'On peut faire jeudi 19 novembre à 15h ?', '2025-11-19 15:00', '2025-11-20 15:00'],
  ['de', 'Passt Ihnen Donnerstag, 19. November um 15 Uhr?', '2025-11-19 15:00', '2025-11-20 15:00'],
  ['nl', 'Kan het donderdag 19 november om 15 uur?', '2025-11-19 15:00', '2025-11-20 15:00'],
  ['it', 'Va bene giovedì 19 novembre alle 15?', '2025-11-19 15:00', '2025-11-20 15:00'],
];

/** The weekday and the date agree: certain, one reading. */
const AGREE: [lang: string, text: string, first: string][] = [
  ['en', 'Could we do Wednesday 19th November at 3pm?', '2025-11-19 15:00'],
  ['en', 'Friday the 21st at 10am works.', '2025-11-21 10:00'],
  ['es', '¿Podemos el miércoles 19 de noviembre a las 15h?', '2025-11-19 15:00'],
  ['de', 'Passt Ihnen Mittwoch, 19. November um 15 Uhr?', '2025-11-19 15:00'],
  ['it', 'Va bene mercoledì 19 novembre alle 15?', '2025-11-19 15:00'],
];

const localOf = (lang: string, d: Date) => DateTime.fromJSDate(d, { zone: PROSPECT[lang]!.zone }).toFormat('yyyy-MM-dd HH:mm');

describe('a weekday that does not match its date is asked about, in the seven languages', () => {
  it.each(CLASHES)('%s: %s', (lang, text, dateReading, weekdayReading) => {
    const r = read(lang, text);
    expect(r.kind).toBe('proposal');
    expect(r.certain).toBe(false);
    expect(r.uncertain.some((u) => u.startsWith('conflicting date'))).toBe(true);
    expect(firstLocal(lang, r)).toBe(dateReading);
    const options = [...r.proposals, ...r.alternatives].slice(0, 3).map((p) => localOf(lang, p.start));
    expect(options).toContain(weekdayReading);
  });

  it.each(AGREE)('agrees, stays certain: %s: %s', (lang, text, first) => {
    const r = read(lang, text);
    expect(firstLocal(lang, r)).toBe(first);
    expect(r.uncertain.filter((u) => u.startsWith('conflicting date'))).toEqual([]);
  });

  it('a clock hour equal to the day number is not taken for the date', () => {
    // Wednesday 19 at 15:00 is read; the phrase "Thursday at 19h" carries 19 only as an hour.
    const start = DateTime.fromISO('2025-11-19T19:00', { zone: 'Europe/Paris' }).toJSDate();
    expect(weekdayConflict('Thursday at 19h', start, null, 'Europe/Paris')).toBeNull();
    expect(weekdayConflict('Thursday at 19:00', start, null, 'Europe/Paris')).toBeNull();
    expect(weekdayConflict('Thursday the 19th', start, null, 'Europe/Paris')?.alternative.start.toISOString()).toBe('2025-11-20T18:00:00.000Z');
  });
});
