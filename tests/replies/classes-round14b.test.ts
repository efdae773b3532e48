import { describe, expect, it } from 'vitest';
import { parseReply } from '../../src/domain/reply/index.js';
import { msg } from './helpers.js';
import { read, reads, noProposal, kindIs } from './lang-helpers.js';

/**
 * Classes of issue 11, round 14 (part b): the kind and return-date misses of tune-r11, fixed as the family of phrasings
 * each belongs to — the hard negative first (anyone fetching or dropping off a thing at a day and time), then the vague
 * answers, a decline and the away notices' return dates. The phrasings are written for these tests, not taken from the
 * fixtures. Every prospect writes on Monday 17 November 2025 at 09:12 local time. Rows under "stays" already read right
 * before the round and guard the fix from over-reaching.
 */

describe('anyone fetching or dropping off a thing at a day and time is no proposal', () => {
  it.each([
    ['en', 'I\'ll drop off the signed forms at reception Friday at 10.'],
    ['es', 'Mi compañera recoge el portátil de demostración en vuestra oficina el jueves a las 9.'],
    ['pt', 'A minha colega vai buscar o portátil de demonstração ao vosso escritório na quinta às 9h.'],
    ['fr', 'Mon collègue dépose le matériel de démonstration chez vous jeudi à 9h.'],
    ['de', 'Meine Kollegin holt den Vorführlaptop am Donnerstag um 9 Uhr bei Ihnen ab.'],
    ['de', 'Mein Kollege bringt die Unterlagen am Donnerstag um 9 Uhr vorbei.'],
    ['nl', 'Een collega pikt donderdag om 9 uur het testtoestel bij jullie op.'],
    ['nl', 'Mijn collega brengt donderdag om 9 uur de tekeningen langs.'],
    ['it', 'Un mio collega passa a ritirare il portatile demo da voi giovedì alle 9.'],
  ])('%s: "%s"', noProposal);
  it.each([
    ['en', 'My colleague will pick up the laptop Thursday at 9, can we talk Friday at 2?', '2025-11-21 14:00'],
    ['en', 'Happy to pick up the conversation Thursday at 9.', '2025-11-20 09:00'],
    ['de', 'Ich hole Sie am Donnerstag um 9 Uhr am Bahnhof ab, können wir dann gleich sprechen?', '2025-11-20 09:00'],
  ])('a time asked for beside it is the proposal: %s "%s"', reads);
  it('already no proposal, stays', () => noProposal('en', 'My assistant will pick up the demo kit from your office Thursday at 9, no need for a call.'));
});

describe('an away notice: the day of return after "and", and a rewrite that lost it', () => {
  const ooo = (text: string, zone: string) => parseReply({ message: msg(text, '2025-11-17T14:12:00Z', { subject: 'Automatic reply: Demo' }), timeZone: zone });
  it.each([
    ['I am on leave until Friday 21 November and Monday 24 November I\'m back.', 'America/New_York', '2025-11-24'],
    ['Ik ben afwezig tot en met vrijdag 21 november en ben maandag 24 november weer bereikbaar.', 'Europe/Amsterdam', '2025-11-24'],
    ['Ich habe Urlaub bis Freitag, 21. November und bin am Montag, 24. November wieder im Büro.', 'Europe/Berlin', '2025-11-24'],
    ['Je suis en congé jusqu\'au vendredi 21 novembre et le lundi 24 novembre je suis de retour.', 'Europe/Paris', '2025-11-24'],
    ['Estoy de vacaciones hasta el viernes 21 de noviembre y el lunes 24 de noviembre vuelvo a la oficina.', 'Europe/Madrid', '2025-11-24'],
    ['Estou de férias até sexta, 21 de novembro, e segunda, 24 de novembro, volto ao escritório.', 'Europe/Lisbon', '2025-11-24'],
    ['Sono in ferie fino a venerdì 21 novembre e lunedì 24 novembre torno in ufficio.', 'Europe/Rome', '2025-11-24'],
    ['Urlaubsbedingt bis 2. Jänner abwesend. Ab 5. Jänner wieder im Haus.', 'Europe/Vienna', '2026-01-05'],
    ['Ich bin bis 21. November nicht im Büro und ab 24. November wieder erreichbar.', 'Europe/Berlin', '2025-11-24'],
  ])('"%s" (%s) → %s', (text, zone, day) => {
    const r = ooo(text, zone);
    expect(r.kind).toBe('ooo');
    expect(r.returnDate).toBe(day);
  });
  it.each([
    ['I am out until Friday 21 November and will reply on my return.', 'America/New_York', '2025-11-21'],
  ])('stays: "%s" (%s) → %s', (text, zone, day) => {
    expect(ooo(text, zone).returnDate).toBe(day);
  });
});

