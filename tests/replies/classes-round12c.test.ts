import { describe, expect, it } from 'vitest';
import { firstLocal, local, read, reads, type Offer, expectProposal } from './lang-helpers.js';

/**
 * Classes of issue 11, round 12 (part c): the time misses of tune-r9, fixed as the family of phrasings each belongs to.
 * The phrasings are written for these tests, not taken from the fixtures. Every prospect writes on Monday 17 November
 * 2025 at 09:12 local time.
 */

describe('a day refused (a holiday, a bare no, "gaat niet"), then the day proposed', () => {
  it.each([
    ['es', 'El lunes 24 es festivo. ¿Martes 25 a las 11?', '2025-11-25 11:00'],
    ['pt', 'Segunda que vem, dia 24, é feriado. Pode ser terça 25 às 11h?', '2025-11-25 11:00'],
    ['de', 'Montag ist Nationalfeiertag. Dienstag, 25.11., um 11 Uhr?', '2025-11-25 11:00'],
    ['nl', 'Donderdag 20 is een feestdag. Vrijdag 21 om 14u?', '2025-11-21 14:00'],
    ['it', 'Giovedì 20 è festa. Venerdì 21 alle 14:30?', '2025-11-21 14:30'],
  ])('%s: "%s" is %s', (lang, text, wall) => { reads(lang, text, wall); });
  it.each([
    ['en', 'Monday the 24th is a bank holiday. Tuesday 25 at 11am?', '2025-11-25 11:00'],
    ['en', 'Thursday is a public holiday here. Friday 21 November at 2pm?', '2025-11-21 14:00'],
    ['es', 'El jueves 20 es festivo aquí. ¿El viernes 21 a las 12?', '2025-11-21 12:00'],
    ['pt', 'Quinta, dia 20, é feriado na cidade. Sexta 21 às 14h?', '2025-11-21 14:00'],
    ['fr', 'Jeudi 20 est férié chez nous. Vendredi 21 à 11h ?', '2025-11-21 11:00'],
    ['de', 'Donnerstag ist bei uns Feiertag. Freitag, 21.11., um 14 Uhr?', '2025-11-21 14:00'],
    ['nl', 'donderdag gaat niet, vrijdag 21 om 10u?', '2025-11-21 10:00'],
  ])('%s: already read, stays ("%s" is %s)', (lang, text, wall) => { reads(lang, text, wall); });
});

