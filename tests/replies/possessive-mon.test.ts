import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { firstLocal, PROSPECT, read } from './lang-helpers.js';

/**
 * French "mon" is "my" ("mon créneau", "mon agenda", "mon assistante"); the English date reader took it for "Mon",
 * Monday, and booked it first, certain ("Je vous propose mon créneau de jeudi à 15h ?" booked Monday 09:00).
 * Read on Monday 17 November 2025 in Paris.
 */
const POSSESSIVE: [text: string, first: string | null][] = [
  ['Je vous propose mon créneau de jeudi à 15h ?', '2025-11-20 15:00'],
  ['Mon agenda est libre jeudi à 15h, ça vous va ?', '2025-11-20 15:00'],
  ['Bonjour, mon collègue et moi pouvons jeudi à 15h.', '2025-11-20 15:00'],
  ['Mon assistante vous rappellera pour fixer un rendez-vous.', null],
];

describe('French "mon" is a possessive, not Monday', () => {
  it.each(POSSESSIVE)('%s', (text, first) => {
    const r = read('fr', text);
    expect(firstLocal('fr', r)).toBe(first);
    for (const p of r.proposals) expect(DateTime.fromJSDate(p.start, { zone: PROSPECT.fr!.zone }).weekday).not.toBe(1);
  });

  it('an English "Mon" with its time in a French reply stays Monday', () => {
    const r = read('fr', 'Mon 10h ça me va, merci.');
    expect(r.kind).toBe('proposal');
    expect(DateTime.fromJSDate(r.proposals[0]!.start, { zone: PROSPECT.fr!.zone }).toFormat('ccc HH:mm')).toBe('Mon 10:00');
  });
});
