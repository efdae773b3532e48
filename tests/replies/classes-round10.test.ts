import { describe, expect, it } from 'vitest';
import { parseReply } from '../../src/domain/reply/index.js';
import { msg } from './helpers.js';
import { firstLocal, read, reads } from './lang-helpers.js';

/**
 * Classes of issue 11, round 10: each miss on the blind split, fixed as the family of phrasings it belongs to. The
 * phrasings are written for these tests, not taken from the fixtures. Every prospect writes on Monday 17 November 2025
 * at 09:12 local time.
 */

describe('a clock time after a soft part of day and its day is the time ("first thing monday - 8:30?")', () => {
  it.each([
    ['en', 'first thing tuesday — 8:45?', '2025-11-18 08:45'],
    ['en', 'thursday first thing, 8:15 ok?', '2025-11-20 08:15'],
    ['en', 'after lunch on Friday, say 1:45?', '2025-11-21 13:45'],
    ['en', 'Right after lunch tomorrow? 1:15', '2025-11-18 13:15'],
    ['en', 'wednesday morning? 10.30 ideally', '2025-11-19 10:30'],
    ['fr', 'demain après le déjeuner ? 14h30', '2025-11-18 14:30'],
  ])('%s: "%s" is %s', reads);
  it.each([
    ['en', 'tomorrow after lunch: 2:30', '2025-11-18 14:30'],
    ['es', 'mañana a primera hora, 8:30?', '2025-11-18 08:30'],
    ['en', 'tomorrow afternoon at 3 works', '2025-11-18 15:00'],
  ])('%s: already read, stays ("%s")', reads);
  it('a count after the part of day is no clock time', () => {
    const r = read('en', 'Thursday morning, 3 people from our side will join.');
    expect(firstLocal('en', r)).not.toBe('2025-11-20 03:00');
  });
});

describe('"N weeks from <weekday>" is that weekday, N weeks on', () => {
  it.each([
    ['en', 'Two weeks from Thursday at 11 would be better.', '2025-12-04 11:00'],
    ['en', 'a week from Friday at 2?', '2025-11-28 14:00'],
    ['en', 'three weeks from Monday, 10am?', '2025-12-08 10:00'],
    ['en', 'How about one week from Wednesday, 3pm', '2025-11-26 15:00'],
  ])('%s: "%s" is %s', reads);
});

describe('a refused time does not take the counter-proposal after it down with it', () => {
  it.each([
    ['en', '3pm on Thursday won\'t work - I\'m at a trade show all afternoon. Friday 10:00?', '2025-11-21 10:00'],
    ['en', 'Tuesday is out, we have an audit all day. Wednesday 2pm instead?', '2025-11-19 14:00'],
    ['en', 'Can\'t make Monday, I\'m on a plane all morning. Tuesday 9:30 works.', '2025-11-18 09:30'],
  ])('%s: "%s" is %s', reads);
});

describe('a counter-proposal that keeps half of the rep\'s offer ("13th same time?", "11 same day?")', () => {
  const offer = { offered: [['2025-11-19 15:00', '2025-11-19 15:30']] as [string, string][] };
  it.each([
    ['en', 'Can\'t do the 19th. 20th same time?', '2025-11-20 15:00'],
    ['en', '21st, same time?', '2025-11-21 15:00'],
    ['en', 'not 3 please, 11 same day?', '2025-11-19 11:00'],
    ['en', 'too late for me. 10 same day works', '2025-11-19 10:00'],
  ])('%s: "%s" is %s', (lang, text, wall) => {
    const r = read(lang, text, offer);
    expect(r.kind, JSON.stringify(r.explain)).toBe('proposal');
    expect(firstLocal(lang, r), JSON.stringify(r.explain)).toBe(wall);
  });
  it('an ordinal with its month stays that date', () => {
    reads('en', 'The 24th of November at 2pm works.', '2025-11-24 14:00');
  });
});

