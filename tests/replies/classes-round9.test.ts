import { describe, expect, it } from 'vitest';
import { firstLocal, read } from './lang-helpers.js';

/**
 * Classes of issue 11, round 9: the misses left on the tune splits, each fixed as a class. The phrasings are written
 * for these tests, not taken from the fixtures. Every prospect writes on Monday 17 November 2025 at 09:12 local time.
 */

const reads = (lang: string, text: string, wall: string) => {
  const r = read(lang, text);
  expect(r.kind, JSON.stringify(r.explain)).toBe('proposal');
  expect(firstLocal(lang, r), JSON.stringify(r.explain)).toBe(wall);
};

describe('a day and the time after it in the same clause, a few words apart, are one proposal', () => {
  it.each([
    ['en', 'Wednesday two o\'clock?', '2025-11-19 14:00'],
    ['en', 'thursday four o\'clock would suit', '2025-11-20 16:00'],
    ['en', 'Thursday I\'m around, 3pm would be best', '2025-11-20 15:00'],
    ['en', 'tomorrow morning? say 10:30', '2025-11-18 10:30'],
    ['en', 'Tuesday 9 till midday, anytime in there', '2025-11-18 09:00'],
    ['es', 'El miércoles estoy libre de 15 a 17h, tú eliges', '2025-11-19 15:00'],
    ['fr', 'Vendredi je suis dispo, 14h par exemple', '2025-11-21 14:00'],
    ['de', 'Mittwoch bin ich frei, gern um 15 Uhr', '2025-11-19 15:00'],
    ['nl', 'Donderdag ben ik vrij van 10 tot 12', '2025-11-20 10:00'],
    ['it', 'Giovedì sono libero dalle 14 alle 16', '2025-11-20 14:00'],
    ['pt', 'Quinta estou livre, das 10h às 12h', '2025-11-20 10:00'],
  ])('%s: "%s" is %s', reads);
  it('a city\'s time between the time and its day is the time\'s zone ("9am London time on Friday")', () => {
    reads('en', 'Could we do 9am London time on Friday? That is early for you, I know.', '2025-11-21 04:00');
    reads('en', 'How about 7pm Tokyo time Wednesday?', '2025-11-19 05:00');
  });
  it('a rejected day is not joined to the time offered for another day', () => {
    reads('en', 'Thursday is packed, I\'m free at 3 on Friday', '2025-11-21 15:00');
  });
});
