import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { parseReply } from '../../src/domain/reply/index.js';
import { msg } from './helpers.js';
import { read, firstLocal } from './lang-helpers.js';

/**
 * Classes of issue 11, round 4 (the misses of the round-3 held-out split, now tune-r3), each read on Monday
 * 17 November 2025 at 09:12 in the prospect's zone (lang-helpers.ts). The phrasings are written for these tests,
 * apart from the fixture sets. Each class has its counter-examples: the same words around a real proposal.
 */

const noProposal = (lang: string, text: string) => {
  const r = read(lang, text);
  expect(r.proposals, JSON.stringify(r.explain)).toEqual([]);
  expect(r.kind).not.toBe('proposal');
};

describe('hard negatives: a meeting that already happened, told with a weekday or a date', () => {
  it.each([
    ['en', 'Lovely meeting you at the expo on Thursday at 4 - could you send over the case study?'],
    ['en', 'Good talking to you Wednesday at 11. Can you share the pricing sheet?'],
    ['en', 'I phoned your office Friday at 2 and nobody picked up. Just email me the contract please.'],
    ['en', 'We emailed you Tuesday at 10 about the renewal, did it arrive?'],
    ['es', 'Nos vimos en la feria el jueves 13 por la tarde, sobre las 6. ¿Me pasas el catálogo?'],
    ['pt', 'Nos conhecemos no evento na quinta às 15h. Pode me mandar a apresentação?'],
    ['fr', "Nous nous sommes rencontrés au salon jeudi à 15h. Pouvez-vous m'envoyer la brochure ?"],
    ['it', 'Ci siamo conosciuti alla fiera giovedì alle 15. Mi mandi la presentazione?'],
  ])('%s: "%s" → no proposal', noProposal);
});

describe('hard negatives: a date without a year that fell in the last two months is past, not next year', () => {
  it.each([
    ['en', 'About the workshop on Nov 4 at 2pm, is the recording online? I could not join.'],
    ['en', 'The invoice dated October 20 at 9am still shows the old address.'],
    ['de', 'Zur Schulung am 10. November um 14 Uhr: gibt es die Folien irgendwo?'],
    ['fr', "Pour le webinaire du 12 novembre à 11h, y a-t-il un replay ?"],
  ])('%s: "%s" → no proposal', noProposal);

  it('a date with its year written is read as written (here: still a past date, so no proposal either)', () => {
    expect(read('en', 'The kickoff on Nov 4, 2025 at 2pm went well.').proposals).toEqual([]);
  });

  it('a date early next year written in late autumn is still a proposal', () => {
    const r = read('en', 'Could we do January 8 at 10am?');
    expect(firstLocal('en', r)).toBe('2026-01-08 10:00');
  });
});

describe('hard negatives: a date after "before" is a deadline, in every language', () => {
  it.each([
    ['en', 'I need your final numbers before Friday the 21st at noon, when the board pack closes.'],
    ['es', 'Necesito la oferta firmada antes del jueves 20 a las 13:00 para presentarla.'],
    ['pt', 'Preciso da proposta antes do dia 25 às 17h para levar à diretoria.'],
    ['fr', 'Il me faut le contrat signé avant le 28 novembre à 12h.'],
    ['de', 'Wir brauchen das Angebot vor dem 26. November um 12 Uhr für die Vergabe.'],
    ['it', "Mi serve l'offerta prima del 27 novembre alle 12 per il comitato."],
  ])('%s: "%s" → no proposal', noProposal);

  it('"before 3pm" with a day named is still a window on that day, not a deadline', () => {
    const r = read('en', 'Tuesday before 3pm works for me.');
    expect(r.kind).toBe('proposal');
    expect(firstLocal('en', r)?.slice(0, 10)).toBe('2025-11-18');
  });
});

describe("hard negatives: the prospect's own meeting with 'we' and no article", () => {
  it.each([
    ['en', 'We have board Thursday at 10 and I will raise it there.'],
    ['es', 'Tenemos junta el miércoles a las 9 y ahí lo planteo. Te digo algo.'],
    ['pt', 'Temos diretoria na quinta às 10 e levo o assunto lá.'],
    ['fr', 'Nous avons le comité jeudi à 10h, je vous redis après.'],
    ['de', 'Wir haben Vorstand am Donnerstag um 10 Uhr, danach melde ich mich.'],
    ['nl', 'Wij zitten donderdag om 10 uur met het MT, daarna hoor je van me.'],
    ['it', 'Abbiamo il cda giovedì alle 10, poi ti faccio sapere.'],
  ])('%s: "%s" → no proposal', noProposal);

  it('"we have time" is still a proposal', () => {
    const r = read('es', 'Tenemos hueco el miércoles a las 10, ¿te va bien?');
    expect(r.kind).toBe('proposal');
    expect(firstLocal('es', r)).toBe('2025-11-19 10:00');
  });
});

