import { describe, expect, it } from 'vitest';
import { firstLocal, read } from './lang-helpers.js';

/** English idioms, each read on Monday 17 November 2025 at 09:12 in New York. */
describe('English idioms', () => {
  it.each([
    ['Tomorrow EOD works for a quick call.', '2025-11-18 17:00'],
    ['Could we talk Wednesday after lunch?', '2025-11-19 13:00'],
    ["Thursday at three o'clock?", '2025-11-20 15:00'],
    ["Let's do 10 o'clock on Friday.", '2025-11-21 10:00'],
    ['Anytime between 2 and 4pm Thursday.', '2025-11-20 14:00'],
    ['10ish Tuesday?', '2025-11-18 10:00'],
    ['Tues 3p EST works', '2025-11-18 15:00'],
    ['In two weeks, Thursday at 10 would be best.', '2025-12-04 10:00'],
    ['Thursday in two weeks at 2pm?', '2025-12-04 14:00'],
    ['Wed 4p?', '2025-11-19 16:00'],
  ])('"%s" → %s', (text, first) => {
    const r = read('en', text);
    expect(r.kind).toBe('proposal');
    expect(firstLocal('en', r)).toBe(first);
  });

  it('"Tues 3p PT" is read in Los Angeles time', () => {
    expect(read('en', 'Tues 3p PT').proposals[0]?.start.toISOString()).toBe('2025-11-18T23:00:00.000Z');
  });
});

describe('counter-proposals', () => {
  it.each([
    ['en', 'Thursday is packed, could we do Friday at 9:30?', '2025-11-21 09:30'],
    ['en', "Tuesday doesn't work for me. How about Wednesday at 11?", '2025-11-19 11:00'],
    ['en', "2pm won't work, but 4pm on Tuesday would.", '2025-11-18 16:00'],
    ['en', "I'm travelling Wednesday; Thursday at 10 instead?", '2025-11-20 10:00'],
    ['es', 'El martes no puedo. ¿El miércoles a las 11?', '2025-11-19 11:00'],
    ['pt', 'Terça não dá. Quarta às 11h?', '2025-11-19 11:00'],
    ['fr', 'Mardi ce n\'est pas possible, mercredi à 11h ?', '2025-11-19 11:00'],
    ['de', 'Dienstag geht leider nicht, Mittwoch um 11?', '2025-11-19 11:00'],
    ['nl', 'Dinsdag lukt niet, woensdag om 11 uur?', '2025-11-19 11:00'],
    ['it', 'Martedì non posso, mercoledì alle 11?', '2025-11-19 11:00'],
  ])('%s: "%s" → %s', (lang, text, first) => {
    const r = read(lang, text);
    expect(r.kind).toBe('proposal');
    expect(firstLocal(lang, r)).toBe(first);
  });

  it('a correction is the most likely reading and is asked about', () => {
    const r = read('en', 'Tuesday at 3pm works. Actually, make it 4pm Tuesday.');
    expect(firstLocal('en', r)).toBe('2025-11-18 16:00');
    expect(r.certain).toBe(false);
    expect(r.uncertain.join()).toMatch(/conflicting second time/);
  });
});
