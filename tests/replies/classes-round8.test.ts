import { describe, expect, it } from 'vitest';
import { read } from './lang-helpers.js';

/**
 * Classes of issue 11, round 8: the three misses of the blind split heldout-r6 that cost the most (a missed opt-out
 * and two hard negatives read as proposals), each fixed as a class. The phrasings are written for these tests, not
 * taken from the fixture; each class has counter-examples that must keep their reading.
 */

describe('Spanish opt-outs in the vosotros form, with or without accents', () => {
  it.each([
    'No me escribáis más, gracias.',
    'por favor no me escribais mas',
    'No nos contactéis de nuevo.',
    'no me mandeis mas correos',
    'Os pido que no me llaméis más.',
    'No nos enviéis nada más, por favor.',
  ])('"%s" is an opt-out', (text) => {
    expect(read('es', text).kind).toBe('optout');
  });
  it.each(['Escribidme el jueves a las 10 y lo vemos.', '¿Me escribís el lunes con la propuesta?'])('"%s" is no opt-out', (text) => {
    expect(read('es', text).kind).not.toBe('optout');
  });
});

const noCertainBooking = (lang: string, text: string) => {
  const r = read(lang, text);
  expect(r.kind === 'proposal' && r.certain, JSON.stringify(r.explain)).toBe(false);
};

describe('a procurement deadline (RFP, RFQ, tender closes) is no proposal', () => {
  it.each([
    ['en', 'The RFP closes Thursday at noon, so please get your numbers in before that.'],
    ['en', 'FYI our RFQ closes on Friday 21 November at 4pm EST.'],
    ['en', 'Tenders close Wednesday at 17:00 and we will shortlist after that.'],
  ])('%s: "%s" books nothing', noCertainBooking);
  it('a meeting time next to it is still a proposal', () => {
    expect(read('en', 'Could we talk Tuesday at 3pm? Happy to chat before the rollout.').kind).toBe('proposal');
  });
});

describe('Italian past with an irregular participle (fatto, detto, visto, preso) is a report, not a proposal', () => {
  it.each([
    ['it', 'Abbiamo già fatto una demo con il vostro team giovedì alle 15, attendo il preventivo.'],
    ['it', 'Ho visto la vostra presentazione martedì alle 10, molto interessante.'],
    ['it', 'Avevamo preso un appuntamento lunedì alle 9 ma poi è saltato.'],
    ['it', 'Ne abbiamo discusso mercoledì alle 11 con il direttore.'],
  ])('%s: "%s" books nothing', noCertainBooking);
  it('a future proposal with the same words still books', () => {
    const r = read('it', 'Possiamo fare una call giovedì alle 15?');
    expect(r.kind).toBe('proposal');
  });
});
