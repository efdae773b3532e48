import { describe, expect, it } from 'vitest';
import { firstLocal, read, expectCertainProposal as certainAt } from './lang-helpers.js';

/**
 * Classes of issue 11, round 16 (part b): times read wrong although the reply says them (a span of bare hours after
 * its day). The phrasings are written for these tests, not taken from the fixtures. Every prospect writes on Monday
 * 17 November 2025 at 09:12 local time.
 */

describe('a span of bare hours right after its day ("wed 2-4 ET") is that span, not the day-long window', () => {
  it.each([
    ['en', 'wed 2-4 ET works on my side', '2025-11-19 14:00'],
    ['en', 'Tomorrow 10-12 is wide open.', '2025-11-18 10:00'],
    ['en', 'I am around Friday 11-1 if that helps', '2025-11-21 11:00'],
    ['en', 'fri 3-5 EST, call whenever', '2025-11-21 15:00'],
    ['es', 'El jueves 10-12 estoy libre.', '2025-11-20 10:00'],
    ['fr', 'Mercredi 10-12 je suis disponible.', '2025-11-19 10:00'],
  ])('%s: "%s" starts at %s', (lang, text, wall) => { certainAt(lang, text, wall); });
});

describe('stays: spans that are no bare-hour span after a day', () => {
  it.each([
    ['en', 'Thursday 2-4pm works', '2025-11-20 14:00'],
    ['de', 'Donnerstag 14-16 Uhr passt.', '2025-11-20 14:00'],
  ])('%s: "%s" starts at %s', (lang, text, wall) => { certainAt(lang, text, wall); });
  it('a reversed span is not made into one ("Friday 3-1")', () => {
    const r = read('en', 'Friday 3-1 works');
    expect(firstLocal('en', r)).not.toBe('2025-11-21 15:00');
  });
});

const over = (reply: string, offer: string) => `${reply}\n\nOn Sat, 15 Nov 2025 at 09:40, Dana Reyes <dana@seller.io> wrote:\n> ${offer.split('\n').join('\n> ')}\n`;

describe('a known city or country alone in brackets right after a time ("16:00 (CDMX)") names its zone', () => {
  it.each([
    // Madrid prospect, Mexico City offer: 16:00 in Mexico City is 23:00 in Madrid.
    ['es', over('La segunda me va bien.', 'Te propongo:\n1. martes 25 de noviembre, 10:00 (CDMX)\n2. jueves 27 de noviembre, 16:00 (CDMX)'), '2025-11-27 23:00'],
    // New York prospect writing a London time.
    ['en', 'Thursday 20 Nov at 3pm (London) suits me.', '2025-11-20 10:00'],
    ['fr', 'Jeudi 20 novembre à 15h (Lisbonne) me convient.', '2025-11-20 16:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { certainAt(lang, text, wall); });
  it('stays: a word in brackets that names no place changes nothing ("3pm (Friday)")', () => {
    certainAt('en', 'Friday 21 Nov at 3pm (tentative) works', '2025-11-21 15:00');
  });
});

describe('a day refused by an idiom ("me pilla fatal", "is tough", "passt schlecht") is no proposal; the other day is', () => {
  it.each([
    ['es', 'El lunes me viene fatal, ¿mejor el jueves a las 10?', '2025-11-20 10:00'],
    ['de', 'Dienstag passt mir schlecht, lieber Donnerstag um 10 Uhr?', '2025-11-20 10:00'],
    ['nl', 'Dinsdag komt me slecht uit, liever donderdag om 10 uur?', '2025-11-20 10:00'],
    ['it', 'Martedì mi viene male, meglio giovedì alle 10?', '2025-11-20 10:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { certainAt(lang, text, wall); });
  it('stays: "Tuesday is tricky for us, what about Thursday at 10?" is Thursday at 10', () => {
    certainAt('en', 'Tuesday is tricky for us, what about Thursday at 10?', '2025-11-20 10:00');
  });
});

describe('a quoted offer of one day and a span of hours in the next sentence: the span is on that day', () => {
  it.each([
    ['en', over('Sounds good, 2pm works', 'Would Thursday Nov 20 suit for a quick call? Any time after lunch is fine for me.'), '2025-11-20 14:00'],
    ['en', over('Great, 10:30 then', 'Are you free Friday, November 21? Anytime in the morning works on my end.'), '2025-11-21 10:30'],
    ['es', over('Perfecto, a las 16:00', '¿Te va bien el jueves 20 de noviembre? Cualquier hora por la tarde me sirve.'), '2025-11-20 16:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { const r = read(lang, text); expect(r.kind).toBe('proposal'); expect(firstLocal(lang, r), JSON.stringify(r.explain)).toBe(wall); });
});

describe('"that day" anchors a bare hour to the quoted offer\'s day, as "the same day" does', () => {
  it.each([
    ['en', over('3pm is hard for me. Later that day? 4 or 5 would be fine.', 'Would Thursday 20 November at 3pm work?'), '2025-11-20 16:00'],
    ['en', over("Can't do 2pm. Earlier that day, 10 or 11?", 'Could we talk Friday 21 November at 2pm?'), '2025-11-21 10:00'],
    ['es', over('A las 15 no puedo, ¿ese día a las 10?', '¿Te va bien el jueves 20 de noviembre a las 15:00?'), '2025-11-20 10:00'],
    ['de', over('15 Uhr geht nicht, an dem Tag um 10 Uhr?', 'Passt Ihnen Donnerstag, 20. November um 15:00 Uhr?'), '2025-11-20 10:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { certainAt(lang, text, wall); });
});

describe('a day named with a span or a clock time the reader took apart', () => {
  it.each([
    // A part of day between the day and its span of bare hours.
    ['en', 'free thu afternoon 2-4 CT, ping me', '2025-11-20 15:00'],
    // A clock time before its ordinal date.
    ['en', 'Could we do 3pm on the 25th of Nov?', '2025-11-25 15:00'],
    // A weekday abbreviation, then a word for "around", then the hour.
    ['nl', 'di rond 10 uur?', '2025-11-18 10:00'],
    ['fr', 'jeu vers 15h ?', '2025-11-20 15:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { certainAt(lang, text, wall); });
  it.each([
    ['nl', 'Dinsdag zo rond 15 uur?', '2025-11-18 15:00'],
    ['de', 'Mittwoch so gegen 15 Uhr?', '2025-11-19 15:00'],
    ['en', '10:30am on the 4th of December works', '2025-12-04 10:30'],
    ['en', 'Friday morning 10-12 works on my end', '2025-11-21 10:00'],
  ])('stays: %s "%s" is %s', (lang, text, wall) => { certainAt(lang, text, wall); });
});

describe('a weekday abbreviation before noon in words, and "nn" for "non" refusing the offered day', () => {
  it.each([
    ['it', over('mar nn riesco, mer a mezzogiorno?', 'martedì 18 alle 15?'), '2025-11-19 12:00'],
    ['es', 'mié a mediodía?', '2025-11-19 12:00'],
    ['it', 'gio a mezzogiorno va bene', '2025-11-20 12:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { certainAt(lang, text, wall); });
});