describe('a short reply with a weekday and a dotted time is not taken for a quote header', () => {
  const over = (reply: string) => `${reply}\n\n> On 14 Nov 2025, at 09:40, Dana Reyes <dana@seller.io> wrote:\n>\n> Would a short call next week help?\n`;
  it.each([
    ['Fri 11.30 fine', '2025-11-21 11:30'],
    ['Thu 9.45 works', '2025-11-20 09:45'],
    ['Wed 14.15 ok for me', '2025-11-19 14:15'],
  ])('"%s" over an Apple Mail quote is %s', (reply, wall) => {
    const r = parseReply({ message: msg(over(reply), '2025-11-17T14:12:00Z'), timeZone: 'America/New_York' });
    expect(r.visibleText).toBe(reply);
    expect(firstLocal('en', r), JSON.stringify(r.explain)).toBe(wall);
  });
  it('a real dated header after a weekday is still one', () => {
    const text = 'Thursday 3pm works.\n\nThu, 13 Nov 2025 10:02\nDana Reyes <dana@seller.io> wrote:\n> Would a short call help?\n';
    const r = parseReply({ message: msg(text, '2025-11-17T14:12:00Z'), timeZone: 'America/New_York' });
    expect(r.visibleText).toBe('Thursday 3pm works.');
  });
});

describe('the prospect\'s own standing meeting named at a time is their event, never a proposal', () => {
  it.each([
    ['en', 'board meeting thursday at 10, then travelling. will get back to you'],
    ['en', 'all-hands friday 2pm and a launch right after, so not yet'],
    ['en', 'Quarterly review Wednesday at 3 and budget prep all week. Later.'],
    ['es', 'junta directiva el miércoles a las 11, te digo algo después'],
    ['fr', 'conseil d\'administration jeudi à 10h, je reviens vers vous ensuite'],
    ['de', 'Vorstandssitzung am Donnerstag um 10, danach melde ich mich'],
    ['nl', 'bestuursvergadering donderdag om 10 uur, daarna laat ik wat weten'],
    ['it', 'consiglio di amministrazione giovedì alle 10, poi ti faccio sapere'],
    ['pt', 'reunião de diretoria quinta às 10h, depois te falo'],
  ])('%s: "%s" proposes nothing', (lang, text) => {
    const r = read(lang, text);
    expect(r.kind, JSON.stringify(r.explain)).not.toBe('proposal');
  });
  it.each([
    ['en', 'Team call Thursday at 10 works for us.', '2025-11-20 10:00'],
    ['en', 'Can we have the meeting Thursday at 10?', '2025-11-20 10:00'],
    ['en', 'Could we do Thursday at 10? Our board meeting is on Friday.', '2025-11-20 10:00'],
  ])('%s: a meeting offered stays one ("%s")', reads);
});

describe('an offered slot chosen by its part of day or by its weekday alone, in every language', () => {
  const sameDay = { offered: [['2025-11-20 09:30', '2025-11-20 10:00'], ['2025-11-20 14:00', '2025-11-20 14:30']] as [string, string][] };
  const twoDays = { offered: [['2025-11-25 10:00', '2025-11-25 10:30'], ['2025-11-27 15:00', '2025-11-27 15:30']] as [string, string][] };
  const picks = (lang: string, text: string, wall: string, extra: { offered: [string, string][] }) => {
    const r = read(lang, text, extra);
    expect(r.kind, JSON.stringify(r.explain)).toBe('proposal');
    expect(firstLocal(lang, r), JSON.stringify(r.explain)).toBe(wall);
  };
  it.each([
    ['es', 'La de la tarde, por favor.', '2025-11-20 14:00'],
    ['es', 'Mejor la de por la mañana.', '2025-11-20 09:30'],
    ['pt', 'Boa tarde, prefiro o horário da manhã.', '2025-11-20 09:30'],
    ['pt', 'Fico com o da tarde.', '2025-11-20 14:00'],
    ['it', 'Preferisco quello della mattina, grazie.', '2025-11-20 09:30'],
    ['nl', 'Graag die in de ochtend.', '2025-11-20 09:30'],
  ])('%s: "%s" is %s', (lang, text, wall) => picks(lang, text, wall, sameDay));
  it.each([
    ['pt', 'Quinta fica ótimo.', '2025-11-27 15:00'],
    ['en', 'Thursday is great.', '2025-11-27 15:00'],
    ['de', 'Donnerstag passt.', '2025-11-27 15:00'],
    ['es', 'El martes me va bien.', '2025-11-25 10:00'],
    ['it', 'Martedì va benissimo', '2025-11-25 10:00'],
  ])('%s: "%s" is the offered slot on that weekday, %s', (lang, text, wall) => picks(lang, text, wall, twoDays));
  it.each([
    // The offered Thursday refused: Friday in the offer's week first (not certain; see the counter-proposal class below).
    ['en', 'Thursday doesn\'t work, Friday 10?', '2025-11-28 10:00'],
    ['en', 'Thursday 20th works', '2025-11-20 09:00'],
  ])('%s: a refused or dated day is no pick ("%s")', (lang, text, wall) => picks(lang, text, wall, twoDays));
  it('a part of day said to be busy chooses nothing', () => {
    expect(read('en', 'I can\'t do the morning', sameDay).proposals[0]?.start).not.toEqual(read('en', 'The morning one please', sameDay).proposals[0]?.start);
    expect(read('en', 'I can\'t do the morning', sameDay).kind).not.toBe('proposal');
  });
});

