import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { parseReply } from '../../src/domain/reply/index.js';
import { msg } from './helpers.js';
import { PROSPECT, firstLocal, read } from './lang-helpers.js';

/** Classes of issue 11, each read on Monday 17 November 2025 at 09:12 in the prospect's zone (lang-helpers.ts). */

describe('part of day joined to its day and time', () => {
  it.each([
    ['es', 'El jueves a las 4 de la tarde me viene bien.', '2025-11-20 16:00'],
    ['es', '¿Mañana al mediodía?', '2025-11-18 12:00'],
    ['de', 'Donnerstag nachmittags um 3 ginge.', '2025-11-20 15:00'],
    ['de', 'Mittwochvormittag, sagen wir 10:30?', '2025-11-19 10:30'],
    ['fr', 'Jeudi vers 9h30 ?', '2025-11-20 09:30'],
    ['fr', 'Le 20 novembre, 14h30 si possible.', '2025-11-20 14:30'],
    ['it', 'Giovedì alle 3 del pomeriggio va bene.', '2025-11-20 15:00'],
    ['pt', 'Quinta às 3 da tarde, pode ser?', '2025-11-20 15:00'],
    ['nl', "Donderdag 's middags om 3 uur?", '2025-11-20 15:00'],
    ['en', 'Thursday afternoon works, say 2:30?', '2025-11-20 14:30'],
    ['de', 'Freitag früh um 8:30 wäre gut.', '2025-11-21 08:30'],
    ['fr', 'Mercredi matin plutôt, vers 10h ?', '2025-11-19 10:00'],
    ['it', 'Venerdì in mattinata, verso le 10?', '2025-11-21 10:00'],
    ['pt', 'Amanhã depois do almoço fica bom.', '2025-11-18 13:00'],
  ])('%s: "%s" → %s', (lang, text, first) => {
    const r = read(lang, text);
    expect(r.kind).toBe('proposal');
    expect(firstLocal(lang, r)).toBe(first);
  });
});

describe('"tomorrow" in every language, and "halb drei"', () => {
  it.each([
    ['es', 'Mañana a las 10 me va bien.', '2025-11-18 10:00'],
    ['fr', 'Demain à 10h, ça vous va ?', '2025-11-18 10:00'],
    ['fr', 'Après-demain vers 11h ?', '2025-11-19 11:00'],
    ['it', 'Domani alle 10 va bene.', '2025-11-18 10:00'],
    ['it', 'Domattina alle 9 e mezza?', '2025-11-18 09:30'],
    ['pt', 'Amanhã às 10h pode ser?', '2025-11-18 10:00'],
    ['nl', 'Morgen om 10 uur?', '2025-11-18 10:00'],
    ['de', 'Morgen um halb drei?', '2025-11-18 14:30'],
    ['de', 'Übermorgen um Viertel nach zehn?', '2025-11-19 10:15'],
  ])('%s: "%s" → %s', (lang, text, first) => {
    const r = read(lang, text);
    expect(r.kind).toBe('proposal');
    expect(firstLocal(lang, r)).toBe(first);
    expect(r.certain).toBe(true);
  });
});

describe('a Portuguese word after a time is not a zone', () => {
  it.each([
    ['Quinta às 15h está ótimo.', '2025-11-20 15:00'],
    ['Terça às 10 está bem?', '2025-11-18 10:00'],
    ['Sexta 14h30 está perfeito para mim.', '2025-11-21 14:30'],
  ])('"%s" → %s in São Paulo', (text, first) => {
    const r = read('pt', text);
    expect(firstLocal('pt', r)).toBe(first);
    expect(r.explain.join(' ')).not.toMatch(/explicit zone/);
  });
});

describe('vague ranges in every language', () => {
  it.each([
    ['es', 'Mejor la semana que viene, ya te digo.'],
    ['es', 'Hablemos en enero.'],
    ['pt', 'Podemos ver isso no mês que vem.'],
    ['fr', 'Plutôt le mois prochain.'],
    ['de', 'Lieber nächsten Monat.'],
    ['nl', 'Liever in januari.'],
    ['it', 'Ne parliamo la settimana prossima.'],
  ])('%s: "%s" → vague', (lang, text) => {
    const r = read(lang, text);
    expect(r.kind).toBe('vague');
    expect(r.proposals).toEqual([]);
  });
});

