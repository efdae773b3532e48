import { describe, expect, it } from 'vitest';
import { firstLocal, read, readsCertain as reads, expectProposal } from './lang-helpers.js';

/**
 * Classes of issue 11, round 13 (part a): the time misses of tune-r10, fixed as the family of phrasings each belongs to.
 * The phrasings are written for these tests, not taken from the fixtures. Every prospect writes on Monday 17 November
 * 2025 at 09:12 local time.
 */

describe('a day number written in words, with or without its month, is the day', () => {
  it.each([
    ['en', 'Could we do the twenty-fourth at 11am?', '2025-11-24 11:00'],
    ['en', 'I can do the nineteenth at three o\'clock in the afternoon.', '2025-11-19 15:00'],
    ['en', 'How about 4pm on the 2nd of December?', '2025-12-02 16:00'],
    ['en', 'Friday the twenty-eighth, 10am?', '2025-11-28 10:00'],
    ['es', '¿Le va bien el veinticuatro a las once?', '2025-11-24 11:00'],
    ['es', '¿Qué tal el día veintiocho a las 10?', '2025-11-28 10:00'],
    ['es', '¿Podemos el primero de diciembre a las 16h?', '2025-12-01 16:00'],
    ['pt', 'Pode ser no dia vinte e quatro às 15h?', '2025-11-24 15:00'],
    ['pt', 'Que tal dia primeiro de dezembro às dez?', '2025-12-01 10:00'],
    ['fr', 'Le vingt-quatre à 15h, ça vous irait ?', '2025-11-24 15:00'],
    ['fr', 'Le premier décembre à 10h30 ?', '2025-12-01 10:30'],
    ['de', 'Passt es Ihnen am vierundzwanzigsten um 15 Uhr?', '2025-11-24 15:00'],
    ['de', 'Wie wäre es am ersten Dezember um 10 Uhr?', '2025-12-01 10:00'],
    ['nl', 'Past de vierentwintigste om 15 uur?', '2025-11-24 15:00'],
    ['nl', 'Kan het op de achtentwintigste om 10u?', '2025-11-28 10:00'],
    ['nl', 'Op één december om tien uur?', '2025-12-01 10:00'],
    ['it', 'Va bene il ventiquattro alle 15?', '2025-11-24 15:00'],
    ['it', 'Il primo dicembre alle 10 le va bene?', '2025-12-01 10:00'],
    ['es', '¿El martes veinticinco a las 10?', '2025-11-25 10:00'],
    ['it', 'Martedì venticinque alle 10?', '2025-11-25 10:00'],
    ['fr', 'Mardi vingt-cinq à 10h ?', '2025-11-25 10:00'],
    ['en', 'Tuesday twenty-fifth at 10am?', '2025-11-25 10:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { reads(lang, text, wall); });
  it.each([
    ['en', 'Monday the 24th at 11am?', '2025-11-24 11:00'],
    ['es', '¿El 24 a las 11?', '2025-11-24 11:00'],
    ['fr', 'Le 24 à 15h ?', '2025-11-24 15:00'],
    ['de', 'Am 24. um 15 Uhr?', '2025-11-24 15:00'],
  ])('%s: already read, stays ("%s" is %s)', (lang, text, wall) => { reads(lang, text, wall); });
  it.each([
    ['en', 'The second one works for me, Friday at 3pm'],
    ['en', 'The first week of December is busy, Friday at 3pm?'],
    ['es', 'El veinte por ciento es caro. ¿El viernes a las 15h?'],
    ['it', 'Il primo va bene, venerdì alle 15?'],
    ['nl', 'De eerste optie past, vrijdag om 15 uur?'],
    ['de', 'Am ersten Termin kann ich nicht, Freitag um 15 Uhr?'],
  ])('guard: %s "%s" names no day in words (Friday at 15:00 stays)', (lang, text) => { reads(lang, text, '2025-11-21 15:00'); });
});

describe('a time written in words', () => {
  it.each([
    ['en', 'Friday at two thirty?', '2025-11-21 14:30'],
    ['en', 'Friday at eleven?', '2025-11-21 11:00'],
    ['en', 'Tuesday from two o\'clock to four works', '2025-11-18 14:00'],
    ['pt', 'Sexta às dez e um quarto?', '2025-11-21 10:15'],
    ['pt', 'Sexta às quinze para as onze?', '2025-11-21 10:45'],
    ['pt', 'Sexta às onze menos um quarto?', '2025-11-21 10:45'],
    ['fr', 'Vendredi à quinze heures trente ?', '2025-11-21 15:30'],
    ['de', 'Freitag um drei viertel elf?', '2025-11-21 10:45'],
    ['de', 'Freitag um sechzehn Uhr?', '2025-11-21 16:00'],
    ['nl', 'Vrijdag om tien over half drie?', '2025-11-21 14:40'],
    ['nl', 'Vrijdag om vijf voor elf?', '2025-11-21 10:55'],
    ['it', 'Venerdì alle dieci e tre quarti?', '2025-11-21 10:45'],
    ['it', 'Venerdì alle sedici?', '2025-11-21 16:00'],
    ['es', 'El viernes a las dieciséis horas?', '2025-11-21 16:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { reads(lang, text, wall); });
  it.each([
    ['en', 'Thursday at half past two?', '2025-11-20 14:30'],
    ['en', 'Wednesday from half ten until noon, pick a slot', '2025-11-19 10:30'],
    ['de', 'Freitag um Viertel nach zehn?', '2025-11-21 10:15'],
    ['es', 'El viernes a las diez y cuarto', '2025-11-21 10:15'],
    ['fr', 'Vendredi à dix heures et quart', '2025-11-21 10:15'],
    ['nl', 'Vrijdag om kwart over tien', '2025-11-21 10:15'],
    ['it', 'Venerdì alle dieci e un quarto', '2025-11-21 10:15'],
    ['pt', 'Sexta às duas e meia', '2025-11-21 14:30'],
  ])('%s: already read, stays ("%s" is %s)', (lang, text, wall) => { reads(lang, text, wall); });
  it('guard: a weekday and an hour in words below 13 stay the hour ("lunedì dieci e mezza" is Monday at 10:30)', () => {
    reads('it', 'Lunedì prossimo dieci e mezza?', '2025-11-24 10:30');
  });
  it('guard: "at eleven people" is no time', () => {
    expect(read('en', 'We were at eleven people on the call last week.').proposals).toHaveLength(0);
  });
});

describe('a zone written as New Zealand or Australian time', () => {
  it.each([
    ['Tuesday 10am NZT suits', '2025-11-17T21:00:00.000Z'],
    ['Tuesday 10am AET suits', '2025-11-17T23:00:00.000Z'],
    ['Tuesday 10am New Zealand time suits', '2025-11-17T21:00:00.000Z'],
    ['Wednesday 2pm Arizona time works', '2025-11-19T21:00:00.000Z'],
  ])('"%s" is %s', (text, iso) => {
    const r = read('en', text);
    expect(r.proposals[0]?.start.toISOString(), JSON.stringify(r.explain)).toBe(iso);
    expect(r.certain, JSON.stringify(r.explain)).toBe(true);
  });
});

// In Dutch and German the day was already kept (a short clause, or "möglich" inviting it): their rows are guards.
describe('the offered day refused, another day "at the same time" however long the clause: the offer\'s time on that day', () => {
  const offered: [string, string][] = [['2025-11-20 15:00', '2025-11-20 15:30']];
  it.each([
    ['fr', 'Jeudi je ne peux pas, mais vendredi à la même heure ça irait.', '2025-11-21 15:00'],
    ['es', 'El jueves no puedo, pero el viernes a la misma hora sí que podría.', '2025-11-21 15:00'],
    ['pt', 'Quinta não consigo, mas sexta no mesmo horário dá tranquilo.', '2025-11-21 15:00'],
    ['it', 'Giovedì non riesco, venerdì alla stessa ora invece andrebbe bene.', '2025-11-21 15:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => {
    const r = read(lang, text, { offered });
    expect(firstLocal(lang, r), JSON.stringify(r.explain)).toBe(wall);
  });
  it.each([
    ['en', 'Thursday is out, but Friday at the same time would be great.', '2025-11-21 15:00'],
    ['nl', 'Donderdag past niet, vrijdag zelfde tijd wel.', '2025-11-21 15:00'],
    ['de', 'Donnerstag klappt nicht, aber Freitag zur gleichen Zeit ginge schon.', '2025-11-21 15:00'],
    ['nl', 'Donderdag gaat helaas niet, vrijdag op hetzelfde tijdstip zou wel kunnen.', '2025-11-21 15:00'],
    ['de', 'Donnerstag klappt leider nicht, aber Freitag zur gleichen Uhrzeit wäre für mich möglich.', '2025-11-21 15:00'],
  ])('%s: already read, stays ("%s" is %s)', (lang, text, wall) => {
    const r = read(lang, text, { offered });
    expect(firstLocal(lang, r), JSON.stringify(r.explain)).toBe(wall);
  });
});

describe('a weekday placed by a holiday ("Monday after Thanksgiving") is that day, its hour a clock time', () => {
  it.each([
    ['Monday after Thanksgiving, 3pm?', '2025-12-01 15:00'],
    ['Tuesday after Thanksgiving at 11am works', '2025-12-02 11:00'],
    ['the Friday before Christmas at 10am?', '2025-12-19 10:00'],
  ])('"%s" is %s', (text, wall) => { reads('en', text, wall); });
  it('guard: "Friday after 3" stays a window from 15:00', () => {
    const r = expectProposal('en', 'Friday after 3 works', '2025-11-21 15:00');
    expect(r.certain).toBe(true);
    expect(r.proposals[0]?.end).not.toBeNull();
  });
});