describe('declines by meaning: saying no, a vendor just renewed, building our own', () => {
  it.each([
    ['en', 'Going to say no on this one, thanks for the persistence.'],
    ['en', 'We just renewed with our current provider for another two years.'],
    ['fr', 'On va dire non pour cette fois, merci.'],
    ['es', 'Acabamos de renovar el contrato con nuestro proveedor actual.'],
    ['de', 'Wir haben gerade den Vertrag mit unserem Anbieter verlängert.'],
    ['nl', 'We hebben ons contract net verlengd voor twee jaar.'],
    ['pt', 'Agradeço o contato, mas decidimos desenvolver uma solução própria.'],
    ['it', 'Abbiamo deciso di sviluppare una soluzione nostra.'],
    ['es', 'Gracias, pero vamos a hacer una herramienta propia.'],
  ])('%s: "%s" is a decline', (lang, text) => {
    const r = read(lang, text);
    expect(r.kind, JSON.stringify(r.explain)).toBe('decline');
  });
  it.each([
    ['es', 'Mándame precios por correo, de momento no necesito llamada.'],
    ['en', 'No need for a call yet, just send the price list.'],
    ['en', 'FYI our renewal with the current vendor is in March, send me the timeline.'],
  ])('%s: "%s" is no decline', (lang, text) => {
    expect(read(lang, text).kind).not.toBe('decline');
  });
  it('a time named beside "can\'t say no" is still offered', () => {
    reads('en', 'I can\'t say no to a demo, Thursday 3pm?', '2025-11-20 15:00');
  });
});

describe('vague ranges: half a month, the French rentrée, summer holidays, a time named before a clause of its own', () => {
  it.each([
    ['en', 'kindly connect in the second half of the month'],
    ['en', 'first half of January would be best'],
    ['es', 'mejor en la segunda quincena de enero'],
    ['fr', 'plutôt la deuxième quinzaine de janvier'],
    ['de', 'lieber in der zweiten Monatshälfte'],
    ['nl', 'liever in de tweede helft van de maand'],
    ['it', 'meglio nella seconda metà del mese'],
    ['pt', 'pode ser na primeira quinzena de dezembro'],
    ['fr', 'on se rappelle a la rentree'],
    ['fr', 'Idéalement dans le courant du mois de février.'],
    ['nl', 'na de zomervakantie graag weer contact'],
    ['de', 'nach den Sommerferien gerne wieder'],
    ['en', 'Check back in a couple weeks once the audit is out of the way.'],
    ['en', 'Try me in two weeks, when the rollout is done and dusted.'],
  ])('%s: "%s" is a vague range', (lang, text) => {
    const r = read(lang, text);
    expect(r.kind, JSON.stringify(r.explain)).toBe('vague');
  });
  it('the second half of this month starts on the 16th', () => {
    const r = read('en', 'second half of the month works better');
    expect(r.range?.start.toISOString()).toBe('2025-11-17T14:12:00.000Z');
    expect(r.range?.end.toISOString()).toBe('2025-12-01T05:00:00.000Z');
  });
  it.each([
    ['en', 'Tuesday won\'t work, and Friday neither'],
    ['en', 'Next week is out for me, sorry.'],
  ])('%s: a refused time stays refused ("%s")', (lang, text) => {
    expect(read(lang, text).kind).not.toBe('proposal');
  });
});

describe('the day the rep is asked to write ("ping me Monday") is no time to meet', () => {
  it.each([
    ['en', 'Let\'s talk next week. Nudge me on Tuesday and we\'ll find a slot.'],
    ['fr', 'On se parle la semaine prochaine, relancez-moi lundi et on trouve un créneau libre.'],
    ['es', 'Hablamos la semana que viene, escríbeme el lunes y buscamos un hueco libre.'],
    ['de', 'Nächste Woche gern, schreiben Sie mir am Montag und wir finden einen freien Termin.'],
    ['nl', 'Volgende week, stuur me maandag een mail en we zoeken een tijd die past.'],
    ['it', 'Sentiamoci la settimana prossima, scrivimi lunedì e troviamo un momento libero.'],
  ])('%s: "%s" is a vague range', (lang, text) => {
    const r = read(lang, text);
    expect(r.kind, JSON.stringify(r.explain)).toBe('vague');
  });
  it('a day to call is still a time offered', () => {
    reads('en', 'Call me Monday at 10.', '2025-11-24 10:00');
  });
  it.each([
    ['en', 'Ping me in a couple of weeks and we\'ll find a time.'],
    ['es', 'Escríbeme la semana que viene y buscamos hueco.'],
  ])('%s: a range to write in is still a range to talk in ("%s")', (lang, text) => {
    expect(read(lang, text).kind).toBe('vague');
  });
});

