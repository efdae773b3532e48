import { describe, it } from 'vitest';
import { expectCertainProposal, noProposal, reads } from './lang-helpers.js';

/**
 * Classes of round 19 (part a): times read wrong. Written for these tests, not taken from the fixtures.
 * Every prospect writes on Monday 17 November 2025 at 09:12 local time.
 */

describe('a correction that names the withdrawn day again, then another day at "the same time": that day, at the first hour', () => {
  it.each([
    ['es', 'Le propongo el jueves a las 11. Perdón, el jueves tengo auditoría, mejor el viernes a la misma hora.', '2025-11-21 11:00'],
    ['fr', 'Mercredi 15h me va. Ah non pardon, mercredi j\'ai un séminaire, plutôt jeudi même heure ?', '2025-11-20 15:00'],
    ['it', 'Giovedì alle 10 va bene. Anzi no, giovedì c\'è la fiera, facciamo venerdì alla stessa ora?', '2025-11-21 10:00'],
    // guard (passed before): the English wording was read right already.
    ['en', 'Tuesday at 2 works. Actually no, Tuesday I have an offsite, Wednesday same time?', '2025-11-19 14:00'],
  ])('%s: "%s"', (lang, text, wall) => { expectCertainProposal(lang, text, wall); });
  // Without a withdrawal ("na vdd melhor …" only prefers the other day): right, and asked.
  it.each([
    ['pt', 'pode ser ter 10h... na vdd melhor qua msm horario', '2025-11-19 10:00'],
    ['fr', 'jeu 11h ? en fait plutôt ven même heure', '2025-11-21 11:00'],
  ])('%s: "%s"', (lang, text, wall) => { reads(lang, text, wall); });
});

describe('a German correction ("Nee, Moment", "lieber"): the later day', () => {
  it.each([
    ['de', 'Donnerstag 14 Uhr?\n\nNee, Moment – da hab ich Teammeeting. Lieber Freitag um 14 Uhr.', '2025-11-21 14:00'],
    ['de', 'Mittwoch um 10? Moment, da ist Betriebsversammlung. Lieber Donnerstag um 10.', '2025-11-20 10:00'],
  ])('%s: "%s"', (lang, text, wall) => { reads(lang, text, wall); });
});

describe('two days as options, the time said once after the second ("Tues or Wed, 2pm either day"): the first day at that time', () => {
  it.each([
    ['en', 'Thurs or Fri next week, 11am either day.', '2025-11-27 11:00'],
    ['en', 'Mon or Tue next week, 3pm for both.', '2025-11-24 15:00'],
    ['en', 'Wednesday or Thursday at 10.', '2025-11-19 10:00'],
    ['en', 'Thursday or Friday next week, 4pm.', '2025-11-27 16:00'],
  ])('%s: "%s"', (lang, text, wall) => { reads(lang, text, wall); });
  it.each([
    ['en', 'Thursday or Friday at 10 doesn\'t work for me.'],
    ['en', 'Wed or Thu at 3pm won\'t work, sorry.'], // guard (passed before)
  ])('both options refused: %s: "%s"', (lang, text) => { noProposal(lang, text); });
});
