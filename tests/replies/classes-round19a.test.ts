import { describe, it } from 'vitest';
import { expectCertainProposal, noProposal, proposesNothing, reads } from './lang-helpers.js';

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

describe('a weekday said right after the week it is in ("w/c 8th Dec, Thurs 2pm"): that week\'s weekday, the date only names the week', () => {
  it.each([
    ['en', 'w/c 8th Dec, Thurs 2pm?', '2025-12-11 14:00'],
    ['en', 'Week of Dec 8, Wednesday at 10 works', '2025-12-10 10:00'],
    ['fr', 'La semaine du 9 décembre, le jeudi à 15h ?', '2025-12-11 15:00'],
    ['de', 'In der Woche vom 8. Dezember, am Donnerstag um 15 Uhr?', '2025-12-11 15:00'],
    ['es', 'La semana del 8 de diciembre, el jueves a las 10?', '2025-12-11 10:00'],
  ])('%s: "%s"', (lang, text, wall) => { expectCertainProposal(lang, text, wall); });
});

describe('a weekday typed with two slips ("wedsnday") or, in Spanish, one slip after its article ("el vienes"): that weekday', () => {
  it.each([
    ['en', 'wedsnday 4:30 good w me', '2025-11-19 16:30'],
    ['en', 'thrusady 11 works', '2025-11-20 11:00'], // guard (passed before)
    ['es', 'el vienes a las 5 de la tarde?', '2025-11-21 17:00'],
    ['es', 'el juevs a las 10?', '2025-11-20 10:00'],
  ])('%s: "%s"', (lang, text, wall) => { expectCertainProposal(lang, text, wall); });
});

describe('German "am" before a weekday is "on", never a.m.; "am Do" is Thursday', () => {
  it.each([
    ['de', 'Viertel nach zehn am Do?', '2025-11-20 10:15'],
    ['de', 'halb drei am Mi?', '2025-11-19 14:30'],
    ['de', 'halb drei am Mittwoch?', '2025-11-19 14:30'],
    ['de', 'Viertel vor vier am Freitag, passt das?', '2025-11-21 15:45'],
  ])('%s: "%s"', (lang, text, wall) => { expectCertainProposal(lang, text, wall); });
  it('guard: a past meeting "am Mo um 10" stays no proposal', () => { proposesNothing('de', 'Danke für das nette Gespräch am Mi um 11! Ich kläre das intern.'); });
});

describe('Spanish "entre 12 y 2 de la tarde" (no "las"): from noon; "entre 11 y 1" from 11 in the morning', () => {
  it.each([
    ['es', 'El jueves entre 12 y 2 de la tarde cuando quieras.', '2025-11-20 12:00'],
    ['es', 'El martes entre 11 y 1 de la tarde, como te venga.', '2025-11-18 11:00'],
    ['es', 'Mañana entre 4 y 6 de la tarde me va.', '2025-11-18 16:00'],
  ])('%s: "%s"', (lang, text, wall) => { reads(lang, text, wall); });
});

describe('a weekday placed by a holiday, then its date after a comma and an article ("Dienstag nach Ostern, der 30.03."): that date', () => {
  it.each([
    ['de', 'Wie wäre Donnerstag nach Nikolaus, der 11.12., um 10 Uhr?', '2025-12-11 10:00'],
    ['es', '¿Qué tal el martes después de Reyes, el 13 de enero, a las 10?', '2026-01-13 10:00'],
  ])('%s: "%s"', (lang, text, wall) => { reads(lang, text, wall); });
});

describe('a time in Pacific time named in the other languages, then the same moment on the writer\'s clock ("Das wäre 18 Uhr bei uns"): the one moment', () => {
  it.each([
    ['de', 'Passt Ihnen Donnerstag um 9 Uhr pazifischer Zeit? Das wäre 18 Uhr bei uns.', '2025-11-20 18:00'],
    ['fr', 'Jeudi à 9h heure du Pacifique ? Ça ferait 18h chez nous.', '2025-11-20 18:00'],
    ['es', '¿El jueves a las 9 hora del Pacífico? Serían las 18 aquí.', '2025-11-20 18:00'],
  ])('%s: "%s"', (lang, text, wall) => { expectCertainProposal(lang, text, wall); });
});