describe("hard negatives: office and phone hours in a name card", () => {
  it.each([
    ['en', 'Thanks, forwarding this to our CFO.\n\nMark Ellis\nOperations\nOffice hours: Mon–Fri 9–5\nTel. +1 212 555 0100'],
    ['de', 'Danke, ich gebe das weiter.\n\nAnna Kraus\nSprechzeiten: Di–Do 9–13 Uhr\nTel. 089 123 456'],
    ['es', 'Gracias, lo reviso.\n\nMarta Gil\nHorario de atención: L-V 9 a 18h\nTel. 91 555 12 12'],
    ['fr', "Merci, je transmets.\n\nLuc Martin\nHoraires d'ouverture : lun.-ven. 9h-18h"],
    ['nl', 'Dank, ik stuur het door.\n\nPiet de Boer\nOpeningstijden: ma t/m vr 9-17 uur'],
    ['it', 'Grazie, inoltro.\n\nLuca Bianchi\nOrari d\'ufficio: lun-ven 9-18'],
  ])('%s: "%s" → no proposal', noProposal);
});

describe('opt-outs: "take me off your list" with the accented Spanish imperative', () => {
  it.each([
    ['es', 'Por favor sáquenme de su lista de envíos.'],
    ['es', 'Sácame de tu lista, gracias.'],
    ['es', 'Bórrenme de su base de datos, por favor.'],
  ])('%s: "%s" → optout', (lang, text) => {
    expect(read(lang, text).kind).toBe('optout');
  });

  it('"antes de nada" (first of all) is no decline', () => {
    const r = read('es', 'Antes de nada, gracias. ¿Podemos el jueves a las 11?');
    expect(r.kind).toBe('proposal');
    expect(firstLocal('es', r)).toBe('2025-11-20 11:00');
  });
});

describe('zones named after the time in the other languages, with a city in brackets or after "hora de"', () => {
  it.each([
    ['pt', 'Proponho quarta às 15h no horário de Brasília.', 'America/Sao_Paulo', '2025-11-19 15:00'],
    ['it', 'Mercoledì alle 10 ora della California va bene.', 'America/Los_Angeles', '2025-11-19 10:00'],
    ['nl', 'Woensdag om 10 uur jullie tijd (New York) kan ik.', 'America/New_York', '2025-11-19 10:00'],
    ['es', 'Te propongo el miércoles a las 10 en hora de Ciudad de México.', 'America/Mexico_City', '2025-11-19 10:00'],
  ])('%s: "%s" → %s %s', (lang, text, zone, wall) => {
    const r = read(lang, text);
    expect(r.kind).toBe('proposal');
    const start = r.proposals[0]!.start;
    expect(DateTime.fromJSDate(start, { zone }).toFormat('yyyy-MM-dd HH:mm')).toBe(wall);
  });
});

describe('counter-proposals: the offered time is too early or too late for the prospect', () => {
  it.each([
    ['en', 'Thursday 8am is a little early for me, how about Thursday 11am?', '2025-11-20 11:00'],
    ['es', 'El jueves a las 8 es muy temprano para mí, ¿mejor el jueves a las 12?', '2025-11-20 12:00'],
    ['fr', "Jeudi 8h c'est un peu tôt, plutôt jeudi à 11h ?", '2025-11-20 11:00'],
    ['de', 'Donnerstag 8 Uhr ist mir etwas zu früh, lieber Donnerstag um 11 Uhr?', '2025-11-20 11:00'],
    ['nl', 'Donderdag 8 uur is wat vroeg, liever donderdag om 11 uur?', '2025-11-20 11:00'],
    ['it', "Giovedì alle 8 è un po' presto, meglio giovedì alle 11?", '2025-11-20 11:00'],
  ])('%s: "%s" → %s', (lang, text, wall) => {
    const r = read(lang, text);
    expect(r.kind).toBe('proposal');
    expect(firstLocal(lang, r)).toBe(wall);
  });
});

describe('English: a day and its hour apart in the sentence, British "half two", phone spellings of tomorrow', () => {
  it.each([
    ['Wednesday instead, 10ish?', '2025-11-19 10:00'],
    ['How about Friday then, around 2?', '2025-11-21 14:00'],
    ['First thing Tuesday, say 8:45?', '2025-11-18 08:45'],
    ['Thursday at half three works.', '2025-11-20 15:30'],
    ['4ish tmrw?', '2025-11-18 16:00'],
  ])('"%s" → %s', (text, wall) => {
    const r = read('en', text);
    expect(r.kind).toBe('proposal');
    expect(firstLocal('en', r)).toBe(wall);
  });

  it('"half an hour" and "half past" keep their meaning', () => {
    expect(firstLocal('en', read('en', 'Thursday at half past two, for half an hour?'))).toBe('2025-11-20 14:30');
  });
});

