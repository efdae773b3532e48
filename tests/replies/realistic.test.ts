import { describe, expect, it } from 'vitest';
import { parseReply } from '../../src/domain/reply/index.js';
import { msg } from './helpers.js';
import { firstLocal, read } from './lang-helpers.js';

/**
 * Realistic replies in the seven languages, written after the rules (not tuned on before): the kind, and the first
 * proposed start as wall time in the prospect's zone (null: no proposal). Read on Monday 17 November 2025, 09:12.
 */
const CASES: [lang: string, text: string, kind: string, first: string | null][] = [
  ['en', "Let's do Thursday the 20th at 4:30pm ET.", 'proposal', '2025-11-20 16:30'],
  ['en', 'How about 11am PST on Wednesday?', 'proposal', '2025-11-19 14:00'],
  ['en', 'Can we push to next Monday at 10?', 'proposal', '2025-11-24 10:00'],
  ['en', 'Friday works — any time after 2pm.', 'proposal', '2025-11-21 14:00'],
  ['en', "I'm free Wednesday from 1 to 3.", 'proposal', '2025-11-19 13:00'],
  ['en', 'Would 9am tomorrow work? If not, Thursday afternoon.', 'proposal', '2025-11-18 09:00'],
  ["en", "Can't make tomorrow, sorry. Thursday 10am?", 'proposal', '2025-11-20 10:00'],
  ['en', 'We spoke last week about pricing; could you do a follow-up call on the 24th at 3pm?', 'proposal', '2025-11-24 15:00'],
  ['en', 'Happy to chat. 2:30 on Wednesday?', 'proposal', '2025-11-19 14:30'],
  ['en', 'Noon tomorrow is good.', 'proposal', '2025-11-18 12:00'],
  ['en', 'The 2nd at 10am works.', 'proposal', '2025-12-02 10:00'],
  ['en', 'Sure, send me an invite for Dec 3 at 11.', 'proposal', '2025-12-03 11:00'],
  ['en', 'Any chance we could meet at 4 today?', 'proposal', '2025-11-17 16:00'],
  ['en', "I'm out Thursday and Friday. Monday at 9?", 'proposal', '2025-11-24 09:00'],
  ['en', 'We had a call on Tuesday with your colleague, no need for another.', 'other', null],
  ['en', 'Our budget review is on December 3rd, I will know more after that.', 'other', null],
  ['en', 'Sounds good. I will be at the trade show all week though, so maybe the week after?', 'vague', null],
  ['en', "Thanks Dana, I'll get back to you after I talk to my boss.", 'other', null],
  ['en', 'Sorry for the delay, I was out sick on Monday and Tuesday.', 'other', null],
  ['es', '¿Qué tal el jueves 20 a las 12:30?', 'proposal', '2025-11-20 12:30'],
  ['es', 'Mejor el lunes que viene por la mañana.', 'proposal', '2025-11-24 09:00'],
  ['es', 'Cualquier día de la semana que viene por la tarde.', 'vague', null],
  ['es', 'Hoy a las 17h me viene bien.', 'proposal', '2025-11-17 17:00'],
  ['es', 'El viernes no estoy. ¿Te va el lunes 24 a las 10:00?', 'proposal', '2025-11-24 10:00'],
  ['es', 'Gracias, lo reviso con el equipo y te digo.', 'other', null],
  ['es', 'No nos interesa por ahora, gracias.', 'decline', null],
  ['pt', 'Pode ser quinta, dia 20, às 10h?', 'proposal', '2025-11-20 10:00'],
  ['pt', 'Na próxima segunda de manhã.', 'proposal', '2025-11-24 09:00'],
  ['pt', 'Hoje às 16h30 consigo.', 'proposal', '2025-11-17 16:30'],
  ['pt', 'Obrigado! Vou conversar com o time e retorno.', 'other', null],
  ['fr', 'Jeudi 20 novembre à 10h30, cela vous convient ?', 'proposal', '2025-11-20 10:30'],
  ['fr', 'Lundi prochain en fin de matinée ?', 'proposal', '2025-11-24 09:00'],
  ['fr', "Je reviens vers vous d'ici la fin de la semaine.", 'other', null],
  ['fr', 'Mercredi à 14 heures, parfait.', 'proposal', '2025-11-19 14:00'],
  ['de', 'Wie wäre es mit Donnerstag, 20.11., 10:30 Uhr?', 'proposal', '2025-11-20 10:30'],
  ['de', 'Nächsten Montag vormittags?', 'proposal', '2025-11-24 09:00'],
  ['de', 'Heute um 16 Uhr ginge noch.', 'proposal', '2025-11-17 16:00'],
  ['de', 'Danke, ich melde mich nach Rücksprache mit dem Team.', 'other', null],
  ['de', 'Mittwoch, 19. November um 15:00 Uhr passt.', 'proposal', '2025-11-19 15:00'],
  ['nl', 'Donderdag 20 november om 10.30 uur?', 'proposal', '2025-11-20 10:30'],
  ['nl', 'Volgende week maandagochtend?', 'proposal', '2025-11-24 09:00'],
  ['nl', 'Bedankt, ik kom er na overleg op terug.', 'other', null],
  ['it', 'Giovedì 20 novembre alle 10:30?', 'proposal', '2025-11-20 10:30'],
  ['it', 'Lunedì prossimo in mattinata?', 'proposal', '2025-11-24 09:00'],
  ['it', 'Grazie, ne parlo con il team e le faccio sapere.', 'other', null],
  ['it', 'Oggi alle 16 riesco.', 'proposal', '2025-11-17 16:00'],
];

