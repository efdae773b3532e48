import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { PROSPECT, read, expectProposal, expectCertainProposal as certainAt, type Offer } from './lang-helpers.js';

/**
 * Classes of issue 11, round 18 (part b): times and dates of replies that change their mind ("scratch that", "bueno
 * no, mejor…", "ach nein… lieber"), with "same time" pointing back at the reply's own earlier hour; a day refused as
 * "a no"; a part of day closing the sentence before the time; "ur time" written on a phone. The phrasings are
 * written for these tests, not taken from the fixtures. Every prospect writes on Monday 17 November 2025 at 09:12.
 */

/** One slot offered: Wednesday 19 at 11:00 (local). */
const WED11: Offer = { offered: [['2025-11-19 11:00', '2025-11-19 11:30']] };

describe('a part of day that ends the sentence before the time says nothing of that time', () => {
  it.each([
    ['en', 'Site visits all morning. tomorrow 2:30?', '2025-11-18 14:30'],
    ['en', 'Client demos all afternoon. tomorrow 10:30 then?', '2025-11-18 10:30'],
  ])('%s: "%s" is %s', (lang, text, wall) => { certainAt(lang, text, wall); });
});

describe('"ur time" / "yr time": the rep\'s zone, as "your time"', () => {
  it.each([
    ['thu 1:30 ur time?', '2025-11-20T21:30:00.000Z'],
    ['Tuesday 4pm yr time works', '2025-11-19T00:00:00.000Z'],
  ])('"%s" over a rep in Los Angeles is %s', (text, iso) => {
    const r = read('en', text, { repZone: 'America/Los_Angeles' });
    expect(r.proposals[0]?.start.toISOString(), JSON.stringify(r.explain)).toBe(iso);
  });
});

describe('a day refused as "a no", then another day and time', () => {
  it.each([
    ['en', "Wednesday's a no, could we do Thursday 11/20 at 2pm?", '2025-11-20 14:00'],
    ['en', "Wed's a no-go sadly. Friday 11/21 at 10am?", '2025-11-21 10:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { certainAt(lang, text, wall, WED11); });
});

describe('a time corrected, then another day at "the same time": the hour said first, on the new day', () => {
  it.each([
    ['en', 'Tuesday at 2 works — hang on, scratch that, I have a clash. Thursday same time?', '2025-11-20 14:00'],
    ['es', 'El martes a las 4 me va bien. Ay no, el martes tengo dentista, mejor el jueves a la misma hora.', '2025-11-20 16:00'],
    ['pt', 'Terça às 10 dá. Ah não, terça tenho reunião, melhor quinta no mesmo horário.', '2025-11-20 10:00'],
    ['it', 'Martedì alle 10 va bene. Ah no, martedì non posso, meglio giovedì alla stessa ora.', '2025-11-20 10:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { certainAt(lang, text, wall); });
});

describe('an offered slot accepted and then taken back in the same reply does not stand', () => {
  it.each([
    ['en', 'Wednesday 11 is fine — wait, scratch that, just saw a conflict. Thursday same time?', '2025-11-20 11:00'],
    ['es', 'El miércoles me va bien... bueno no, mejor el jueves a las 12, que el miércoles tengo auditoría.', '2025-11-20 12:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { expectProposal(lang, text, wall, WED11); });
  it('guard: "mejor" that prefers nothing new leaves the accepted slot standing', () => {
    const r = read('es', 'El miércoles a las 11 me va mejor que nunca, perfecto.', WED11);
    expect(DateTime.fromJSDate(r.proposals[0]!.start, { zone: PROSPECT.es!.zone }).toFormat('yyyy-MM-dd HH:mm'), JSON.stringify(r.explain)).toBe('2025-11-19 11:00');
  });
});

describe('a day taken back ("doch nicht", "toch niet", "pera", "ah não") and another day and time named', () => {
  it.each([
    ['de', 'Mittwoch geht – ach nee, doch nicht, da ist Inventur. Donnerstag 10 Uhr?', '2025-11-20 10:00'],
    ['nl', 'Woensdag kan — o nee toch niet, dan heb ik de jaarvergadering. Donderdag 10 uur?', '2025-11-20 10:00'],
    ['pt', 'quarta às 16h... não, pera, quarta tenho médico. quinta 16h?', '2025-11-20 16:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { certainAt(lang, text, wall, WED11); });
});

describe('a time followed by "de <city>": that city\'s clock', () => {
  it.each([
    ['es', 'El jueves 20 a las 10h de Lisboa me va bien.', '2025-11-20T10:00:00.000Z'],
    ['it', 'Giovedì 20 alle 10 di Londra va bene per me.', '2025-11-20T10:00:00.000Z'],
  ])('%s: "%s" is %s', (lang, text, iso) => {
    const r = read(lang, text);
    expect(r.proposals[0]?.start.toISOString(), JSON.stringify(r.explain)).toBe(iso);
  });
});

describe('"a mí" after a name is no "a.m."', () => {
  it('es: a copy "a mí" leaves the chosen slot standing', () => {
    const r = read('es', 'Confirmo la opción del miércoles. Por favor enviá la invitación con copia a mí.', WED11);
    expect(DateTime.fromJSDate(r.proposals[0]!.start, { zone: PROSPECT.es!.zone }).toFormat('yyyy-MM-dd HH:mm'), JSON.stringify(r.explain)).toBe('2025-11-19 11:00');
  });
});
