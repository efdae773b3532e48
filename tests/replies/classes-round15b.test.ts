import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { parseReply } from '../../src/domain/reply/index.js';
import { msg } from './helpers.js';
import { PROSPECT, firstLocal, read, expectCertainProposal as certainAt } from './lang-helpers.js';

/**
 * Classes of issue 11, round 15 (part b): right readings of tune-r12 that were asked about although the reply says
 * enough (a slot chosen by its hour, its weekday inside a compound word, its weekday and part of day; the offered day
 * named again), and the quoted offers that were misread. The phrasings are written for these tests, not taken from
 * the fixtures. Every prospect writes on Monday 17 November 2025 at 09:12 local time.
 */

const over = (reply: string, offer: string) => `${reply}\n\nOn Sat, 15 Nov 2025 at 09:40, Dana Reyes <dana@seller.io> wrote:\n> ${offer.split('\n').join('\n> ')}\n`;

describe('a quoted offer written "<date> - <time>" is that time on that date, not a range from the day number', () => {
  it.each([
    ['en', '9am one 👍', 'Friday 11/21 - 9am or 2pm?', '2025-11-21 09:00'],
    ['en', 'the 10am one please', 'Thursday 11/20 - 10am or 2pm?', '2025-11-20 10:00'],
    ['en', '10:00 works', 'Tuesday 25 Nov – 10:00 or Thursday 27 Nov – 14:30?', '2025-11-25 10:00'],
    ['en', '2:30 works', '- Tuesday 25 Nov – 10:00\n- Thursday 27 Nov – 14:30', '2025-11-27 14:30'],
    ['es', 'Las 14:30, por favor.', '¿Martes 25 de noviembre – 10:00 o jueves 27 de noviembre – 14:30?', '2025-11-27 14:30'],
    ['fr', '14h30 me va.', 'Mardi 25 novembre – 10h00 ou jeudi 27 novembre – 14h30 ?', '2025-11-27 14:30'],
  ])('%s: "%s" over "%s" is %s', (lang, reply, offer, wall) => { certainAt(lang, over(reply, offer), wall); });
});

describe('an offered slot chosen by a weekday inside a compound word ("der Mittwochstermin")', () => {
  const offer = {
    de: 'Mittwoch, 19. November, 9:00 Uhr oder Donnerstag, 20. November, 14:30 Uhr?',
    nl: 'Woensdag 19 november om 9:00 of donderdag 20 november om 14:30?',
  };
  it.each([
    ['de', 'Der Mittwochstermin passt mir.', offer.de, '2025-11-19 09:00'],
    ['de', 'Den Donnerstagstermin nehme ich gern.', offer.de, '2025-11-20 14:30'],
    ['de', 'Die Donnerstags-Option wäre mir lieber.', offer.de, '2025-11-20 14:30'],
    ['nl', 'De donderdagafspraak is prima.', offer.nl, '2025-11-20 14:30'],
    ['nl', 'De woensdagoptie past mij goed.', offer.nl, '2025-11-19 09:00'],
  ])('%s: "%s" over "%s" is %s', (lang, reply, offer, wall) => { certainAt(lang, over(reply, offer), wall); });
  it('guard: a compound refused chooses nothing by itself ("der Mittwochstermin geht leider nicht")', () => {
    const r = read('de', over('Der Mittwochstermin geht leider nicht.', offer.de));
    expect(firstLocal('de', r), JSON.stringify(r.explain)).not.toBe('2025-11-19 09:00');
  });
});

describe('an offered slot chosen by its weekday and its part of day, when that weekday has two slots', () => {
  const offer = 'I could do:\n- Thursday 20 Nov at 09:30\n- Thursday 20 Nov at 14:30\n- Monday 24 Nov at 11:00';
  it.each([
    ['en', 'The Thursday afternoon option please.', offer, '2025-11-20 14:30'],
    ['en', 'Thursday morning is best for me.', offer, '2025-11-20 09:30'],
    ['es', 'Prefiero el jueves por la tarde.', 'Te puedo ofrecer:\n- jueves 20 de noviembre a las 9:30\n- jueves 20 de noviembre a las 14:30\n- lunes 24 de noviembre a las 11:00', '2025-11-20 14:30'],
    ['fr', 'Jeudi après-midi, ça me va.', 'Je peux vous proposer :\n- jeudi 20 novembre à 9h30\n- jeudi 20 novembre à 14h30\n- lundi 24 novembre à 11h', '2025-11-20 14:30'],
  ])('%s: "%s" over "%s" is %s', (lang, reply, offer, wall) => { certainAt(lang, over(reply, offer), wall); });
  it('guard: a part of day with no offered slot in it is the reply\'s own window, not the offered morning', () => {
    const r = read('en', over('Thursday afternoon works for me.', 'Would Thursday 20 Nov at 09:30 or Monday 24 Nov at 11:00 suit you?'));
    expect(firstLocal('en', r)).not.toBe('2025-11-20 09:30');
  });
});

