import type { ExtractedTime } from './times.js';

/** "that would be", "so", "das wäre", "soit", "sería", "sarebbe", "dat is": words that restate a time in another zone. */
const RESTATES = /(?<![\p{L}])(?:that(?:['’]s|\s+is|\s+would\s+be|\s+makes?)|which\s+(?:is|would\s+be)|so|i\.\s?e\.|das\s+(?:wäre|ist|waere|sind)|also|(?:ce\s+qui\s+)?(?:fait|ferait)|soit|c['’]est|(?:lo\s+que\s+)?(?:ser[ií]an?|son|es)|(?:o\s+que\s+)?(?:seria|s[ãa]o|[ée])|sarebbero|sarebbe|cio[èe]|dat\s+is|dat\s+zou|dus)\s*(?:[-–—,:]\s*)?(?:(?:at|um|à|a\s+las?|às|alle|om)\s+)?$/iu;
/** "for me", "bei uns", "chez nous", "para mí", "per me", "bij ons", "pra mim": the writer's own wall clock. */
const MINE = /^\s*(?:(?:for|to)\s+me|my\s+time|(?:on\s+)?my\s+end|here|local(?:\s+time)?|bei\s+(?:uns|mir)|hier|meiner\s+zeit|pour\s+moi|chez\s+(?:nous|moi)|ici|de\s+mon\s+c[ôo]t[ée]|para\s+m[ií]|aqu[ií]|ac[aá]|per\s+me|da\s+(?:noi|me)|qui|bij\s+(?:ons|mij)|voor\s+mij|pra\s+mim|para\s+mim|aqui)(?![\p{L}])/iu;

/**
 * "Mittwoch um 9 Uhr pazifischer Zeit? Das wäre 18 Uhr bei uns.", "Thursday, 3pm your time - so 6pm for me": a clock
 * time after one in a named zone, said as the same moment on the writer's own clock, is no second time (it was read
 * as today's 18:00, or as a conflicting time).
 */
export function dropConversions(list: ExtractedTime[], text: string): ExtractedTime[] {
  return list.filter((t, i) => {
    const prev = list[i - 1];
    if (!prev || t.grain !== 'minute' || t.dated || t.excluded) return true;
    if (!prev.rules.some((r) => /^explicit zone|"your time"/.test(r))) return true;
    const gap = text.slice(prev.index + prev.text.length, t.index);
    if (gap.length > 60 || !RESTATES.test(gap)) return true;
    return !MINE.test(text.slice(t.index + t.text.length));
  });
}