describe('declines and out-of-office replies in other words', () => {
  it.each([
    ["It's a no from us for now, thanks anyway.", 'decline'],
    ['Honestly the answer is a firm no.', 'decline'],
  ])('"%s" → %s', (text, kind) => {
    expect(read('en', text).kind).toBe(kind);
  });

  it.each([
    ['en', "I'm on parental leave, back on 5 January. I'll reply when I'm back.", '2026-01-05'],
    ['fr', 'Je suis en congé. Je serai de retour le 24 novembre.', '2025-11-24'],
    ['de', 'Ich bin im Urlaub und ab 24.11. wieder da.', '2025-11-24'],
    ['pt', 'Estou de férias. Regresso ao escritório a 24 de novembro.', '2025-11-24'],
    ['nl', 'Ik ben met verlof. Maandag 24 november ben ik weer op kantoor.', '2025-11-24'],
    ['nl', 'Ik ben tot en met 21 november afwezig. Maandag 24 november ben ik weer aanwezig.', '2025-11-24'],
  ])('%s: "%s" → ooo, back %s', (lang, text, back) => {
    const r = read(lang, text);
    expect(r.kind).toBe('ooo');
    expect(r.returnDate).toBe(back);
  });

  it("a person on holiday who offers a time is not an auto-reply", () => {
    const r = read('en', "I'm on holiday next week, can we do Thursday at 3?");
    expect(r.kind).toBe('proposal');
  });
});

describe('a range of hours with its part of day after both ends', () => {
  it.each([
    ['es', 'El miércoles entre las 4 y las 6 de la tarde estoy libre.', '2025-11-19 16:00'],
    ['pt', 'Na quarta entre as 4 e as 6 da tarde estou livre.', '2025-11-19 16:00'],
    ['it', 'Mercoledì tra le 4 e le 6 del pomeriggio sono libero.', '2025-11-19 16:00'],
  ])('%s: "%s" → starts %s', (lang, text, wall) => {
    const r = read(lang, text);
    expect(r.kind).toBe('proposal');
    expect(firstLocal(lang, r)).toBe(wall);
  });
});

describe('vague ranges: "around October", "early next year", and German "was" that is no English past', () => {
  it.each([
    ['pt', 'Agora não dá; falamos lá para fevereiro.', '2026-02'],
    ['de', 'Lass uns Anfang nächsten Jahres nochmal sprechen.', '2026-01'],
    ['de', 'Diese Woche wird nichts mehr, lass uns nächste Woche was ausmachen.', '2025-11'],
  ])('%s: "%s" → vague from %s', (lang, text, month) => {
    const r = read(lang, text);
    expect(r.kind).toBe('vague');
    expect(DateTime.fromJSDate(r.range!.start, { zone: 'UTC' }).toFormat('yyyy-MM')).toBe(month);
  });
});

describe("the prospect's own work filling a time ('next two weeks are board prep')", () => {
  it('the busy range is no proposal; the time offered after it is', () => {
    const r = read('en', 'Next two weeks are audit prep. In three weeks, Tuesday at 10?');
    expect(r.kind).toBe('proposal');
    expect(firstLocal('en', r)).toBe('2025-12-09 10:00');
  });
  it.each([
    ['en', 'Friday is month-end close, so nothing from me until Monday.'],
  ])('%s: "%s" → no proposal', noProposal);
});

describe('acceptance over a quoted list whose zone the rep named once for the list', () => {
  const quote = (lines: string) => `\n\nOn Fri, Nov 14, 2025 at 3:00 PM Dana Rep <dana@seller.io> wrote:\n> ${lines.split('\n').join('\n> ')}\n`;
  it.each([
    ['Option 2 please.', 'A few times (all Eastern time):\n1) Tue Nov 18, 10:00am\n2) Wed Nov 19, 1:00pm\n3) Thu Nov 20, 3:00pm', '2025-11-19T18:00:00.000Z'],
    ['the 1pm works', 'Would one of these suit (ET)?\n- Wed 11/19 11:00am\n- Wed 11/19 1:00pm', '2025-11-19T18:00:00.000Z'],
  ])('"%s" → %s', (reply, list, iso) => {
    // The prospect is in Chicago; the list is in New York time.
    const r = parseReplyAt(`${reply}${quote(list)}`, 'America/Chicago');
    expect(r.kind).toBe('proposal');
    expect(r.proposals[0]!.start.toISOString()).toBe(iso);
  });
});

function parseReplyAt(text: string, zone: string) {
  return parseReply({ message: msg(text, '2025-11-17T15:12:00Z'), timeZone: zone });
}
