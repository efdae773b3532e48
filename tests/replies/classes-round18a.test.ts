import { describe, expect, it } from 'vitest';
import { proposesNothing, expectProposal, read } from './lang-helpers.js';

const kindIsNot = (kind: string) => (lang: string, text: string): void => {
  const r = read(lang, text);
  expect(r.kind, JSON.stringify(r.explain)).not.toBe(kind);
};

/**
 * Classes of issue 11, round 18 (part a): the kind of a reply. Written for these tests, not taken from the fixtures.
 * Every prospect writes on Monday 17 November 2025 at 09:12 local time.
 */

describe('an assistant names the prospect\'s own appointment in the third person: never a proposal', () => {
  it.each([
    ['en', 'Hello, I handle Ms. Walsh\'s diary. She has a dentist appointment on Wednesday at 10:30 and then flies out. Could you email the proposal instead?'],
    ['en', 'Writing for Tom: he\'s got a board call Tuesday at 3pm, and the rest of the week he is on site. Please send the slides over.'],
    ['es', 'Le escribo en nombre de la Sra. Vidal: el miércoles a las 11 tiene una cita con el médico y luego viaja a Lima. ¿Podría mandarnos la propuesta por correo?'],
    ['pt', 'Escrevo em nome do Dr. Costa: ele tem consulta na quarta às 10h e depois viaja. Pode mandar a apresentação por e-mail?'],
    ['fr', 'Je suis l\'assistant de Mme Girard. Elle a un rendez-vous chez le dentiste mercredi à 10h et part ensuite à Lyon. Pouvez-vous m\'envoyer le dossier ?'],
    ['de', 'Ich schreibe im Auftrag von Herrn Vogel. Er hat am Mittwoch um 10 Uhr einen Arzttermin und ist danach auf Reisen. Schicken Sie mir bitte die Unterlagen?'],
    ['nl', 'Mevrouw De Vries heeft woensdag om 11:00 een afspraak bij de tandarts en is daarna op reis. Kunt u de offerte mailen?'],
    ['it', 'Sono la segretaria dell\'ing. Bianchi: mercoledì alle 10 ha un appuntamento dal dentista e poi parte per Roma. Può mandarmi il materiale via e-mail?'],
  ])('%s: "%s"', (lang, text) => { proposesNothing(lang, text); });
  it('guard: the assistant offering a time of the prospect\'s stays a proposal', () => {
    expectProposal('en', 'I manage Mr. Hale\'s calendar. He could do Wednesday at 10:30, would that work?', '2025-11-19 10:30');
  });
});

describe('a title with a full stop ("Mr.", "Dr.") ends no sentence: the prospect away at an event under their name', () => {
  it.each([
    ['en', 'Kindly note that Dr. Amin will be at the plant in Ghent on Wednesday at 11, back the week after.'],
    ['en', 'Please note Mrs. Osei will be at the Lagos expo on Thursday at 9 and will not be available.'],
  ])('%s: "%s"', (lang, text) => { proposesNothing(lang, text); });
});

describe('a day in the possessive names the day of the prospect\'s own errand or event ("Friday\'s payment run")', () => {
  it.each([
    ['en', 'Could you send the corrected invoice so it makes Thursday\'s payment batch?'],
    ['en', 'Can the signed order form go out with Wednesday\'s courier pickup?'],
  ])('%s: "%s"', (lang, text) => { proposesNothing(lang, text); });
  it('guard: "Thursday\'s fine at 2pm" stays a proposal', () => {
    expectProposal('en', 'Thursday\'s fine at 2pm for me.', '2025-11-20 14:00');
  });
});

describe('a range the prospect says is lost, or takes no calls in, is no vague range to talk in', () => {
  it.each([
    ['en', 'Board prep all over the place, so next week is a total wash for me. I will ping you when things calm down.'],
    ['en', 'Honestly this week is not happening, sorry. Talk soon.'],
    ['de', 'Nächste Woche wird das nichts, wir haben Inventur.'],
    ['nl', 'Volgende week wordt het niks bij mij, ik laat nog van me horen.'],
    ['en', 'FYI she will not be taking meetings next week.'],
  ])('%s: "%s"', (lang, text) => { proposesNothing(lang, text); kindIsNot('vague')(lang, text); });
});

describe('a German request with the verb before "bis" is a deadline, not a range to meet in', () => {
  it.each([
    ['de', 'Senden Sie uns bis Mitte März ein Angebot, dann vergleichen wir.'],
  ])('%s: "%s"', (lang, text) => { kindIsNot('vague')(lang, text); });
});
