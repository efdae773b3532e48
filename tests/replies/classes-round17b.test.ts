import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { parseReply } from '../../src/domain/reply/index.js';
import { msg } from './helpers.js';
import { PROSPECT, firstLocal, read, expectProposal, expectCertainProposal as certainAt, type Offer } from './lang-helpers.js';

/**
 * Classes of issue 11, round 17 (part b): times and dates of replies written in haste on a phone (shortened words,
 * weekday abbreviations opening a clause, sound-alike spellings, "la 2"), several people's availability before the
 * writer's own time, a country's or coast's time written with its adjective, and a date wrapped over two lines by the
 * mail client. The phrasings are written for these tests, not taken from the fixtures. Every prospect writes on Monday
 * 17 November 2025 at 09:12 local time.
 */

const over = (reply: string, offer: string) => `${reply}\n\nOn Sat, 15 Nov 2025 at 09:40, Dana Reyes <dana@seller.io> wrote:\n> ${offer.split('\n').join('\n> ')}\n`;
/** Three slots offered: Tuesday 18 at 10:00, Wednesday 19 at 15:00, Thursday 20 at 11:00 (local). */
const THREE: Offer = { offered: [['2025-11-18 10:00', '2025-11-18 10:30'], ['2025-11-19 15:00', '2025-11-19 15:30'], ['2025-11-20 11:00', '2025-11-20 11:30']] };
/** One slot offered: Wednesday 19 at 11:00 (local). */
const WED11: Offer = { offered: [['2025-11-19 11:00', '2025-11-19 11:30']] };