describe('a weekday, an ordinal day and a short month ("Monday 24th Nov, 4pm") keep their date', () => {
  it.each([
    ['en', 'Monday 24th Nov, 4pm suits.', '2025-11-24 16:00'],
    ['en', 'Wednesday 26th Nov at 11 works for me', '2025-11-26 11:00'],
    ['en', 'Friday 21st of November, 3pm works', '2025-11-21 15:00'],
    ['en', 'Tuesday 25th Nov. 10am?', '2025-11-25 10:00'],
    ['en', 'Monday the 24th November at 10:00?', '2025-11-24 10:00'],
    ['fr', 'Lundi le 24 novembre à 10 h ?', '2025-11-24 10:00'],
  ])('%s: "%s" is %s', reads);
  it('with a city\'s time after it', () => {
    reads('en', 'Monday 24th Nov, 4pm Sydney time suits.', '2025-11-24 00:00');
  });
  it.each([
    ['en', 'Monday 24th, 4pm works', '2025-11-24 16:00'],
  ])('%s: a weekday and a day number alone stay a date ("%s")', reads);
});

describe('a counter-proposal\'s weekday after the offered day is refused: the offer\'s week first, not certain', () => {
  const offer = { offered: [['2025-11-26 11:00', '2025-11-26 11:30']] as [string, string][] };
  it.each([
    ['it', 'mercoledì sono in fiera tutto il giorno. Possiamo fare venerdì alle 9:30?', '2025-11-28 09:30', '2025-11-21 09:30'],
    ['en', 'Wednesday is out, I\'m at a trade show. Friday at 10?', '2025-11-28 10:00', '2025-11-21 10:00'],
    ['es', 'El miércoles no puedo, ¿el viernes a las 10?', '2025-11-28 10:00', '2025-11-21 10:00'],
    ['fr', 'Mercredi je suis pris, vendredi 10h ?', '2025-11-28 10:00', '2025-11-21 10:00'],
    ['de', 'Mittwoch geht leider nicht, Freitag um 10?', '2025-11-28 10:00', '2025-11-21 10:00'],
  ])('%s: "%s" is %s, or %s', (lang, text, wall, other) => {
    const r = read(lang, text, offer);
    expect(r.kind, JSON.stringify(r.explain)).toBe('proposal');
    expect(firstLocal(lang, r), JSON.stringify(r.explain)).toBe(wall);
    expect(r.certain).toBe(false);
    expect(r.alternatives.map((a) => firstLocal(lang, { ...r, proposals: [a] }))).toContain(other);
  });
  it.each([
    ['en', 'Friday at 10?', '2025-11-21 10:00'],
    ['en', 'Wednesday doesn\'t work. Friday the 21st at 2?', '2025-11-21 14:00'],
  ])('%s: no refusal, or a date written, stays as read ("%s")', (lang, text, wall) => {
    const r = read(lang, text, offer);
    expect(firstLocal(lang, r), JSON.stringify(r.explain)).toBe(wall);
  });
});

describe('Flemish parts of day joined to the day: "dinsdagnamiddag", "woensdagvoormiddag", "in de namiddag"', () => {
  it.each([
    ['nl', 'Dinsdagnamiddag vanaf 13u30 heb ik tijd.', '2025-11-18 13:30'],
    ['nl', 'woensdagvoormiddag om 10u past me', '2025-11-19 10:00'],
    ['nl', 'Donderdagnamiddag om 15u?', '2025-11-20 15:00'],
  ])('%s: "%s" is %s', reads);
  it('a day and its Flemish afternoon alone is that afternoon', () => {
    const r = read('nl', 'Vrijdagnamiddag kan ik, zeg maar wanneer.');
    expect(firstLocal('nl', r), JSON.stringify(r.explain)).toBe('2025-11-21 13:00');
  });
});