describe('a time without a day, over one offered day, with that day named again ("at 5, still Friday")', () => {
  it.each([
    ['it', 'Alle 9 sono in riunione. Meglio nel pomeriggio, alle 16, sempre venerdì.', 'Venerdì 21 novembre alle 9:00 le andrebbe bene?', '2025-11-21 16:00'],
    ['en', 'At 9 I am on site. Better in the afternoon, at 4, still Friday.', 'Would Friday 21 November at 9:00 work?', '2025-11-21 16:00'],
    ['es', 'A las 9 tengo obra. Mejor por la tarde, a las 16, el mismo viernes.', '¿Le va bien el viernes 21 de noviembre a las 9:00?', '2025-11-21 16:00'],
    ['fr', 'À 9h je suis sur un chantier. Plutôt l\'après-midi, à 16h, toujours vendredi.', 'Vendredi 21 novembre à 9h00, cela vous irait ?', '2025-11-21 16:00'],
  ])('%s: "%s" over "%s" is %s', (lang, reply, offer, wall) => { certainAt(lang, over(reply, offer), wall); });
  it('guard: the day named is not the offered one, so the day stays a question', () => {
    const r = read('en', over('Better at 4, Thursday.', 'Would Friday 28 November at 9:00 work?'));
    expect(firstLocal('en', r)).toBe('2025-11-20 16:00');
  });
});