describe('words shortened on a phone: "tmrw first thing, like 8:45", "2 wks", "btwn", "next wk"', () => {
  it.each([
    ['en', 'tmrw first thing, like 8:45?', '2025-11-18 08:45'],
    ['en', 'tues in 2 wks, 3pm?', '2025-12-02 15:00'],
    ['en', 'free weds btwn 1 and 3, anything goes', '2025-11-19 13:00'],
    ['en', 'thu next wk at 11 works', '2025-11-27 11:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { certainAt(lang, text, wall); });
});

describe('a long weekday spelt as it sounds ("wensday", "wendsday")', () => {
  it.each([
    ['en', 'wensday 2pm?', '2025-11-19 14:00'],
    ['en', 'could do wendsday at 11', '2025-11-19 11:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { certainAt(lang, text, wall); });
  it('"tue no good, wendsday same time?" over a Tuesday 11:00 offer is Wednesday at 11:00', () => {
    expectProposal('en', 'tue no good, wendsday same time?', '2025-11-19 11:00', { offered: [['2025-11-18 11:00', '2025-11-18 11:30']] });
  });
  it('guard: a word two slips from Saturday that does not end in "day" stays a word ("saturado")', () => {
    const r = read('es', 'El calendario está saturado, te escribo en enero.');
    expect(r.proposals, JSON.stringify(r.explain)).toEqual([]);
  });
});

describe('a weekday abbreviation opening a clause, before a part of day or a word about that day', () => {
  it.each([
    ['de', 'do nachmittag zw 14 und 16 ginge', '2025-11-20 14:00'],
    ['nl', 'vr ochtend tussen 9 en 11 kan ik', '2025-11-21 09:00'],
    ['it', 'gio pomeriggio va bene, verso le 15', '2025-11-20 15:00'],
    ['fr', 'ok pour moi, jeu aprem vers 15h', '2025-11-20 15:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { expectProposal(lang, text, wall); });
  it.each([
    ['de', 'mi geht nicht, do gleiche Uhrzeit?', '2025-11-20 11:00'],
    ['nl', 'wo lukt niet, do zelfde tijd?', '2025-11-20 11:00'],
    ['pt', 'quarta nao rola. quinta msm horario?', '2025-11-20 11:00'],
  ])('%s: "%s" over a Wednesday 11:00 offer is %s', (lang, text, wall) => { expectProposal(lang, text, wall, WED11); });
  it.each([
    ['it', 'mi va bene giovedì alle 10', '2025-11-20 10:00'],
    ['es', 'mi tarde está libre el jueves a las 4', '2025-11-20 16:00'],
  ])('guard: %s "%s" keeps "mi" a word (%s)', (lang, text, wall) => { expectProposal(lang, text, wall); });
});

describe('an hour written after "h" or with am/pm right after a foreign weekday abbreviation', () => {
  it.each([
    ['it', 'lunedi h 10 ok, grazie', '2025-11-24 10:00'],
    ['it', 'martedì h. 15:30?', '2025-11-18 15:30'],
    ['fr', 'ok, vie 10am. merci', '2025-11-21 10:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { certainAt(lang, text, wall); });
});

describe('a refusal written "I\'m off": the day refused, the next one offered', () => {
  it.each([
    ['en', 'fri im off. mon?', '2025-11-24 09:00'],
    ['en', 'tue im off, wed works', '2025-11-19 09:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { expectProposal(lang, text, wall); });
});

describe('"say" and a dated time after days named as options: the time chosen', () => {
  it.each([
    ['en', 'mon or tue next wk? say tue 9:30', '2025-11-25 09:30'],
    ['en', 'wed or thu next wk? say thu 10:30', '2025-11-27 10:30'],
  ])('%s: "%s" is %s', (lang, text, wall) => { certainAt(lang, text, wall); });
});

describe('an offered slot named by its number with an article ("la 2", "le 3 svp", "2 is goed")', () => {
  it.each([
    ['es', 'la 2 porfa', '2025-11-19 15:00'],
    ['fr', 'la 3 svp', '2025-11-20 11:00'],
    ['it', 'la 1 grazie', '2025-11-18 10:00'],
    ['nl', '2 is goed', '2025-11-19 15:00'],
    ['pt', 'a 3 pf', '2025-11-20 11:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { certainAt(lang, text, wall, THREE); });
  it.each([
    ['en', 'Either of the first two is fine - say the Wednesday one.', '2025-11-19 15:00'],
    ['de', 'Einer der ersten beiden passt, gern Mittwoch.', '2025-11-19 15:00'],
  ])('%s: "%s" (a set of slots, then one chosen) is %s', (lang, text, wall) => { certainAt(lang, text, wall, THREE); });
  it('the one "delle 15" (Italian "of 15:00") names the slot at that hour', () => {
    certainAt('it', 'Va bene quella delle 15.', '2025-11-19 15:00', THREE);
  });
});

describe('a country\'s or coast\'s time written with its adjective', () => {
  it.each([
    ['en', 'Thursday 3pm Italian time works for us', '2025-11-20 09:00'],
    ['de', 'Dienstag 10 Uhr Ostküstenzeit, das wäre 16 Uhr bei uns. Passt?', '2025-11-18 16:00'],
    ['es', 'el jueves a las 10 hora argentina me viene bien', '2025-11-20 14:00'],
    ['it', 'giovedì alle 9 ora della costa est?', '2025-11-20 15:00'],
    ['fr', 'jeudi à 10h heure de la côte Est ?', '2025-11-20 16:00'],
    ['pt', 'quinta às 10h hora portuguesa, pode ser?', '2025-11-20 07:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { certainAt(lang, text, wall); });
});

describe('a date the mail client wrapped over two lines', () => {
  it.each([
    ['en', 'Mr Lee asked me to confirm he can speak with you on Friday, 21\nNovember at 4:30 PM. Kindly send the invitation.', '2025-11-21 16:30'],
    ['en', 'She would be glad to join on Monday\n24 November at 10:00. Please send the link.', '2025-11-24 10:00'],
    ['en', 'Could we do Thursday\n20 November at 9:30 instead?', '2025-11-20 09:30'],
  ])('%s: "%s" is %s', (lang, text, wall) => { certainAt(lang, text, wall); });
});

describe('a weekday in brackets after its date: "the 20th (Thu) at 15:00"', () => {
  it.each([
    ['en', "Monday's out, but the 20th (Thu) at 15:00 works.", '2025-11-20 15:00'],
    ['en', 'How about 25 November (Tue) at 2pm?', '2025-11-25 14:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { certainAt(lang, text, wall); });
});

describe('several people\'s availability, then the writer\'s own time: the writer\'s time first', () => {
  it.each([
    ['en', 'I checked with the team. Anna can only do Thursday, and Raj is away on Tuesday. I am free Wednesday at 2 PM, so let us do that.', '2025-11-19 14:00'],
    ['en', 'Our CFO is only available Friday morning. Let\'s take Wednesday 19 November at 11:00 and I will brief her.', '2025-11-19 11:00'],
    ['fr', 'Notre directrice n\'est disponible que le vendredi matin. De mon côté, je peux le mercredi 19 novembre vers 11h.', '2025-11-19 11:00'],
    ['nl', 'Onze directeur kan alleen op vrijdagochtend. Ik kan zelf woensdag 19 november om 11.00 uur.', '2025-11-19 11:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { certainAt(lang, text, wall); });
  it('guard: the writer\'s own "I can only do Thursday" stays the proposal', () => {
    certainAt('en', 'I can only do Thursday at 3pm, sorry. Friday at 10 is out.', '2025-11-20 15:00');
  });
});

describe('a city named alone between a time and its day', () => {
  it('"Anytime 9-11am London next Thursday" is London\'s 9am on the coming week\'s Thursday', () => {
    expectProposal('en', 'Anytime 9-11am London next Thursday', '2025-11-27 04:00');
  });
});

describe('a day and month joined by a hyphen, with a clock time right after it', () => {
  it.each([
    ['nl', 'Kan 25-11 om 14.00 uur?', '2025-11-25 14:00'],
    ['it', 'Va bene 26-11 alle 10?', '2025-11-26 10:00'],
    ['de', 'Geht 27-11 um 9 Uhr?', '2025-11-27 09:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { certainAt(lang, text, wall); });
});

describe('"lundi en huit": the weekday a week after the coming one', () => {
  it('said on a Wednesday, it is the Monday twelve days on', () => {
    const p = PROSPECT.fr!;
    const r = parseReply({ message: msg('lundi en huit à 10h si ça vous va', '2025-11-19T08:12:00Z'), timeZone: p.zone });
    expect(r.proposals[0] ? DateTime.fromJSDate(r.proposals[0].start, { zone: p.zone }).toFormat('yyyy-MM-dd HH:mm') : null, JSON.stringify(r.explain)).toBe('2025-12-01 10:00');
  });
});

describe('an offered list with each slot\'s time in the prospect\'s zone in brackets', () => {
  it('"ore 9 UK (10 in Italia)": the slot is read in the zone written in capitals after its time', () => {
    const r = read('it', over('Va bene quella delle 12 ora italiana.', 'tre opzioni:\n- mar 25/11 ore 10 UK (11 in Italia)\n- mer 26/11 ore 11 UK (12 in Italia)\n- gio 27/11 ore 14 UK (15 in Italia)'));
    expect(firstLocal('it', r), JSON.stringify(r.explain)).toBe('2025-11-26 12:00');
  });
});