describe('a question leaving the day to the rep ("when suits you?") is a vague answer', () => {
  it.each([
    ['en', 'Happy to have a chat. When would suit you best?'],
    ['es', 'Me parece bien. ¿Cuándo te viene bien?'],
    ['pt', 'Combinado. Quando te dá jeito?'],
    ['fr', 'Avec plaisir. Quand est-ce que ça vous arrange ?'],
    ['de', 'Klingt gut. Wann passt es Ihnen?'],
    ['nl', 'Prima. Wanneer komt het jou uit?'],
    ['it', 'Volentieri. Quando ti va bene?'],
  ])('%s: "%s"', kindIs('vague'));
  it.each([
    ['en', 'Thursday at 3 works for me, or when suits you?', '2025-11-20 15:00'],
    ['de', 'Donnerstag um 15 Uhr? Oder wann passt es Ihnen?', '2025-11-20 15:00'],
  ])('a time named beside it stays the proposal: %s "%s"', reads);
});

describe('taken care of "for now" is a decline', () => {
  it.each([
    ['en', 'Appreciate it, but we\'re all set for the time being.'],
    ['es', 'Gracias, pero de momento estamos servidos.'],
    ['pt', 'Obrigado, mas por enquanto estamos bem servidos.'],
    ['fr', 'Merci, mais pour l\'instant on est équipés.'],
    ['de', 'Danke, wir sind derzeit gut versorgt.'],
    ['nl', 'Dank je, maar we zijn voorlopig voorzien.'],
    ['it', 'Grazie, ma per ora siamo a posto.'],
  ])('%s: "%s"', kindIs('decline'));
  it.each([
    ['en', 'We\'re covered for now, but Thursday at 3 works for a quick look.', '2025-11-20 15:00'],
    ['it', 'Per ora siamo a posto, ma giovedì alle 15 possiamo sentirci.', '2025-11-20 15:00'],
  ])('a time offered beside it wins (weak cue): %s "%s"', reads);
});

describe('a couple of weeks, or the next two weeks, is a vague range (never a day)', () => {
  it.each([
    ['en', 'Any day in the next two weeks is fine by me.'],
    ['en', 'Let\'s talk again in a week or two.'],
    ['es', 'Cualquier día en las próximas dos semanas me va bien.'],
    ['es', 'Hablamos en una o dos semanas.'],
    ['pt', 'Qualquer dia nas próximas duas semanas serve.'],
    ['pt', 'Falamos daqui a umas duas semanas.'],
    ['fr', 'N\'importe quel jour dans les deux prochaines semaines me convient.'],
    ['fr', 'On se reparle dans une semaine ou deux.'],
    ['fr', 'Rappelez-moi dans un couple de semaines.'],
    ['de', 'Irgendwann in den nächsten zwei Wochen passt mir.'],
    ['de', 'Melden Sie sich in ein, zwei Wochen wieder.'],
    ['nl', 'Ergens in de komende twee weken is prima.'],
    ['nl', 'Laten we over een week of twee bellen.'],
    ['it', 'Un giorno qualsiasi nelle prossime due settimane va bene.'],
    ['it', 'Risentiamoci tra un paio di settimane.'],
  ])('%s: "%s"', kindIs('vague'));
  it.each([
    ['en', 'Let\'s talk in a couple of weeks.'],
    ['de', 'In zwei Wochen wieder, bitte.'],
  ])('already vague, stays: %s "%s"', kindIs('vague'));
  it('a day and time named beside it stays the proposal', () => reads('fr', 'Dans les deux prochaines semaines, sinon jeudi à 15h ?', '2025-11-20 15:00'));
});

describe('after the quarter closes is a vague range: the weeks that open the next quarter', () => {
  it.each([
    ['en', 'Reach out again once the quarter is closed.'],
    ['es', 'Escríbeme después del cierre del trimestre.'],
    ['pt', 'Fale comigo depois do fecho do trimestre.'],
    ['fr', 'Revenez vers moi après la clôture du trimestre.'],
    ['de', 'Melden Sie sich nach dem Quartalsabschluss wieder.'],
    ['nl', 'Neem na de kwartaalafsluiting weer contact op.'],
    ['it', 'Risentiamoci dopo la chiusura del trimestre.'],
  ])('%s: "%s"', kindIs('vague'));
  it('already vague, stays', () => kindIs('vague')('en', 'Circle back after Q4 ends, please.'));
  it('the quarter closing in November opens the range on 1 January', () => {
    const r = read('de', 'Melden Sie sich nach dem Quartalsabschluss wieder.');
    expect(r.range?.start.toISOString()).toBe('2025-12-31T23:00:00.000Z');
    expect(r.range?.end.toISOString()).toBe('2026-01-21T23:00:00.000Z');
  });
  it('a showroom closing at a time stays no proposal (stays)', () => noProposal('en', 'Heads up, our showroom closes Friday at 5.'));
});