describe('out-of-office return dates in Italian, Dutch and Portuguese (and the future tense)', () => {
  const ooo = (lang: string, text: string) => parseReply({ message: msg(text, PROSPECT[lang]!.ref, { subject: 'Risposta automatica: Demo', headers: { 'auto-submitted': 'auto-replied' } }), timeZone: PROSPECT[lang]!.zone });
  it.each([
    ['it', 'Sono fuori ufficio fino al 28 novembre. Rientrerò lunedì 1 dicembre.', '2025-12-01'],
    ['it', 'Sarò in ferie, rientro in ufficio il 24 novembre.', '2025-11-24'],
    ['nl', 'Ik ben afwezig tot en met vrijdag 21 november. Vanaf maandag 24 november ben ik weer bereikbaar.', '2025-11-24'],
    ['nl', 'Ik ben met vakantie en weer terug op 1 december.', '2025-12-01'],
    ['pt', 'Estou de férias e retorno no dia 1º de dezembro.', '2025-12-01'],
    ['pt', 'Estarei ausente do escritório, regressando na segunda-feira, 24 de novembro.', '2025-11-24'],
    ['fr', "Je suis en congés jusqu'au 28 novembre inclus. Retour le 1er décembre.", '2025-12-01'],
    ['it', 'Sono in ferie fino al 30 novembre, di nuovo in ufficio dal 1° dicembre.', '2025-12-01'],
  ])('%s: "%s" → back %s', (lang, text, back) => {
    const r = ooo(lang, text);
    expect(r.kind).toBe('ooo');
    expect(r.returnDate).toBe(back);
  });
});

describe('hard negatives: no proposal', () => {
  it.each([
    ['de', 'Die Abgabefrist ist Freitag, 12 Uhr.'],
    ['de', 'Anmeldeschluss ist der 28. November um 18 Uhr.'],
    ['de', 'Am Mittwoch um 10 habe ich selbst einen Kundentermin, danach melde ich mich.'],
    ['nl', 'De inschrijving sluit op 30 november om 12.00 uur.'],
    ['nl', 'Donderdag om 10 uur heb ik zelf een klantafspraak.'],
    ['en', 'Registration closes Friday at 5pm, FYI.'],
    ['es', 'La convocatoria termina el viernes a las 14:00.'],
    ['fr', 'Les candidatures ferment le 30 novembre à midi.'],
    ['it', 'Il bando chiude venerdì alle 12.'],
    ['pt', 'As inscrições encerram sexta às 18h.'],
    ['en', 'We presented it to the board on Tuesday at 10.'],
  ])('%s: "%s"', (lang, text) => {
    const r = read(lang, text);
    expect(r.proposals).toEqual([]);
    expect(r.kind).not.toBe('proposal');
  });
});

describe('numeric dates in the order of the prospect\'s country', () => {
  const at = (text: string, zone: string) => parseReply({ message: msg(text, '2025-11-17T14:12:00Z'), timeZone: zone });
  it.each([
    ['4/12 at 10:00', 'Europe/London', '2025-12-04 10:00'],
    ['12/4 at 10am', 'America/New_York', '2025-12-04 10:00'],
    ['4/12 at 10am', 'Australia/Sydney', '2025-12-04 10:00'],
    ['le 4/12 à 10h', 'Europe/Paris', '2025-12-04 10:00'],
    ['am 4.12. um 10 Uhr', 'Europe/Berlin', '2025-12-04 10:00'],
  ])('"%s" in %s → %s, certain', (text, zone, first) => {
    const r = at(text, zone);
    expect(r.certain).toBe(true);
    expect(DateTime.fromJSDate(r.proposals[0]!.start, { zone }).toFormat('yyyy-MM-dd HH:mm')).toBe(first);
  });
});

/** Short replies, as people answer from a phone: read, and certain, whatever the detector made of three words. */
describe('short replies in every language are read and certain', () => {
  it.each([
    ['fr', 'Mardi 10h ?', '2025-11-18 10:00'], ['de', 'Di 14 Uhr?', '2025-11-18 14:00'], ['es', 'Martes 10h', '2025-11-18 10:00'],
    ['nl', 'Dinsdag 10u?', '2025-11-18 10:00'], ['it', 'Martedì ore 10?', '2025-11-18 10:00'], ['pt', 'Terça 10h?', '2025-11-18 10:00'],
    ['nl', 'Do 16:00 ok', '2025-11-20 16:00'], ['de', 'Do 16:00 ok', '2025-11-20 16:00'], ['pt', 'Quinta 16h ok', '2025-11-20 16:00'],
    ['en', 'Tomorrow 3?', '2025-11-18 15:00'], ['it', 'Domani ore 17', '2025-11-18 17:00'], ['nl', 'Morgen 17u', '2025-11-18 17:00'],
    ['it', 'Confermo mercoledì 19 novembre ore 13', '2025-11-19 13:00'],
    ['pt', 'Fechado: quarta-feira, 19 de novembro, 13h (horário de Brasília)', '2025-11-19 13:00'],
  ])('%s: "%s" → %s', (lang, text, first) => {
    const r = read(lang, text);
    expect(firstLocal(lang, r)).toBe(first);
    expect(r.certain).toBe(true);
  });

  it('an English "do" before a time stays a verb', () => {
    expect(firstLocal('en', read('en', 'Can we do 10:00 on Wednesday?'))).toBe('2025-11-19 10:00');
  });
});

