import { describe, expect, it } from 'vitest';
import { expectProposal, kindIs, proposesNothing, read } from './lang-helpers.js';

/**
 * Classes of round 20 (part b): the kind of a reply. Written for these tests, not taken from the fixtures.
 * Every prospect writes on Monday 17 November 2025 at 09:12 local time.
 */

const vague = kindIs('vague');
const decline = kindIs('decline');
const notDecline = (lang: string, text: string): void => {
  const r = read(lang, text);
  expect(r.kind, JSON.stringify(r.explain)).not.toBe('decline');
};

describe('the prospect\'s own event, move or results call announced with its date: never a proposal', () => {
  it.each([
    ['en', 'FYI our warehouse relocation is on Thursday 20 November from 7am, so we\'ll be hard to reach that day.'],
    ['en', 'Hi, our Q3 earnings call is on 12/12 at 3 PM EST. You can dial in via the investor page if it helps your research.'],
    ['pt', 'Sem problema. Só para contexto: nossa convenção anual é de 3 a 5 de dezembro e a abertura é às 10h, então a equipe está focada nisso.'],
    ['fr', 'Bonjour, mercredi 19 à 10h nous animons une formation pour nos distributeurs et la semaine est complète. Envoyez-moi plutôt la brochure.'],
    ['en', 'Please send the quote before Tuesday 11h, I present it to the management on Wednesday at 10h.'],
  ])('%s: "%s"', (lang, text) => { proposesNothing(lang, text); });
});

describe('a past verb right before a day governs it, whatever the question after it asks', () => {
  it.each([
    ['en', 'Hi Dana, can you forward the deck your colleague showed on Wednesday? Thanks.'],
    ['en', 'Could you resend the figures you shared me on Friday?'],
  ])('%s: "%s"', (lang, text) => { proposesNothing(lang, text); });
  it('guard (passed before): a question about a day with no past verb before it stays a proposal', () => {
    expectProposal('en', 'We met last week. Could we meet again on Thursday at 3?', '2025-11-20 15:00');
  });
});

describe('an invite the prospect disowns names no time of theirs', () => {
  it.each([
    ['en', 'There\'s an invite for Dec 4 at 11am sitting in my calendar. I never agreed to it, I only wanted the price list.'],
    ['en', 'Your invitation for Thursday 20 November at 2pm just landed. I did not request a meeting, please just email the brochure.'],
  ])('%s: "%s"', (lang, text) => { proposesNothing(lang, text); });
  it('guard: an invite taken stays a proposal', () => {
    expectProposal('en', 'Got your invite for Tuesday at 3, see you then.', '2025-11-18 15:00');
  });
});

describe('a promise to write back by a time, and a transfer\'s cut-off: a deadline or an errand, no proposal', () => {
  it.each([
    ['en', 'Noted. I will revert by EOD with the list of participants and the signed NDA.'],
    // guard (passed before)
    ['en', 'Thanks, I\'ll write back by 4pm with our comments on the draft.'],
    ['fr', 'Pour info, notre service paie les fournisseurs le 28 novembre; les virements partent avant 16 h.'],
  ])('%s: "%s"', (lang, text) => { proposesNothing(lang, text); });
});

describe('the month taken by chaos, or a busy cue about now before a later range: not the range\'s', () => {
  it('a chaotic month is no range offered', () => {
    const r = read('en', 'Apologies for missing the call at 2. Things are a bit hectic this month; I\'ll be in touch once it settles.');
    expect(r.kind, JSON.stringify(r.explain)).not.toBe('vague');
    expect(r.kind).not.toBe('proposal');
  });
  it.each([
    ['de', 'Tut mir leid wegen heute. Einen Termin kann ich gerade nicht festlegen, ich melde mich in zwei Wochen.'],
  ])('%s: "%s" is vague', (lang, text) => { vague(lang, text); });
});

describe('checking internally, or a tool already shown, is no decline', () => {
  it.each([
    ['pt', 'Desculpe pela reunião de ontem. Vou verificar internamente se ainda faz sentido e te falo.'],
    ['en', 'Hi Joris, your colleague already demoed the platform to me last week. We are still thinking about it.'],
  ])('%s: "%s"', (lang, text) => { notDecline(lang, text); });
});

describe('declines: a decision not to change, no going further, a contract that binds, a freeze on purchases', () => {
  it.each([
    // guard (passed before)
    ['es', 'Te escribo para cancelar la llamada del jueves. Al final hemos decidido no contratar nada este año.'],
    // guard (passed before)
    ['es', 'Hola, al final hemos decidido no cambiar de proveedor, así que anulo lo del martes.'],
    ['fr', 'Merci pour le suivi, mais nous n\'irons pas plus loin. Vous pouvez annuler jeudi.'],
    ['en', 'We are freezing all new purchases until 2027, so I\'m cancelling our demo on Dec 2. Thanks.'],
    ['en', 'thanks but we\'re locked in with our current provider for another 18 months. no point in a call sorry'],
  ])('%s: "%s"', (lang, text) => { decline(lang, text); });
  it('guard: a meeting cancelled with another time offered stays a proposal', () => {
    kindIs('proposal')('en', 'I need to cancel our call on Tuesday, could we do Wednesday at 2pm instead?');
  });
});

describe('vague: a range in words the rules did not read, a few days asked for, a part of day some day', () => {
  it.each([
    ['es', 'Perdona por lo de ayer. Hablamos más adelante en el mes, ahora estoy de cierre.'],
    ['it', 'Ci sentiamo più avanti nel mese, adesso sono pieno di lavoro.'],
    ['en', 'Sorry, December is our peak season. January sometime?'],
    ['fr', 'Après les vacances de la construction, on se reparle. Pour l\'instant c\'est la folie.'],
    ['en', 'Hello Tom, possibly we can talk in the next weeks, I will come back to you.'],
    ['en', 'Hi Giulia, yes in principle, but give me a few days to check my calendar.'],
    ['en', 'Hello Marta, late in the afternoon one of these days, I will see when I am free.'],
  ])('%s: "%s"', (lang, text) => { vague(lang, text); });
});
