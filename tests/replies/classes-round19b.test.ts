import { describe, expect, it } from 'vitest';
import { expectProposal, kindIs, proposesNothing, read } from './lang-helpers.js';

/**
 * Classes of round 19 (part b): the kind of a reply. Written for these tests, not taken from the fixtures.
 * Every prospect writes on Monday 17 November 2025 at 09:12 local time.
 */

describe('a past call named, then a promise to write with no subject ("…, will circle back"): never a proposal', () => {
  it.each([
    ['en', 'good talking on the phone tues at 3, will circle back once I hear from finance'],
    ['en', 'Nice chatting at the booth Thursday at 11, will loop in our ops lead'],
  ])('%s: "%s"', (lang, text) => { proposesNothing(lang, text); });
  it('guard (passed before): "thx for the demo wed at 4, will share w the team"', () => {
    proposesNothing('en', 'thx for the demo wed at 4, will share w the team');
  });
  it('guard (passed before): "Thursday at 3, will that work?" stays a proposal', () => {
    expectProposal('en', 'Thursday at 3, will that work?', '2025-11-20 15:00');
  });
});

describe('a flight or train named with no owner, with a promise to write after: the prospect travelling then', () => {
  it.each([
    ['en', 'at the Austin plant mon-wed, flight lands 9pm wed. will text u after'],
    ['en', 'in Lisbon this week, train gets in 7pm Friday. will email you after the weekend'],
  ])('%s: "%s"', (lang, text) => { proposesNothing(lang, text); });
  it('a time asked after the flight stays a proposal (the flight\'s was taken first)', () => {
    expectProposal('en', 'flight lands 6pm Thursday, can we meet Friday at 9?', '2025-11-21 09:00');
  });
});

describe('a past told in the Spanish simple past ("hicisteis", "gustó") or the Portuguese ("gostou"): never a proposal', () => {
  it.each([
    ['es', 'La presentación que nos hicisteis el jueves a las 10 le encantó a mi jefa. Ella te contacta.'],
    ['es', 'Mi socio vio la demo el miércoles a las 16 y le gustó bastante. Te escribirá él.'],
    ['pt', 'O meu sócio assistiu à demo na quarta às 15h e gostou bastante. Ele vai te escrever.'],
  ])('%s: "%s"', (lang, text) => { proposesNothing(lang, text); });
});

describe('a booth or hall number at a fair ("stand 4.12", "Halle 5.1") is no hour', () => {
  it.each([
    ['nl', 'We staan op de Vakbeurs van 3 t/m 6 februari, stand 2.14. Ik stuur uw mail door naar onze inkoper.'],
  ])('%s: "%s"', (lang, text) => { proposesNothing(lang, text); });
  it.each([
    ['es', 'Estamos en la feria del 3 al 6 de febrero, pabellón 7.12. Paso tu correo a compras.'],
    ['en', 'We are exhibiting 3-5 March, booth 3.10. Our buyer will reach out.'],
    ['de', 'Sie finden uns auf der Messe, Halle 5.1. Ich leite Ihre Mail an den Einkauf weiter.'],
  ])('guard (passed before) %s: "%s"', (lang, text) => { proposesNothing(lang, text); });
  it('a time asked beside a hall number stays the proposal (the hall\'s "5.1." read as 5 January)', () => {
    expectProposal('de', 'Wir sind auf der Messe, Halle 5.1. Passt Ihnen Dienstag um 10?', '2025-11-18 10:00');
  });
});

describe('a team named as tied up then ("IT is tied up this week"): no range offered', () => {
  it.each([
    ['en', 'Our warehouse move is Wednesday, so the ops team is tied up this week. I\'ll pass your note to Ana.'],
    ['en', 'Legal is snowed under next week with the audit; I\'ll forward your deck to Maria.'],
  ])('%s: "%s"', (lang, text) => { kindIs('other')(lang, text); });
});

describe('declines in a formal or plain register, read as declines', () => {
  it.each([
    ['en', 'Ms Patel has asked me to thank you. She is not in a position to take this forward and asks that you regard this matter as closed.'],
    ['en', 'Our budget is frozen until the merger closes, so we won\'t be taking this forward. No hard feelings.'],
    ['nl', 'Dank voor uw bericht. Wij zien geen reden om hierop in te gaan.'],
    ['en', 'Thanks, but with six people on the team we can\'t justify the cost. We\'ll stick with our spreadsheets.'],
    ['es', 'Gracias, pero con doce empleados no se justifica la inversión.'],
  ])('%s: "%s"', (lang, text) => { kindIs('decline')(lang, text); });
});