describe('realistic replies in seven languages', () => {
  it.each(CASES)('%s: "%s" → %s %s', (lang, text, kind, first) => {
    const r = read(lang, text);
    expect(r.kind).toBe(kind);
    expect(firstLocal(lang, r)).toBe(first);
  });
});

/** A signature's office hours and phone numbers are never proposals, whatever the language and the sign-off. */
describe('signatures with office hours', () => {
  it.each([
    ['nl', 'Bedankt, ik bekijk het.\n\nGroet,\nSanne\n\nSanne Bakker\nBakker Installatietechniek B.V.\n+31 20 555 4812 · bereikbaar ma–do 8.30–17.00'],
    ['it', 'Grazie, ci penso.\n\nA presto,\nGiulia\n\nGiulia Conti\nResponsabile Acquisti · Conti Ceramiche S.r.l.\nTel. +39 0536 555 214 · lun–ven 9–13 / 14–18'],
    ['de', 'Danke, ich schaue es mir an.\n\nBeste Grüße\nSabine Krüger\n\nSabine Krüger\nLeiterin Vertrieb Innendienst\nTel. +49 40 555 318-22\nErreichbar Mo–Do 8–16 Uhr, Fr 8–13 Uhr'],
    ['pt', 'Obrigado, vou analisar.\n\nCumprimentos,\nRicardo\n\nRicardo Antunes\nDiretor Financeiro\nTel. +351 21 555 0187'],
    ['en', 'Thanks, will review with the team.\n\nRachel\n\nRachel Whitmore\nProcurement Lead, Fenbridge Logistics\n+44 20 7946 0321 | Mon–Fri 9–5'],
    ['es', 'Gracias, lo miro.\n\nUn abrazo,\nJavier\n\nJavier Ortega\nResponsable de Compras\nTel. +34 915 552 348 · L–V 9:00–14:00 y 16:00–19:00'],
  ])('%s', (lang, text) => {
    const r = read(lang, text);
    expect(r.kind).toBe('other');
    expect(r.proposals).toEqual([]);
  });
});

/** A second round, written after the first was passing: a day narrowed by a time, ranges, '@', absences that end with "after that". */
const MORE: [lang: string, text: string, kind: string, first: string | null][] = [
  ['en', 'Does Thursday, November 20th at 1:00 PM EST work?', 'proposal', '2025-11-20 13:00'],
  ['en', "Let's say Wed at 11:30.", 'proposal', '2025-11-19 11:30'],
  ['en', 'I could do a call on the 19th, say 2pm?', 'proposal', '2025-11-19 14:00'],
  ['en', "How's 3:30 tomorrow afternoon?", 'proposal', '2025-11-18 15:30'],
  ['en', 'Can you do 8am PT Friday?', 'proposal', '2025-11-21 11:00'],
  ['en', 'Please book 30 min on Thursday at 2:15pm.', 'proposal', '2025-11-20 14:15'],
  ['en', 'Thu 11/20 @ 2pm', 'proposal', '2025-11-20 14:00'],
  ['en', 'Happy to. Tuesday 9:00–9:30?', 'proposal', '2025-11-18 09:00'],
  ['en', 'Wednesday works. Morning or afternoon, your call.', 'proposal', '2025-11-19 09:00'],
  ['es', '¿Te viene bien el martes 18 a las 11:30?', 'proposal', '2025-11-18 11:30'],
  ['es', 'Perfecto, el jueves a las 9 de la mañana.', 'proposal', '2025-11-20 09:00'],
  ['es', 'Podría ser el miércoles sobre las 5 de la tarde.', 'proposal', '2025-11-19 17:00'],
  ['es', 'Mañana por la mañana a primera hora.', 'proposal', '2025-11-18 09:00'],
  ['es', 'El 25 de noviembre a las 10h.', 'proposal', '2025-11-25 10:00'],
  ['pt', 'Sexta-feira, 21/11, às 9h30 funciona?', 'proposal', '2025-11-21 09:30'],
  ['pt', 'Pode ser amanhã por volta das 15h?', 'proposal', '2025-11-18 15:00'],
  ['pt', 'Na quarta à tarde, depois das 14h.', 'proposal', '2025-11-19 14:00'],
  ['fr', "Mercredi 19 à 11h, c'est parfait.", 'proposal', '2025-11-19 11:00'],
  ['fr', 'Disponible jeudi entre 14h et 16h.', 'proposal', '2025-11-20 14:00'],
  ['fr', 'Pourrions-nous décaler à vendredi 10h ?', 'proposal', '2025-11-21 10:00'],
  ['de', 'Passt Ihnen Mittwoch, der 19.11., um 11 Uhr?', 'proposal', '2025-11-19 11:00'],
  ['de', 'Morgen Nachmittag zwischen 14 und 16 Uhr.', 'proposal', '2025-11-18 14:00'],
  ['de', 'Am Freitag ab 10 Uhr bin ich flexibel.', 'proposal', '2025-11-21 10:00'],
  ['nl', 'Woensdag 19 november om 11.00 uur schikt mij.', 'proposal', '2025-11-19 11:00'],
  ['nl', 'Morgenmiddag tussen 14 en 16 uur?', 'proposal', '2025-11-18 14:00'],
  ['nl', 'Vrijdag vanaf 10 uur kan ik.', 'proposal', '2025-11-21 10:00'],
  ['it', 'Mercoledì 19 alle 11:30 per me va bene.', 'proposal', '2025-11-19 11:30'],
  ['it', 'Domani pomeriggio verso le 15?', 'proposal', '2025-11-18 15:00'],
  ['it', 'Venerdì dalle 10 in poi sono libero.', 'proposal', '2025-11-21 10:00'],
  ['en', 'We closed the quarter on Friday; happy to pick this up in January.', 'vague', null],
  ['de', 'Ich bin vom 24. bis 28. November im Urlaub, danach gerne.', 'vague', null],
  ['fr', "Je suis en congés jusqu'au 28 novembre, on en reparle après ?", 'vague', null],
];

