import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/domain/reply/index.js';
import { firstLocal, read } from './lang-helpers.js';

/**
 * Proposals, windows and counter-proposals in the seven languages, each read on Monday 17 November 2025 at 09:12 in
 * the prospect's zone. The expected value is the first proposed start as wall time in that zone, and whether the
 * reading is certain enough to book by itself.
 */
const PROPOSALS: [lang: string, text: string, first: string, certain: boolean][] = [
  // English
  ['en', 'Tuesday at 3pm works for me.', '2025-11-18 15:00', true],
  ['en', 'Could we do Wednesday at 10:30?', '2025-11-19 10:30', true],
  ['en', 'Thursday is packed, could we do Friday at 9:30?', '2025-11-21 09:30', true],
  ['en', 'I have a board meeting Thursday at 2, so Friday at 11 would be better.', '2025-11-21 11:00', true],
  ['en', 'Tomorrow around noon?', '2025-11-18 12:00', true],
  // Spanish
  ['es', 'El martes a las 3 de la tarde me va bien.', '2025-11-18 15:00', true],
  ['es', '¿Podemos hablar mañana a las 10?', '2025-11-18 10:00', true],
  ['es', 'Mañana a las 4 y media me viene bien.', '2025-11-18 16:30', true],
  ['es', 'El jueves al mediodía, si te parece.', '2025-11-20 12:00', true],
  ['es', 'El jueves lo tengo complicado, ¿qué tal el viernes a las 9:30?', '2025-11-21 09:30', true],
  ['es', 'Pasado mañana a las 11h, ¿te va bien?', '2025-11-19 11:00', true],
  ['es', 'El miércoles 19 a las 16:00 perfecto.', '2025-11-19 16:00', true],
  // Portuguese
  ['pt', 'Terça às 15h está ótimo para mim.', '2025-11-18 15:00', true],
  ['pt', 'Podemos falar amanhã às 10?', '2025-11-18 10:00', true],
  ['pt', 'Quinta-feira às 14h30 funciona.', '2025-11-20 14:30', true],
  ['pt', 'Quarta está cheia, que tal sexta às 11h?', '2025-11-21 11:00', true],
  ['pt', 'Pode ser na quinta às 3 da tarde?', '2025-11-20 15:00', true],
  ['pt', 'Depois de amanhã às 9h, pode ser?', '2025-11-19 09:00', true],
  // French
  ['fr', 'Mardi à 15h me convient.', '2025-11-18 15:00', true],
  ['fr', 'On peut se parler demain vers 9h30 ?', '2025-11-18 09:30', true],
  ['fr', 'Le jeudi 20 novembre, 14h30, ça me va.', '2025-11-20 14:30', true],
  ['fr', 'Jeudi je suis pris, vendredi à 10h plutôt ?', '2025-11-21 10:00', true],
  ['fr', 'Demain à midi ?', '2025-11-18 12:00', true],
  ['fr', 'Après-demain à 11h, ça vous va ?', '2025-11-19 11:00', true],
  // German
  ['de', 'Dienstag um halb drei passt mir.', '2025-11-18 14:30', true],
  ['de', 'Können wir morgen um 10 Uhr telefonieren?', '2025-11-18 10:00', true],
  ['de', 'Donnerstag ist bei mir leider voll. Ginge Freitag um 9:30?', '2025-11-21 09:30', true],
  ['de', 'Am Mittwoch um Viertel nach drei?', '2025-11-19 15:15', true],
  ['de', 'Übermorgen um 11 Uhr wäre gut.', '2025-11-19 11:00', true],
  ['de', 'Mi 14 Uhr passt.', '2025-11-19 14:00', true],
  // Dutch
  ['nl', 'Dinsdag om 15.00 uur komt goed uit.', '2025-11-18 15:00', true],
  ['nl', 'Kunnen we morgen om 10 uur bellen?', '2025-11-18 10:00', true],
  ['nl', 'Donderdag om half drie?', '2025-11-20 14:30', true],
  ['nl', 'Woensdag zit vol, kan vrijdag om 11 uur?', '2025-11-21 11:00', true],
  ['nl', 'Overmorgen om 9 uur is prima.', '2025-11-19 09:00', true],
  // Italian
  ['it', 'Martedì alle 15 va bene per me.', '2025-11-18 15:00', true],
  ['it', 'Possiamo sentirci domani alle 10?', '2025-11-18 10:00', true],
  ['it', 'Giovedì alle 3 del pomeriggio?', '2025-11-20 15:00', true],
  ['it', 'Mercoledì sono pieno, venerdì alle 11?', '2025-11-21 11:00', true],
  ['it', 'Dopodomani alle 9 e mezza va bene.', '2025-11-19 09:30', true],
  ['it', 'Gio 11 va bene', '2025-11-20 11:00', true],
];

describe('proposals and counter-proposals in seven languages', () => {
  it.each(PROPOSALS)('%s: "%s" → %s', (lang, text, first, certain) => {
    const r = read(lang, text);
    expect(r.kind).toBe('proposal');
    expect(firstLocal(lang, r)).toBe(first);
    expect({ certain: r.certain, uncertain: r.uncertain }).toEqual({ certain, uncertain: certain ? [] : r.uncertain });
  });
});

