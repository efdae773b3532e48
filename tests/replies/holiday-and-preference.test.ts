import { describe, expect, it } from 'vitest';
import { kindIs, read, reads } from './lang-helpers.js';

/**
 * Two vague answers read as `other` (or as tomorrow's morning, certain): a school or works holiday's end ("nach der
 * Sommerpause", "na de meivakantie", "after the Easter holidays") and a part of the day preferred with no day named
 * ("Mornings are generally better for me", "di mattina è meglio"). Both leave the day to the rep: kind vague.
 * Every prospect writes on Monday 17 November 2025 at 09:12 local time.
 */
describe('the end of a school or works holiday is a vague range', () => {
  it.each([
    ['de', 'Nach der Sommerpause können wir gern mal sprechen.'],
    ['it', 'Dopo la pausa estiva ne parliamo volentieri.'],
    ['nl', 'Na de meivakantie graag, nu is het te druk.'],
    ['de', 'Nach den Pfingstferien gern, vorher ist es schwierig.'],
    ['de', 'Nach den Osterferien melde ich mich gerne, dann reden wir.'],
    ['en', 'After the Easter holidays please.'],
    ['fr', 'Après les vacances de Pâques, volontiers.'],
    ['it', 'Dopo le vacanze di Pasqua possiamo sentirci.'],
    ['en', 'After the Christmas holidays please.'],
    ['nl', 'Na de kerstvakantie graag.'],
    ['nl', 'Na de herfstvakantie kunnen we bellen.'],
    ['fr', 'Après les vacances de la Toussaint, avec plaisir.'],
  ])('%s: "%s" is vague', (lang, text) => {
    const r = read(lang, text);
    expect(r.kind, JSON.stringify(r.explain)).toBe('vague');
    expect(r.range, JSON.stringify(r.explain)).not.toBeNull();
    expect(r.range!.start.getTime()).toBeGreaterThan(new Date('2025-11-17T12:00:00Z').getTime());
  });
});

describe('a part of the day preferred with no day named is vague, not tomorrow', () => {
  it.each([
    ['en', 'Mornings are generally better for me.'],
    ['en', 'Afternoons work best for me.'],
    ['es', 'Las mañanas me van mejor.'],
    ['pt', 'De manhã é melhor pra mim.'],
    ['de', 'Vormittags passt es mir meistens besser.'],
    ['nl', '\'s Ochtends komt het mij beter uit.'],
    ['it', 'Di mattina è meglio per me.'],
  ])('%s: "%s" is vague', kindIs('vague'));

  it.each([
    ['en', 'Mornings are better, Thursday at 10?', '2025-11-20 10:00'],
    ['it', 'Di mattina è meglio, giovedì alle 10?', '2025-11-20 10:00'],
  ])('%s: a day and time beside it stays the proposal ("%s")', reads);
});

describe('"sometime after the 15th" opens a range after that day, with the times left to the rep', () => {
  it.each([
    ['en', 'Sometime after the 20th should be fine, send me a few options.', '2025-11-21'],
    ['en', 'Any day after the 24th works, just send a couple of slots.', '2025-11-25'],
    ['en', 'Whenever after December 3rd, send me some times.', '2025-12-04'],
  ])('%s: "%s" is vague from %s', (lang, text, from) => {
    const r = read(lang, text);
    expect(r.kind, JSON.stringify(r.explain)).toBe('vague');
    expect(r.range?.start.toISOString().slice(0, 10)).toBe(from);
  });

  it('a clock time after it keeps the proposal ("after the 20th at 10am")', () => {
    expect(read('en', 'Sometime after the 20th at 10am works.').kind).toBe('proposal');
  });
});
