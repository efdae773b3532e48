import { describe, expect, it } from 'vitest';
import { firstLocal, read, readsCertain as reads } from './lang-helpers.js';

/**
 * Classes of issue 11, round 14 (part a): the time misses of tune-r11, fixed as the family of phrasings each belongs to.
 * The phrasings are written for these tests, not taken from the fixtures. Every prospect writes on Monday 17 November
 * 2025 at 09:12 local time.
 */

describe('a day and month joined by a dot right after a weekday is the date, not a clock time', () => {
  it.each([
    ['it', 'Giovedì 27.11 alle 15.00 per me va bene.', '2025-11-27 15:00'],
    ['it', 'Martedì 2.12 alle 10 sono libero.', '2025-12-02 10:00'],
    ['fr', 'Jeudi 27.11 à 15h00 me conviendrait.', '2025-11-27 15:00'],
    ['fr', 'Mardi 2.12 à 10h ?', '2025-12-02 10:00'],
    ['de', 'Donnerstag 27.11 um 15 Uhr passt mir.', '2025-11-27 15:00'],
    ['nl', 'Donderdag 27.11 om 15.00 uur kan ik.', '2025-11-27 15:00'],
    ['nl', 'Dinsdag 2.12 om 10 uur?', '2025-12-02 10:00'],
    ['es', 'El jueves 27.11 a las 15:00 me va bien.', '2025-11-27 15:00'],
    ['pt', 'Quinta 27.11 às 15h pode ser?', '2025-11-27 15:00'],
    ['en', 'Thursday 27.11 at 3pm suits me.', '2025-11-27 15:00'],
    ['fr', 'Mercredi 26.11 je suis en déplacement. Jeudi 27.11 à 15h00 ?', '2025-11-27 15:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { reads(lang, text, wall); });
  it.each([
    ['it', 'Venerdì 14.30 va bene?', '2025-11-21 14:30'],
    ['nl', 'Vrijdag 10.15 kan ik.', '2025-11-21 10:15'],
    ['de', 'Freitag, 21.11. um 10 Uhr?', '2025-11-21 10:00'],
    ['it', 'Il 21.11 alle 15?', '2025-11-21 15:00'],
  ])('guard: %s "%s" stays %s', (lang, text, wall) => { reads(lang, text, wall); });
});

describe('a greeting that opens the reply with the message on the same line is no part of day', () => {
  it.each([
    ['en', 'Morning! Thursday at 10:30 works for me', '2025-11-20 10:30'],
    ['en', 'Morning Dana, I could do 8:15 on Wednesday', '2025-11-19 08:15'],
    ['en', 'Good morning, would Thursday at 10:30 suit?', '2025-11-20 10:30'],
    ['en', 'Afternoon! 8:45 tomorrow before my standup?', '2025-11-18 08:45'],
    ['en', 'Good evening. Wednesday at 2pm is fine', '2025-11-19 14:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { reads(lang, text, wall); });
  it.each([
    ['en', 'Morning works for me!', '2025-11-18 09:00'],
    ['en', 'Morning\n\nThursday at 10:30 works', '2025-11-20 10:30'],
    ['en', 'Wednesday morning!', '2025-11-19 09:00'],
  ])('guard: %s "%s" stays %s', (lang, text, wall) => {
    const r = read(lang, text);
    expect(firstLocal(lang, r), JSON.stringify(r.explain)).toBe(wall);
  });
});

describe('a clock time named right after "end of day" is the time, not 5pm', () => {
  it.each([
    ['en', 'Could we talk EOD Thursday, say 5:15?', '2025-11-20 17:15'],
    ['en', 'Wednesday end of day, around 5:45?', '2025-11-19 17:45'],
    ['en', 'COB tomorrow, say 4:30?', '2025-11-18 16:30'],
    ['en', 'End of the day Friday, ideally 5:30', '2025-11-21 17:30'],
  ])('%s: "%s" is %s', (lang, text, wall) => { reads(lang, text, wall); });
  it.each([
    ['en', 'EOD Thursday works for me', '2025-11-20 17:00'],
    ['en', 'Thursday, end of day?', '2025-11-20 17:00'],
    ['fr', 'Jeudi en fin de journée, vers 17h30 ?', '2025-11-20 17:30'],
  ])('guard: %s "%s" stays %s', (lang, text, wall) => {
    const r = read(lang, text);
    expect(firstLocal(lang, r), JSON.stringify(r.explain)).toBe(wall);
  });
});

describe('"pelas" before a clock time, after a day and its part of day, keeps the day', () => {
  it.each([
    ['pt', 'Amanhã no final da tarde, pelas 18h30, pode ser.', '2025-11-18 18:30'],
    ['pt', 'Quinta no fim da tarde, pelas 17h30?', '2025-11-20 17:30'],
    ['pt', 'Amanhã à tarde, pelas 18 horas?', '2025-11-18 18:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { reads(lang, text, wall); });
  it.each([
    ['pt', 'Amanhã ao fim da tarde, às 17h, pode ser.', '2025-11-18 17:00'],
    ['pt', 'Quarta de manhã, pelas 10h, dá-me jeito.', '2025-11-19 10:00'],
    ['pt', 'Sexta pelas 15 horas?', '2025-11-21 15:00'],
    ['pt', 'Quinta, lá pelas 17h?', '2025-11-20 17:00'],
    ['es', 'Mañana por la tarde, sobre las 17h, me va bien.', '2025-11-18 17:00'],
    ['it', 'Domani nel tardo pomeriggio, verso le 17, va bene.', '2025-11-18 17:00'],
  ])('guard: %s "%s" stays %s', (lang, text, wall) => { reads(lang, text, wall); });
});

describe('a weekday named as a holiday, then another day with its time: the holiday is no offer', () => {
  it.each([
    ['nl', 'Donderdag is het Hemelvaart. Vrijdag om 10 uur?', '2025-11-21 10:00'],
    ['nl', 'Maandag is het Pinksteren, dinsdag om 14 uur?', '2025-11-18 14:00'],
    ['de', 'Donnerstag ist Fronleichnam, Freitag um 10 Uhr?', '2025-11-21 10:00'],
    ['fr', 'Lundi c\'est le Jeûne fédéral, mardi à 14h ?', '2025-11-18 14:00'],
    ['it', 'Venerdì è Ferragosto, giovedì alle 10?', '2025-11-20 10:00'],
    ['pt', 'Terça é Carnaval. Quarta às 10h?', '2025-11-19 10:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { reads(lang, text, wall); });
  it.each([
    ['nl', 'Dinsdag is prima, om 10 uur?', '2025-11-18 10:00'],
    ['de', 'Dienstag ist gut, um 14 Uhr?', '2025-11-18 14:00'],
    ['en', 'Tuesday is a bank holiday here. Wednesday at 11?', '2025-11-19 11:00'],
    ['es', 'El jueves es Corpus Christi, ¿el viernes a las 10?', '2025-11-21 10:00'],
    ['fr', 'Jeudi c\'est l\'Ascension. Vendredi à 10h ?', '2025-11-21 10:00'],
    ['de', 'Montag ist Bettag bei uns. Dienstag um 14 Uhr?', '2025-11-18 14:00'],
  ])('guard: %s "%s" stays %s', (lang, text, wall) => { reads(lang, text, wall); });
});

describe('German "so um" after a word or a comma is "about", not Sunday', () => {
  it.each([
    ['de', 'Donnerstag nach Feierabend, so um 17:30?', '2025-11-20 17:30'],
    ['de', 'Mittwoch, so um 10 Uhr?', '2025-11-19 10:00'],
    ['de', 'Ginge morgen so um 15 Uhr?', '2025-11-18 15:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { reads(lang, text, wall); });
  it.each([
    ['de', 'So um 10 Uhr?', '2025-11-23 10:00'],
    ['de', 'Donnerstag so gegen 15 Uhr?', '2025-11-20 15:00'],
  ])('guard: %s "%s" stays %s', (lang, text, wall) => {
    const r = read(lang, text);
    expect(firstLocal(lang, r), JSON.stringify(r.explain)).toBe(wall);
  });
});