/** A part of the day is a window: its start is the first proposed time (the worker offers slots inside it). */
const WINDOWS: [string, string, string][] = [
  ['en', 'Tuesday afternoon works.', '2025-11-18 13:00'],
  ['en', 'Wednesday after lunch?', '2025-11-19 13:00'],
  ['es', 'Mañana por la tarde me va bien.', '2025-11-18 13:00'],
  ['es', 'El jueves por la mañana.', '2025-11-20 09:00'],
  ['pt', 'Sexta de manhã, pode ser?', '2025-11-21 09:00'],
  ['pt', 'Amanhã à tarde funciona.', '2025-11-18 13:00'],
  ['fr', 'Vendredi matin plutôt ?', '2025-11-21 09:00'],
  ['fr', 'Demain après-midi, ça vous va ?', '2025-11-18 13:00'],
  ['de', 'Donnerstag nachmittags passt.', '2025-11-20 13:00'],
  ['de', 'Dienstagvormittag?', '2025-11-18 09:00'],
  ['nl', 'Vrijdagochtend kan ik.', '2025-11-21 09:00'],
  ['nl', "Donderdag 's middags?", '2025-11-20 13:00'],
  ['it', 'Giovedì pomeriggio va bene.', '2025-11-20 13:00'],
  ['it', 'Domani mattina?', '2025-11-18 09:00'],
];

describe('parts of the day in seven languages', () => {
  it.each(WINDOWS)('%s: "%s" → a window from %s', (lang, text, first) => {
    const r = read(lang, text);
    expect(r.kind).toBe('proposal');
    expect(firstLocal(lang, r)).toBe(first);
    expect(r.proposals[0]?.end).not.toBeNull();
  });
});

const VAGUE: [string, string][] = [
  ['en', 'Sometime next week would be better.'], ['en', "Let's talk in two weeks."], ['en', 'Maybe in January?'],
  ['es', 'Mejor la semana que viene.'], ['es', 'Hablamos en enero.'], ['es', 'A finales de mes, si puede ser.'],
  ['pt', 'Melhor na semana que vem.'], ['pt', 'Vamos conversar em março.'], ['pt', 'No início de dezembro.'],
  ['fr', 'Plutôt la semaine prochaine.'], ['fr', 'Parlons-en en janvier.'], ['fr', 'Début décembre, peut-être ?'],
  ['de', 'Lieber nächste Woche.'], ['de', 'Gerne im Januar.'], ['de', 'Anfang Dezember wäre besser.'],
  ['nl', 'Liever volgende week.'], ['nl', 'Laten we in januari praten.'], ['nl', 'In het voorjaar opnieuw?'],
  ['it', 'Meglio la settimana prossima.'], ['it', 'Sentiamoci a gennaio.'], ['it', 'A fine mese, magari.'],
];

describe('vague answers in seven languages', () => {
  it.each(VAGUE)('%s: "%s" is vague, with a range in the future', (lang, text) => {
    const r = read(lang, text);
    expect(r.kind).toBe('vague');
    expect(r.range?.end.getTime()).toBeGreaterThan(r.range?.start.getTime() ?? Infinity);
  });
});

const ACCEPTANCE: [string, string, number][] = [
  ['en', 'The second one works, talk then.', 1], ['en', 'First option please.', 0],
  ['es', 'Me viene mejor la segunda opción.', 1], ['es', 'La primera, gracias.', 0],
  ['pt', 'A segunda opção funciona pra mim.', 1], ['pt', 'A última, por favor.', 2],
  ['fr', 'Le deuxième créneau me va.', 1], ['fr', 'La première proposition, merci.', 0],
  ['de', 'Die zweite Option passt.', 1], ['de', 'Der letzte Termin passt mir.', 2],
  ['nl', 'De tweede is goed.', 1], ['nl', 'De eerste optie graag.', 0],
  ['it', 'La seconda va bene, grazie.', 1], ['it', "L'ultima opzione, grazie.", 2],
];

describe('acceptance of an offered slot in seven languages', () => {
  const offered: [string, string][] = [['2025-11-18 10:00', '2025-11-18 10:30'], ['2025-11-19 15:00', '2025-11-19 15:30'], ['2025-11-20 11:00', '2025-11-20 11:30']];
  it.each(ACCEPTANCE)('%s: "%s" → slot %i', (lang, text, slot) => {
    const r = read(lang, text, { offered });
    expect(r.kind).toBe('proposal');
    expect(firstLocal(lang, r)).toBe(offered[slot]![0]);
    expect(r.certain).toBe(true);
  });
});

describe('language detection on short replies', () => {
  it.each([
    ['en', 'Tuesday at 3pm works for me.'], ['es', 'El martes a las 3 me va bien.'], ['pt', 'Terça às 15h está ótimo.'],
    ['fr', 'Mardi à 15h me convient.'], ['de', 'Dienstag um 15 Uhr passt mir.'], ['nl', 'Dinsdag om 15 uur komt goed uit.'],
    ['it', 'Martedì alle 15 va bene.'],
  ])('%s: "%s"', (lang, text) => {
    expect(detectLanguage(text).lang).toBe(lang);
  });

  it('a Content-Language header settles a tie on a text with no words', () => {
    expect(detectLanguage('15:00?', 'de-DE')).toMatchObject({ lang: 'de', source: 'content-language' });
  });
});
