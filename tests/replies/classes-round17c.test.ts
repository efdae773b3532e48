import { describe, expect, it } from 'vitest';
import { kindIs, read, proposesNothing, proposes } from './lang-helpers.js';

/**
 * Classes of issue 11, round 17 (part c): the kind of a reply. Hard negatives of tune-r17 and tune-r18 read as
 * proposals, missed opt-outs, and declines and vague ranges read as `other`, fixed as the family of phrasings each
 * belongs to. The phrasings are written for these tests, not taken from the fixtures. Every prospect writes on Monday
 * 17 November 2025 at 09:12 local time.
 */

describe('a thing to be sent back, in, or before a cut-off by a time is a deadline', () => {
  it.each([
    ['en', 'Can you get the countersigned order form back to us by Thursday 4pm? Procurement locks the PO after that.'],
    ['en', 'pls fix the VAT line on inv 2209, our payables run cuts off at 2pm wednesday'],
    ['nl', 'De getekende offerte graag donderdag 16u binnen, dan kan ik hem nog meenemen.'],
  ])('%s: "%s" proposes nothing', (lang, text) => { proposesNothing(lang, text); });
  it.each([
    ['de', 'Ihre Kollegin wollte uns bis Ende der Woche die Konditionen zukommen lassen, haken Sie bitte nach.'],
  ])('%s: "%s" names no range to talk in', (lang, text) => { kindIs('other')(lang, text); });
  it.each([
    ['en', 'Tuesday the 2nd at 10 works if you are back by then.'],
  ])('guard: %s "%s" stays a proposal ("back by then" is a condition)', (lang, text) => { proposes(lang, text); });
});

describe('a call or chat the prospect thanks for in texting shorthand is in the past', () => {
  it.each([
    ['en', 'thx for the call tues at 3, looping in my cfo'],
    ['en', 'ty for the chat wed at 10 - sharing ur notes with the team'],
  ])('%s: "%s" proposes nothing', (lang, text) => { proposesNothing(lang, text); });
});

describe('the prospect travelling, presenting or attending at that time is busy then', () => {
  it.each([
    ['en', 'my flight to denver is thursday 7am, send the deck and i will read it onboard'],
    ['de', 'Ich fliege am Mittwoch um 7 nach Madrid. Schicken Sie mir bitte die Unterlagen.'],
    ['pt', 'Vou apresentar a proposta na reunião de direção de quarta às 10h. Pode mandar-me a tabela de preços antes disso?'],
    ['es', 'Voy a presentar su propuesta en la reunión de gerencia del jueves a las 9. Envíeme la tarifa cuando pueda.'],
    // An assistant writing for the prospect.
    ['en', 'Ms Ortiz has asked me to reply on her behalf. She is travelling to Dubai on Wednesday 19 November at 8am; please email the brochure and she will read it then.'],
    ['en', 'Mr Hale is visiting the Geneva Motor Show from Tuesday 25 to Thursday 27 November and would be grateful if you could post the catalogue.'],
  ])('%s: "%s" proposes nothing', (lang, text) => { proposesNothing(lang, text); });
});

describe('a past meeting told in the simple past or a reflexive past is no proposal', () => {
  it.each([
    ['es', 'el martes a las 11 vimos la propuesta con tu companero, seguimos evaluando'],
    ['es', 'lo presentaron el jueves a las 10 en el comite, todavia sin respuesta'],
    ['fr', "on s'est parlé mardi à 10h avec votre associé, il revient vers vous"],
    ['fr', 'ils se sont parlé jeudi à 14h, j’attends son retour'],
  ])('%s: "%s" proposes nothing', (lang, text) => { proposesNothing(lang, text); });
});

describe('a sentence a mail client wrapped keeps its meaning across the line break', () => {
  it.each([
    ['en', 'Hello,\n\nThe purchase order will be released on the 21st, after our investment committee\nmeets at 10 AM on the 20th. Please do not resend the quote until then.\n\nRegards'],
  ])('%s: "%s" proposes nothing', (lang, text) => { proposesNothing(lang, text); });
  it.each([
    ['en', 'Hi Sam, Wednesday 19 November between 3 and 4pm Sydney time works (we have just come off daylight\nsaving, so check the offset).'],
  ])('guard: %s "%s" stays a proposal (a remark on the zone)', (lang, text) => { proposes(lang, text); });
});

describe('opt-outs with a split verb, a subjunctive, or a confirmation of erasure asked for', () => {
  it.each([
    ['nl', 'Schrijf me maar uit, dank je.'],
    ['nl', 'Verzoek om ons af te melden.'],
    ['de', 'Ich bitte Sie, mich auszutragen.'],
    ['de', 'Bitte tragen Sie mich aus.'],
    ['es', 'Le agradecería que me diera de baja.'],
    ['es', 'Te agradecería que nos dieras de baja de tus envíos.'],
    ['de', 'Sehr geehrte Damen und Herren,\n\nbitte bestätigen Sie mir die Löschung.'],
    ['fr', 'Merci de me confirmer la suppression par écrit.'],
    ['it', 'Vi prego di confermare la cancellazione.'],
    ['en', 'Please confirm the erasure in writing.'],
  ])('%s: "%s" is an opt-out', (lang, text) => { kindIs('optout')(lang, text); });
});

describe('polite declines: not a priority, more than needed, not worth it, no follow-up, the current tool kept, not considering', () => {
  it.each([
    ['pt', 'nao e prioridade p/ nos agora, valeu'],
    ['en', 'honestly this is far more than we need for a team of three'],
    ['de', 'Das ist viel mehr als wir brauchen.'],
    ['nl', 'Dat is veel meer dan we nodig hebben.'],
    ['fr', "C'est trop complexe pour nous, bonne continuation."],
    ['de', 'Für ein Büro unserer Größe lohnt sich das nicht.'],
    ['it', 'Grazie, ma non ci serve.'],
    ['pt', 'Analisámos a proposta e não daremos seguimento.'],
    ['en', 'We have decided to continue with our existing provider.'],
    ['nl', 'We hebben besloten om met ons huidige pakket door te gaan.'],
    ['es', 'Por ahora no contemplamos incorporar nuevas herramientas.'],
    ['en', 'We are not considering any new tools this year.'],
  ])('%s: "%s" is a decline', (lang, text) => { kindIs('decline')(lang, text); });
  it.each([
    ['es', '¿Funciona con Holded? Si no, no nos sirve.'],
    ['nl', 'Stuur de offerte via het portaal, bellen heeft geen zin.'],
  ])('guard: %s "%s" is no decline (a condition; no call needed)', (lang, text) => {
    const r = read(lang, text);
    expect(r.kind, JSON.stringify(r.explain)).not.toBe('decline');
  });
});

describe('vague ranges: next month without accents, early next year, the end of the year, early next quarter, after an event', () => {
  it.each([
    ['pt', 'talvez no proximo mes, agora estamos sem tempo'],
    ['nl', 'misschien begin volgend jaar eens bellen'],
    ['fr', "plutôt début de l'année prochaine"],
    ['en', 'we are mid-migration, so probably towards the end of the year.'],
    ['de', 'Gegen Ende des Jahres gern.'],
    ['de', 'Er schlägt vor, das Anfang des nächsten Quartals aufzugreifen.'],
    ['en', 'After the conference I will have more time, ping me then.'],
    ['de', 'Nach der Messe gern wieder.'],
    ['fr', 'Recontactez-moi après le salon.'],
    ['it', 'Sentiamoci dopo la fiera.'],
    ['es', 'Hablamos después de la feria.'],
  ])('%s: "%s" is vague', (lang, text) => { kindIs('vague')(lang, text); });
});