describe('a time refused as too early or too late ("é cedo demais", "son muy temprano", "sono troppo presto")', () => {
  it.each([
    ['pt', 'Às 8h é cedo demais. Pode ser às 10h30?', '2025-11-17 10:30'],
    ['es', 'El martes a las 8 son muy temprano, ¿mejor el miércoles a las 12?', '2025-11-19 12:00'],
    ['it', 'Martedì alle 8 sono troppo presto, meglio mercoledì alle 11?', '2025-11-19 11:00'],
  ])('%s: "%s"', (lang, text, wall) => {
    const r = read(lang, text);
    expect(r.proposals.map((p) => p.text).join(' | '), JSON.stringify(r.explain)).not.toMatch(/at 8(?::00)?$|Tuesday at 8/);
    expectProposal(lang, text, wall);
  });
});

describe('after the prospect\'s own meeting, a range to talk in: vague, not other', () => {
  it.each([
    ['nl', 'Na onze bestuursvergadering, ergens in de tweede helft van de maand.'],
    ['it', 'Dopo il consiglio di amministrazione, diciamo nella seconda metà del mese.'],
    ['pt', 'Vamos falar depois da nossa reunião de diretoria, lá pela segunda quinzena do mês.'],
    ['fr', 'Relancez-moi début février, après la clôture des comptes.'],
    ['en', 'After our board meeting, sometime in the second half of the month.'],
  ])('%s: "%s"', (lang, text) => { kindIs('vague')(lang, text); });
  it('guard (passed before): es "Después de la junta directiva, hablamos la segunda quincena del mes."', () => {
    kindIs('vague')('es', 'Después de la junta directiva, hablamos la segunda quincena del mes.');
  });
  it('guard (passed before): a meeting with its own time after "after" is still the prospect\'s', () => {
    proposesNothing('en', 'I have a board meeting Thursday at 10, after that I\'m free');
  });
});

describe('ranges written short ("nxt wk", "new yr", "end of month", "w/c 8th Dec"): vague', () => {
  it.each([
    ['en', 'swamped rn. nxt wk maybe?'],
    ['en', 'all hands on deck til xmas, lets pick this up in the new yr'],
    ['en', 'end of month works better. ping me then'],
    ['en', 'Bit hectic at the moment. Could we look at w/c 8th December?'],
    ['en', 'Not this week I\'m afraid, week commencing the 1st of December?'],
  ])('%s: "%s"', (lang, text) => { kindIs('vague')(lang, text); });
});

describe('an appointment with the subject dropped, as on a phone ("have a dentist appt wed at 2"): the prospect busy', () => {
  it.each([
    ['en', 'have a dentist appt tues at 2, will email u a proper reply after'],
    ['en', 'got a board mtg thurs at 3, will send notes after'],
  ])('guard (passed before; the clause split at ", will" needs it) %s: "%s"', (lang, text) => { proposesNothing(lang, text); });
  it('guard (passed before): "let\'s have a call Thursday at 2" stays a proposal', () => {
    expectProposal('en', 'Let\'s have a call Thursday at 2', '2025-11-20 14:00');
  });
});

describe('the day the prospect promises to write ("will ping u mon", "I\'ll email you Thursday"): no time to meet', () => {
  it.each([
    ['en', 'offsite all week. will text u fri'],
    ['en', 'flight home lands sat 10pm, will ping u mon'],
    ['en', 'ping me mon'],
  ])('%s: "%s"', (lang, text) => { proposesNothing(lang, text); });
  it.each([
    ['en', 'back from the trade show sun night, will ping u tue'],
    ['en', 'Slammed today. I\'ll email you Thursday with the headcount.'],
  ])('guard (passed before) %s: "%s"', (lang, text) => { proposesNothing(lang, text); });
  it('guard (passed before): "I\'ll call you Thursday at 3" stays a proposal', () => {
    expectProposal('en', 'I\'ll call you Thursday at 3', '2025-11-20 15:00');
  });
});

describe('a demo someone else ran and liked ("ran the demo … tues at 2 and he loved it"): a past report', () => {
  it.each([
    ['en', 'Your colleague ran a walkthrough for our CFO wed at 11 and she loved it. She\'ll reach out herself.'],
    ['en', 'Priya gave my team the product tour Friday at 4 and they liked it a lot. Expect a note from them.'],
  ])('%s: "%s"', (lang, text) => { proposesNothing(lang, text); });
  it('guard (passed before): "Could you give us a demo Tuesday at 10?" stays a proposal', () => {
    expectProposal('en', 'Could you give us a demo Tuesday at 10?', '2025-11-18 10:00');
  });
});
