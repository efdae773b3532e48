import { describe, expect, it } from 'vitest';
import { read } from './lang-helpers.js';

/**
 * Times that are no proposal (issue 9.4 and 11.3): reports and apologies about the past, deadlines, the prospect's
 * own unrelated meetings and a weekday in the past tense. Each reads as no proposal at all: kind "other" (or the
 * decline/vague kind the rest of the reply has), never a booking.
 */
const CASES: [cls: string, lang: string, text: string][] = [
  ['apology', 'en', "So sorry, something came up this morning; I'll write again once I've talked to my team."],
  ['apology', 'en', 'Apologies for missing our call this morning, it was a crazy day.'],
  ['past', 'en', 'We met on the 3rd and I shared your deck with the team.'],
  ['past', 'en', 'Last Tuesday at 2pm we had our internal review; still digesting.'],
  ['past weekday', 'en', 'I spoke with finance on Thursday and they had questions.'],
  ['deadline', 'en', 'The RFP responses are due December 15 at 5pm.'],
  ['deadline', 'en', 'Please send the signed NDA by Friday.'],
  ['own meeting', 'en', "I have a board meeting Thursday at 2 so I'll read it after."],
  ['own meeting', 'en', "I'm at a conference on Wednesday; will review when I'm back."],
  ['apology', 'es', 'Perdona, esta mañana me surgió un imprevisto. Te escribo cuando hable con mi equipo.'],
  ['past', 'es', 'Ayer a las 5 tuvimos la reunión interna y lo estamos valorando.'],
  ['deadline', 'es', 'El plazo para las propuestas vence el 15 de diciembre a las 17:00.'],
  ['own meeting', 'es', 'El jueves a las 10 tengo comité, así que lo leeré después.'],
  ['apology', 'pt', 'Desculpe, surgiu um imprevisto hoje de manhã. Volto a escrever depois de falar com a equipe.'],
  ['past', 'pt', 'Na terça passada às 14h tivemos a reunião com a diretoria.'],
  ['deadline', 'pt', 'O prazo para envio das propostas é dia 15 de dezembro às 17h.'],
  ['own meeting', 'pt', 'Na quinta às 10h tenho uma reunião com o conselho, depois leio com calma.'],
  ['apology', 'fr', "Désolé, un imprévu ce matin. Je reviens vers vous après avoir parlé à l'équipe."],
  ['past', 'fr', "Nous nous sommes vus le 3 et j'ai partagé votre présentation avec l'équipe."],
  ['deadline', 'fr', 'La date limite de remise des offres est le 15 décembre à 17h.'],
  ['own meeting', 'fr', "J'ai un comité de direction jeudi à 14h, je regarderai ensuite."],
  ['apology', 'de', 'Sorry, heute Morgen kam etwas dazwischen. Ich melde mich, sobald ich mit dem Team gesprochen habe.'],
  ['past', 'de', 'Am Dienstag um 14 Uhr hatten wir die interne Abstimmung dazu.'],
  ['deadline', 'de', 'Die Frist für die Angebote ist der 15. Dezember um 17 Uhr.'],
  ['own meeting', 'de', 'Donnerstag um 10 habe ich eine Vorstandssitzung, danach schaue ich es mir an.'],
  ['apology', 'nl', 'Sorry, er kwam vanochtend iets tussen. Ik laat van me horen na overleg met het team.'],
  ['past', 'nl', 'Vorige dinsdag om 14 uur hebben we het intern besproken.'],
  ['deadline', 'nl', 'De deadline voor de offertes is 15 december om 17.00 uur.'],
  ['own meeting', 'nl', 'Donderdag om 10 uur heb ik een bestuursvergadering, daarna kijk ik ernaar.'],
  ['apology', 'it', 'Scusi, stamattina ho avuto un imprevisto. Le scrivo dopo aver parlato con il team.'],
  ['past', 'it', 'Martedì scorso alle 14 abbiamo fatto la riunione interna.'],
  ['deadline', 'it', 'La scadenza per le offerte è il 15 dicembre alle 17.'],
  ['own meeting', 'it', 'Giovedì alle 14 ho il consiglio di amministrazione, poi le farò sapere.'],
];

describe('hard negatives in seven languages: no proposal', () => {
  it.each(CASES)('%s (%s): "%s"', (_cls, lang, text) => {
    const r = read(lang, text);
    expect(r.proposals).toEqual([]);
    expect(r.kind).not.toBe('proposal');
  });
});

/** The same replies with a real proposal added: the proposal is still read. */
describe('a real proposal next to a hard negative is still read', () => {
  it.each([
    ['en', "Sorry I missed our call this morning. Could we do tomorrow at 10 instead?", '2025-11-18T15:00:00.000Z'],
    ['en', 'The contract is due Friday, but happy to talk Thursday at 2pm.', '2025-11-20T19:00:00.000Z'],
    ['de', 'Donnerstag um 10 habe ich eine Vorstandssitzung. Ginge Freitag um 11 Uhr?', '2025-11-21T10:00:00.000Z'],
    ['es', 'Ayer no pude, perdona. ¿Mañana a las 10?', '2025-11-18T09:00:00.000Z'],
  ])('%s: "%s"', (lang, text, first) => {
    const r = read(lang, text);
    expect(r.kind).toBe('proposal');
    expect(r.proposals[0]?.start.toISOString()).toBe(first);
  });
});