describe('a day with a bare no, another day with a yes: the offered slot of the day accepted', () => {
  const offer: Offer = { offered: [['2025-11-20 10:00', '2025-11-20 10:30'], ['2025-11-21 15:00', '2025-11-21 15:30']] };
  it.each([
    ['en', 'Thursday no, Friday fine', '2025-11-21 15:00'],
    ['es', 'jueves no, viernes vale', '2025-11-21 15:00'],
    ['pt', 'quinta não, sexta beleza', '2025-11-21 15:00'],
    ['fr', 'jeudi non, vendredi ça va', '2025-11-21 15:00'],
    ['de', 'Donnerstag nein, Freitag passt', '2025-11-21 15:00'],
    ['nl', 'donderdag nee, vrijdag prima', '2025-11-21 15:00'],
    ['it', 'giovedì no, venerdì va bene', '2025-11-21 15:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { reads(lang, text, wall, offer); });
  it('guard: Portuguese "no" is "in the": "na sexta no mesmo horário" keeps Friday', () => {
    reads('pt', 'Quinta não consigo. Podemos fazer na sexta no mesmo horário?', '2025-11-21 10:00', { offered: [['2025-11-20 10:00', '2025-11-20 10:30']] });
  });
});

describe('a day asked for with "please", the other day with a reason: the offered slot of that day', () => {
  const offer: Offer = { offered: [['2025-11-18 09:30', '2025-11-18 10:00'], ['2025-11-21 16:00', '2025-11-21 16:30']] };
  it.each([
    ['fr', 'vendredi svp, mardi je suis en route', '2025-11-21 16:00'],
    ['de', 'Freitag bitte, Dienstag reise ich', '2025-11-21 16:00'],
    ['nl', 'vrijdag graag, dinsdag reis ik', '2025-11-21 16:00'],
    ['it', 'venerdì per favore, martedì viaggio', '2025-11-21 16:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { reads(lang, text, wall, offer); });
  it.each([
    ['en', 'friday please, tuesday is full', '2025-11-21 16:00'],
    ['es', 'el viernes por favor, martes imposible', '2025-11-21 16:00'],
    ['en', 'friday pls, tuesday I\'m travelling', '2025-11-21 16:00'],
    ['es', 'viernes por favor, el martes viajo', '2025-11-21 16:00'],
    ['pt', 'sexta por favor, terça viajo', '2025-11-21 16:00'],
  ])('%s: already read, stays ("%s" is %s)', (lang, text, wall) => { reads(lang, text, wall, offer); });
  it('guard: with two slots on that day, the day alone picks none of them certainly', () => {
    const r = read('en', 'friday pls', { offered: [['2025-11-21 10:00', '2025-11-21 10:30'], ['2025-11-21 16:00', '2025-11-21 16:30']] });
    expect(firstLocal('en', r) === '2025-11-21 16:00' && r.certain).toBe(false);
  });
});

describe('an abbreviated weekday and a bare hour in a short line, however short the reply', () => {
  it.each([
    ['it', 'Ven 16 ok', '2025-11-21 16:00'],
    ['es', 'Vie 16 ok', '2025-11-21 16:00'],
    ['es', 'jue 17 vale', '2025-11-20 17:00'],
    ['de', 'Fr 16 ok', '2025-11-21 16:00'],
    ['nl', 'wo 16u ok', '2025-11-19 16:00'],
    ['pt', 'Seg 16 ok', '2025-11-24 16:00'],
    ['fr', 'Lun 16 ok', '2025-11-24 16:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { reads(lang, text, wall); });
  it.each([
    ['de', 'Mi 16 passt', '2025-11-19 16:00'],
    ['it', 'mer 17 va bene', '2025-11-19 17:00'],
    ['pt', 'Sex 16h ok', '2025-11-21 16:00'],
    ['pt', 'qui 17h blz', '2025-11-20 17:00'],
    ['fr', 'Ven 16h ok', '2025-11-21 16:00'],
    ['fr', 'jeu 17h ça marche', '2025-11-20 17:00'],
    ['nl', 'vr 15u30 top', '2025-11-21 15:30'],
  ])('%s: already read, stays ("%s" is %s)', (lang, text, wall) => { reads(lang, text, wall); });
  it('guard: English "do 11 works?" names no Thursday', () => {
    const r = read('en', 'do 11 works?');
    expect(r.proposals.some((p) => firstLocal('en', { ...r, proposals: [p] })?.startsWith('2025-11-20'))).toBe(false);
  });
});

describe('an offered slot picked by its number or as the last one, the reply saying nothing else', () => {
  const offer: Offer = { offered: [['2025-11-18 10:00', '2025-11-18 10:30'], ['2025-11-19 13:00', '2025-11-19 13:30'], ['2025-11-20 16:00', '2025-11-20 16:30']] };
  it.each([
    ['en', '2 works for me', '2025-11-19 13:00'],
    ['en', 'last one', '2025-11-20 16:00'],
    ['es', '2 me va', '2025-11-19 13:00'],
    ['es', 'última por favor', '2025-11-20 16:00'],
    ['pt', '2 pode ser', '2025-11-19 13:00'],
    ['pt', 'última opção', '2025-11-20 16:00'],
    ['fr', '2 parfait', '2025-11-19 13:00'],
    ['fr', 'dernière svp', '2025-11-20 16:00'],
    ['de', '2 passt', '2025-11-19 13:00'],
    ['de', 'letzter Termin bitte', '2025-11-20 16:00'],
    ['nl', '2 graag', '2025-11-19 13:00'],
    ['nl', 'laatste optie', '2025-11-20 16:00'],
    ['it', '2 va bene', '2025-11-19 13:00'],
    ['it', 'ultima grazie', '2025-11-20 16:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { expect(expectProposal(lang, text, wall, offer).certain).toBe(true); });
  it('a number that is also the hour of another offered slot is asked, both slots among the first readings', () => {
    const r = expectProposal('en', '1 works', '2025-11-19 13:00', offer);
    expect(r.certain).toBe(false);
    expect(r.alternatives.map((a) => a.start.getTime())).toContain(local('en', '2025-11-18 10:00').getTime());
  });
  it('guard: a number inside a sentence picks nothing', () => {
    expect(read('en', 'I have 2 kids at home today', offer).kind).not.toBe('proposal');
  });
});

describe('a numeric date, "after lunch", then the time ("say 2:30"): the time on that date', () => {
  it.each([
    ['en', 'Thursday 11/20 after lunch, say 2:30?', '2025-11-20 14:30'],
    ['es', 'el jueves 20/11 después de comer, digamos a las 14:30', '2025-11-20 14:30'],
    ['pt', 'quinta 20/11 depois do almoço, tipo 14h30?', '2025-11-20 14:30'],
    ['fr', 'jeudi 20/11 après le déjeuner, disons 14h30 ?', '2025-11-20 14:30'],
    ['nl', 'donderdag 20/11 na de lunch, zeg 14u30?', '2025-11-20 14:30'],
    ['it', 'giovedì 20/11 dopo pranzo, diciamo alle 14:30?', '2025-11-20 14:30'],
  ])('%s: "%s" is %s', (lang, text, wall) => { reads(lang, text, wall); });
  it.each([
    ['de', 'Donnerstag 20.11. nach dem Mittagessen, sagen wir 14:30?', '2025-11-20 14:30'],
  ])('%s: already read, stays ("%s" is %s)', (lang, text, wall) => { reads(lang, text, wall); });
  it('guard: a date range "11/20 to 11/22" is still one range, not a time', () => {
    const r = read('en', 'I am out 11/20 to 11/22, can we talk after that?');
    expect(r.kind).not.toBe('proposal');
  });
});

describe('"aft" and "arvo" written after a day: the afternoon', () => {
  it.each([
    ['en', 'wed aft is free for me', '2025-11-19 13:00'],
    ['en', 'thurs aft works', '2025-11-20 13:00'],
    ['en', 'Tuesday arvo suits', '2025-11-18 13:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { reads(lang, text, wall); });
});

describe('a numeric date, then a part of day, then the hours: the first hour on that date', () => {
  it.each([
    ['pt', 'quarta 26/11 à tarde, das 14h às 16h30', '2025-11-26 14:00'],
    ['fr', 'mercredi 26/11 dans l\'après-midi, de 14h à 16h30', '2025-11-26 14:00'],
    ['nl', 'Woensdag 26/11 in de namiddag, van 14u tot 16u30.', '2025-11-26 14:00'],
    ['it', 'mercoledì 26/11 nel pomeriggio, dalle 15 alle 17', '2025-11-26 15:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { reads(lang, text, wall); });
  it.each([
    ['en', 'Wednesday 11/26 in the afternoon, 2 to 4:30', '2025-11-26 14:00'],
    ['de', 'Mittwoch 26.11. am Nachmittag, von 14 bis 16:30 Uhr', '2025-11-26 14:00'],
  ])('%s: already read, stays ("%s" is %s)', (lang, text, wall) => { reads(lang, text, wall); });
});

describe('the offer\'s day refused and another weekday named alone: the offer\'s hour on it, asked', () => {
  const offer: Offer = { offered: [['2025-11-21 10:00', '2025-11-21 10:30']] };
  it.each([
    ['en', 'Fri is bad for me. Mon?', '2025-11-24 10:00'],
    ['es', 'El viernes no puedo. ¿Lunes?', '2025-11-24 10:00'],
    ['pt', 'Sexta não consigo. Segunda?', '2025-11-24 10:00'],
    ['fr', 'Vendredi ça ne va pas. Lundi ?', '2025-11-24 10:00'],
    ['de', 'Freitag geht nicht. Montag?', '2025-11-24 10:00'],
    ['nl', 'Vrijdag lukt me niet. Maandag?', '2025-11-24 10:00'],
    ['it', 'Venerdì non riesco. Lunedì?', '2025-11-24 10:00'],
  ])('%s: "%s" is %s, not certain, the whole day second', (lang, text, wall) => {
    const r = expectProposal(lang, text, wall, offer);
    expect(r.certain).toBe(false);
    expect(r.alternatives[0]?.start.getTime()).toBe(local(lang, '2025-11-24 09:00').getTime());
  });
  it('guard: the offer\'s day accepted stays the offered slot, certain', () => {
    expect(expectProposal('en', 'Friday works.', '2025-11-21 10:00', offer).certain).toBe(true);
  });
});

describe('German "viertel zehn" (a quarter of the way to ten: 09:15; the idiom is German only)', () => {
  it.each([
    ['de', 'Mittwoch um viertel zehn?', '2025-11-19 09:15'],
    ['de', 'Donnerstag, viertel drei passt', '2025-11-20 14:15'],
  ])('%s: "%s" is %s', (lang, text, wall) => { reads(lang, text, wall); });
  it.each([
    ['de', 'Donnerstag um dreiviertel zehn', '2025-11-20 09:45'],
    ['de', 'Donnerstag um viertel nach neun', '2025-11-20 09:15'],
  ])('%s: already read, stays ("%s" is %s)', (lang, text, wall) => { reads(lang, text, wall); });
});