describe('a weekday named, then in the next sentence a time offered with "say"', () => {
  it.each([
    ['en', 'I have a window on Thursday. Can we say eleven?', '2025-11-20 11:00'],
    ['en', 'Wednesday is open for me. Shall we say 2:30?', '2025-11-19 14:30'],
    ['en', 'I am free Friday. Could we say 10?', '2025-11-21 10:00'],
    ['de', 'Am Donnerstag habe ich Luft. Sagen wir 11 Uhr?', '2025-11-20 11:00'],
    ['es', 'El jueves tengo hueco. ¿Digamos a las 11?', '2025-11-20 11:00'],
    ['nl', 'Donderdag heb ik ruimte. Zeg maar 11 uur?', '2025-11-20 11:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { certainAt(lang, text, wall); });
  it('guard: a time outside the day\'s hours is not joined across the sentence', () => {
    const r = read('en', 'I have a window on Thursday. Can we say 7?');
    expect(r.certain).toBe(false);
  });
});

describe('"after Q3 closes" written after Q3 has ended is the near future, not next year\'s Q3', () => {
  const rangeStart = (lang: string, text: string) => {
    const r = read(lang, text);
    expect(r.kind, JSON.stringify(r.explain)).toBe('vague');
    return r.range ? DateTime.fromJSDate(r.range.start, { zone: PROSPECT[lang]!.zone }).toFormat('yyyy-MM-dd') : null;
  };
  it.each([
    ['en', 'Busy until Q3 closes. Check back after Q3 closes.'],
    ['en', 'Please reach out again once Q3 is over.'],
    ['nl', 'Neem gerust weer contact op na de afsluiting van Q3.'],
    ['it', 'Mi ricontatti dopo la chiusura del Q3.'],
    ['fr', 'Recontactez-moi après la clôture du Q3.'],
    ['de', 'Melden Sie sich bitte nach dem Abschluss des Q3 wieder.'],
  ])('%s: "%s" starts now (17 November 2025)', (lang, text) => { expect(rangeStart(lang, text)).toBe('2025-11-17'); });
  it('guard: an older quarter ("after Q1 closes" in November) is next year\'s', () => {
    expect(rangeStart('en', 'Check back after Q1 closes.')).toBe('2026-04-01');
  });
});

describe('a numeric date written in any Brazilian or Latin American zone is day first', () => {
  const at = (zone: string, text: string, ref: string) => {
    const r = parseReply({ message: msg(text, ref), timeZone: zone });
    const p = r.proposals[0];
    return { wall: p ? DateTime.fromJSDate(p.start, { zone }).toFormat('yyyy-MM-dd HH:mm') : null, certain: r.certain, explain: r.explain };
  };
  it.each([
    ['America/Manaus', 'Pode ser 05/12 às 10h?', '2025-11-17T13:12:00Z', '2025-12-05 10:00'],
    ['America/Recife', 'Podemos falar dia 03/12 às 15h.', '2025-11-17T12:12:00Z', '2025-12-03 15:00'],
    ['America/Cuiaba', 'Que tal 04/12 às 9h?', '2025-11-17T13:12:00Z', '2025-12-04 09:00'],
    ['America/Guatemala', '¿Le parece el 05/12 a las 10?', '2025-11-17T15:12:00Z', '2025-12-05 10:00'],
    ['America/Paramaribo', 'Kan het op 05/12 om 10 uur?', '2025-11-17T12:12:00Z', '2025-12-05 10:00'],
  ])('%s: "%s" is %s, certain', (zone, text, ref, wall) => {
    const got = at(zone, text, ref);
    expect(got.wall, JSON.stringify(got.explain)).toBe(wall);
    expect(got.certain, JSON.stringify(got.explain)).toBe(true);
  });
});

describe('a numeric date in French from Canada: asked, the day-first reading first', () => {
  it.each([
    ['fr', 'On pourrait se parler le 05/12 à 10h, heure de l\'Est.', '2025-12-05 10:00', '2026-05-12 10:00'],
    ['fr', 'Je suis disponible le 04/12 à 14h.', '2025-12-04 14:00', '2026-04-12 14:00'],
  ])('%s: "%s" is %s first, %s the other reading', (_lang, text, wall, other) => {
    const zone = 'America/Toronto';
    const r = parseReply({ message: msg(text, '2025-11-17T14:12:00Z'), timeZone: zone });
    const fmt = (d: Date) => DateTime.fromJSDate(d, { zone }).toFormat('yyyy-MM-dd HH:mm');
    expect(r.proposals[0] ? fmt(r.proposals[0].start) : null, JSON.stringify(r.explain)).toBe(wall);
    expect(r.certain).toBe(false);
    expect([...r.proposals, ...r.alternatives].slice(0, 3).map((p) => fmt(p.start))).toContain(other);
  });
  it('guard: English from Toronto keeps the month first', () => {
    const r = parseReply({ message: msg('Could we talk 05/12 at 10am?', '2025-11-17T14:12:00Z'), timeZone: 'America/Toronto' });
    expect(r.proposals[0] ? DateTime.fromJSDate(r.proposals[0].start, { zone: 'America/Toronto' }).toFormat('yyyy-MM-dd HH:mm') : null).toBe('2026-05-12 10:00');
  });
});

describe('a day withdrawn in a correction ("Actually no, we are closed that day. Make it Wednesday at 10") is a counter-proposal, certain', () => {
  it.each([
    ['en', 'Could we do Tuesday? Actually no, we are closed that day. Make it Wednesday at 10.', '2025-11-19 10:00'],
    ['en', 'can do Thu 20 Nov? Oh wait, it is a holiday here, we are off. Fri 21 Nov 3pm then.', '2025-11-21 15:00'],
    ['es', '¿El martes? En realidad no, ese día cerramos. Mejor el miércoles a las 10.', '2025-11-19 10:00'],
    ['de', 'Dienstag vielleicht? Korrektur: da haben wir geschlossen. Mittwoch um 10 Uhr?', '2025-11-19 10:00'],
    ['fr', 'Mardi ? En fait non, nous sommes fermés ce jour-là. Mercredi à 10h ?', '2025-11-19 10:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => { certainAt(lang, text, wall); });
  it('guard: a time adjusted on the same day is still asked ("Tuesday at 3pm. Actually, make it 4pm Tuesday")', () => {
    const r = read('en', 'Tuesday at 3pm works. Actually, make it 4pm Tuesday.');
    expect(firstLocal('en', r)).toBe('2025-11-18 16:00');
    expect(r.certain).toBe(false);
  });
});

describe('a phone number after the time is no second time ("morgen 10 uur? bel me op 06-12345678")', () => {
  it.each([
    ['nl', 'morgen 10 uur? bel me maar op 06-12345678', '2025-11-18 10:00'],
    ['en', 'tomorrow 10am? call me on 07-12345678', '2025-11-18 10:00'],
    ['de', 'Morgen um 10 Uhr? Am besten unter 08-12345678 anrufen.', '2025-11-18 10:00'],
    ['it', 'Domani alle 10? Mi chiami pure al 06-12345678.', '2025-11-18 10:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => {
    const r = certainAt(lang, text, wall);
    expect(r.proposals.map((p) => p.text).join(' | ')).not.toMatch(/\d-\d{3}/);
  });
});

describe('a time after "my" ("before my 9:30") is the prospect\'s own appointment, no second time', () => {
  // Written in the afternoon (14:12 local), so a bare 9:30 falls on the next day, the day proposed.
  const afternoon: Record<string, { zone: string; ref: string }> = {
    en: { zone: 'America/New_York', ref: '2025-11-17T19:12:00Z' },
    es: { zone: 'Europe/Madrid', ref: '2025-11-17T13:12:00Z' },
    de: { zone: 'Europe/Berlin', ref: '2025-11-17T13:12:00Z' },
    fr: { zone: 'Europe/Paris', ref: '2025-11-17T13:12:00Z' },
  };
  const readAt = (lang: string, text: string) => {
    const p = afternoon[lang]!;
    const r = parseReply({ message: msg(text, p.ref), timeZone: p.zone });
    const first = r.proposals[0] ? DateTime.fromJSDate(r.proposals[0].start, { zone: p.zone }).toFormat('yyyy-MM-dd HH:mm') : null;
    return { r, first };
  };
  it.each([
    ['en', 'tomorrow morning at 8:45? before my 9:30', '2025-11-18 08:45'],
    ['en', 'Tomorrow at 10:30? Has to be after my 9:45.', '2025-11-18 10:30'],
    ['en', 'tomorrow at 11:30? after my 10:45', '2025-11-18 11:30'],
    ['en', 'tomorrow 9:15? right after my 8:30', '2025-11-18 09:15'],
  ])('%s: "%s" is %s', (lang, text, wall) => {
    const { r, first } = readAt(lang, text);
    expect(first, JSON.stringify(r.explain)).toBe(wall);
    expect(r.certain, JSON.stringify([r.uncertain, r.explain])).toBe(true);
  });
  it.each([
    ['en', 'tomorrow 8am, before my 9:15', '2025-11-18 08:00'],
    ['en', 'Tomorrow at 8:15 works, right before my 9:00 call.', '2025-11-18 08:15'],
    ['es', 'Mañana a las 8:45, antes de mi reunión de las 9:30.', '2025-11-18 08:45'],
    ['de', 'Morgen um 8:45, vor meinem Termin um 9:30?', '2025-11-18 08:45'],
    ['fr', 'Demain à 8h45, avant mon rendez-vous de 9h30 ?', '2025-11-18 08:45'],
  ])('stays: %s "%s" is %s', (lang, text, wall) => {
    const { r, first } = readAt(lang, text);
    expect(first, JSON.stringify(r.explain)).toBe(wall);
    expect(r.certain, JSON.stringify([r.uncertain, r.explain])).toBe(true);
  });
  it('guard: two times offered without "my" stay asked ("tomorrow at 8:45? 9:30 is better")', () => {
    expect(readAt('en', 'tomorrow at 8:45? 9:30 is better').r.certain).toBe(false);
  });
});

describe('"or wait," in any language corrects the time said before it: the new time first, asked', () => {
  it.each([
    ['nl', 'Dinsdag 14u kan, of wacht, dan heb ik overleg. 16u dan?', '2025-11-18 16:00'],
    ['de', 'Dienstag 14 Uhr geht, ach warte, da habe ich ein Meeting. 16 Uhr dann?', '2025-11-18 16:00'],
    ['it', 'Martedì alle 14 va bene, ah aspetta, ho una riunione. Alle 16 allora?', '2025-11-18 16:00'],
    ['nl', 'Woensdag 10u? Oh wacht, dan zit ik bij de tandarts. 11u30 dan?', '2025-11-19 11:30'],
  ])('%s: "%s" is %s first, not certain', (lang, text, wall) => {
    const r = read(lang, text);
    expect(firstLocal(lang, r), JSON.stringify(r.explain)).toBe(wall);
    expect(r.certain).toBe(false);
  });
  it('guard: "ik wacht op je antwoord" is no correction', () => {
    const r = read('nl', 'Dinsdag 14u kan, ik wacht op je bevestiging. Of anders woensdag 16u.');
    expect(firstLocal('nl', r)).toBe('2025-11-18 14:00');
  });
});
