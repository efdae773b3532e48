import { describe, expect, it } from 'vitest';
import { firstLocal, read } from './lang-helpers.js';

/**
 * Goods fetched by anyone, not only a driver: samples collected at a day and time are an errand, not a meeting
 * (tune-r10's "Ma collaboratrice passera chercher les échantillons jeudi à quatorze heures"). Read on Monday
 * 17 November 2025; rows written apart from that case.
 */
const ERRANDS: [lang: string, text: string][] = [
  ['fr', 'Mon collègue viendra chercher les échantillons mercredi à 11h. Rien à envoyer.'],
  ['fr', 'Notre stagiaire passera récupérer le matériel jeudi vers 16h.'],
  ['en', 'Our office manager will collect the samples Thursday at 2pm, nothing to post.'],
  ['es', 'Mi compañera recoge las muestras el jueves a las 12.'],
  ['de', 'Meine Kollegin holt die Muster am Mittwoch um 11 Uhr bei Ihnen ab.'],
  ['it', 'Il mio collega passa a prendere i campioni giovedì alle 15.'],
];

const STAYS: [lang: string, text: string, first: string][] = [
  ['fr', 'On peut se voir jeudi à 15h ? Je vous apporterai les échantillons.', '2025-11-20 15:00'],
  ['en', 'Can we meet Thursday at 3pm? I can bring the samples.', '2025-11-20 15:00'],
];

describe('samples fetched at a day and time are an errand, not a proposal', () => {
  it.each(ERRANDS)('%s: %s', (lang, text) => {
    expect(read(lang, text).proposals).toEqual([]);
  });
  it.each(STAYS)('stays a proposal: %s: %s', (lang, text, first) => {
    expect(firstLocal(lang, read(lang, text))).toBe(first);
  });
});