/** Offers only in the quoted history (the check gives no offered slots): the reply picks one. */
describe('a slot picked from the quoted offer', () => {
  const QUOTE = '\n\nEl lun, 17 nov 2025 a las 8:00, Lucía <l@s.io> escribió:\n> Te propongo:\n> - martes 18 de noviembre a las 10:00\n> - miércoles 19 de noviembre a las 16:00\n> - jueves 20 de noviembre a las 12:00';
  it.each([
    ['La del miércoles me va bien.', '2025-11-19 16:00'], ['Mejor la última.', '2025-11-20 12:00'], ['El jueves a las 12 está bien.', '2025-11-20 12:00'],
    ['Opción 1', '2025-11-18 10:00'], ['Me quedo con la primera.', '2025-11-18 10:00'],
  ])('"%s" → %s', (text, first) => {
    const r = parseReply({ message: msg(text + QUOTE, PROSPECT.es!.ref), timeZone: PROSPECT.es!.zone });
    expect(firstLocal('es', r)).toBe(first);
  });
});

/** Past-tense reports with a weekday and hour, and counter-proposals, in every language. */
describe('past-tense weekdays are no proposal; a refused day gives way to the next', () => {
  it.each([
    ['es', 'Ayer a las 16 hablé con mi jefe y le pareció bien.', 'other', null],
    ['pt', 'Na segunda passada às 10h tivemos reunião interna.', 'other', null],
    ['fr', 'Lundi dernier à 14h nous avons présenté votre offre.', 'other', null],
    ['de', 'Am Montag um 14 Uhr haben wir intern darüber gesprochen.', 'other', null],
    ['nl', 'Maandag om 14 uur hebben we het intern besproken.', 'other', null],
    ['it', 'Lunedì alle 14 ne abbiamo parlato internamente.', 'other', null],
    ['en', 'I met with procurement Tuesday and they approved the budget. Can we talk Thursday at 1?', 'proposal', '2025-11-20 13:00'],
    ['en', 'Wednesday works, but only after 3pm ET.', 'proposal', '2025-11-19 15:00'],
    ['es', 'El martes tengo comité todo el día; ¿te va el miércoles a las 17:30?', 'proposal', '2025-11-19 17:30'],
    ['pt', 'Quinta não consigo, mas sexta às 9h30 pode ser.', 'proposal', '2025-11-21 09:30'],
    ['fr', 'Jeudi impossible, vendredi 10h30 ?', 'proposal', '2025-11-21 10:30'],
    ['de', 'Donnerstag klappt nicht, aber Freitag um 10 Uhr.', 'proposal', '2025-11-21 10:00'],
    ['nl', 'Donderdag kan niet, vrijdag om 10 uur wel.', 'proposal', '2025-11-21 10:00'],
    ['it', 'Giovedì non riesco, venerdì alle 10 sì.', 'proposal', '2025-11-21 10:00'],
    ['de', 'Ich bin am Mittwoch um 14 Uhr bereit.', 'proposal', '2025-11-19 14:00'],
  ])('%s: "%s" → %s %s', (lang, text, kind, first) => {
    const r = read(lang, text);
    expect(r.kind).toBe(kind);
    expect(firstLocal(lang, r)).toBe(first);
  });
});

describe('more idioms of the seven languages', () => {
  it.each([
    ['en', 'First thing Monday?', '2025-11-24 09:00'], ['en', 'Sometime Thursday afternoon works.', '2025-11-20 13:00'],
    ['en', 'Any time after 2 on Friday.', '2025-11-21 14:00'], ['en', 'COB Wednesday works for a quick call.', '2025-11-19 17:00'],
    ['en', 'Late morning Tuesday, say 11?', '2025-11-18 11:00'], ['en', 'Tuesday 2-ish?', '2025-11-18 14:00'],
    ['en', 'Thu 11/20 at 2 works', '2025-11-20 14:00'], ['en', 'Wed @ 4?', '2025-11-19 16:00'],
    ['en', 'Tuesday at 2:30 PST works for me.', '2025-11-18 17:30'], ['en', 'Great - Thursday @ 10am CT then.', '2025-11-20 11:00'],
    ['es', 'El jueves a primera hora.', '2025-11-20 09:00'], ['es', 'El viernes sobre las 11 y media.', '2025-11-21 11:30'],
    ['fr', "Jeudi en début d'après-midi, vers 14h ?", '2025-11-20 14:00'], ['fr', 'Mardi 18 à 9 heures.', '2025-11-18 09:00'],
    ['de', 'Dienstag um 9.30 Uhr?', '2025-11-18 09:30'], ['de', 'Mittwoch ab 15 Uhr bin ich frei.', '2025-11-19 15:00'],
    ['nl', 'Woensdag na 15.00 uur ben ik vrij.', '2025-11-19 15:00'], ['it', 'Mercoledì dopo le 15 sono libero.', '2025-11-19 15:00'],
    ['pt', 'Quarta depois das 15h estou livre.', '2025-11-19 15:00'], ['es', 'Miércoles a partir de las 15h estoy libre.', '2025-11-19 15:00'],
  ])('%s: "%s" → %s', (lang, text, first) => {
    const r = read(lang, text);
    expect(r.kind).toBe('proposal');
    expect(firstLocal(lang, r)).toBe(first);
  });

  it('an address with an at sign is no time', () => {
    expect(read('en', 'Write to ops@10x.io about it.').proposals).toEqual([]);
  });
});