describe('realistic replies in seven languages, second round', () => {
  it.each(MORE)('%s: "%s" → %s %s', (lang, text, kind, first) => {
    const r = read(lang, text);
    expect(r.kind).toBe(kind);
    expect(firstLocal(lang, r)).toBe(first);
  });
});

describe('acceptance against the offer quoted below the reply (no offered slots stored)', () => {
  const quote = '\n\nOn Fri, Nov 14, 2025 at 1:49 PM Dana Rep <dana@seller.io> wrote:\n> Hi,\n> Here are three options (ET):\n> - Tue Nov 18, 11:00am\n> - Wed Nov 19, 2:00pm\n> - Thu Nov 20, 10:00am\n> Dana';
  it.each([
    ['Wednesday works best.', '2025-11-19T19:00:00.000Z'], ['2pm works.', '2025-11-19T19:00:00.000Z'], ['The Thursday one, please.', '2025-11-20T15:00:00.000Z'],
    ['Option B', '2025-11-19T19:00:00.000Z'], ["Let's do the 10am slot.", '2025-11-20T15:00:00.000Z'], ['La del jueves, por favor.', '2025-11-20T15:00:00.000Z'],
    ['Celui de mercredi me va.', '2025-11-19T19:00:00.000Z'], ['Donnerstag passt.', '2025-11-20T15:00:00.000Z'], ['Quello di martedì va bene.', '2025-11-18T16:00:00.000Z'],
    ['Woensdag is prima.', '2025-11-19T19:00:00.000Z'], ['Quinta funciona.', '2025-11-20T15:00:00.000Z'], ['Tuesday at 11 works.', '2025-11-18T16:00:00.000Z'],
  ])('"%s" → %s', (text, start) => {
    const r = parseReply({ message: msg(text + quote, '2025-11-17T14:12:00Z'), timeZone: 'America/New_York' });
    expect(r.proposals[0]?.start.toISOString()).toBe(start);
    expect(r.certain).toBe(true);
  });
});

describe('a day named as a fact offers nothing', () => {
  it.each([
    ['en', "I'll be in London on Tuesday for a client visit."], ['en', "We're closed on Thursday for Thanksgiving."],
    ['en', 'Our office is closed Dec 24 to Jan 2.'], ['en', 'We are doing inventory on Friday.'],
    ['es', 'El martes estaré en Londres visitando a un cliente.'], ['fr', 'Je serai à Lyon jeudi pour un salon.'],
    ['de', 'Am Donnerstag sind wir wegen eines Feiertags geschlossen.'], ['it', 'Giovedì saremo chiusi per la fiera.'],
    ['pt', 'Na quinta estaremos fechados por causa do feriado.'], ['nl', 'Donderdag zijn we gesloten.'],
  ])('%s: "%s"', (lang, text) => {
    expect(read(lang, text).proposals).toEqual([]);
  });
});

describe('out-of-office replies with a relative return', () => {
  it.each([
    ["I'm out of the office, back next Monday."], ['Estoy fuera de la oficina, vuelvo el próximo lunes.'],
    ['Je suis absent, de retour lundi prochain.'], ['Ich bin nicht im Büro und ab nächsten Montag wieder da.'],
  ])('"%s" → Monday 24 November', (text) => {
    const r = parseReply({ message: msg(text, '2025-11-17T08:12:00Z', { subject: 'Automatic reply: Demo', headers: { 'auto-submitted': 'auto-replied' } }), timeZone: 'Europe/Berlin' });
    expect(r.kind).toBe('ooo');
    expect(r.returnDate).toBe('2025-11-24');
  });
});
