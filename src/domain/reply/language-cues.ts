import type { Lang } from './language.js';

/**
 * Short function words that only one of the seven languages uses. On a reply of a few words the n-gram detector's
 * scores are close; these words settle it ("El martes a las 3 de la tarde" is Spanish, not French).
 */
const CUES: Record<Lang, RegExp> = {
  en: /(?<![\p{L}'’])(?:the|and|is|are|you|your|we|our|for|with|works?|would|could|please|thanks|let's|i'm|i'll|can|next|tomorrow|morning|afternoon)(?![\p{L}'’])/giu,
  es: /(?<![\p{L}'’])(?:el|los|las|una|por|para|muy|pero|gracias|hola|semana|mañana|tarde|nos|usted|podemos|quedamos|vale|me\s+va|me\s+viene|qué|está|estoy|ayer|lunes|martes|miércoles|jueves|viernes|porfa|xfa)(?![\p{L}'’])/giu,
  pt: /(?<![\p{L}'’])(?:não|você|vocês|obrigad[oa]|às|está|ótimo|semana|amanhã|manhã|pode|podemos|com|uma|pra|para|segunda|terça|quarta|quinta|sexta|feira|fico|estou|abraço|abs|nao|voce|vc|vcs|obg|msm|tb|hj|pq|amanha|manha|rola|beleza|blz)(?![\p{L}'’])/giu,
  fr: /(?<![\p{L}'’])(?:je|vous|nous|les|est|pas|merci|demain|ça|avec|pour|bonjour|cordialement|semaine|lundi|mardi|mercredi|jeudi|vendredi|c'est|j'ai|d'accord|plutôt|svp|stp|rdv|dispo|bcp|plutot|ca\s+marche)(?![\p{L}'’])/giu,
  de: /(?<![\p{L}'’])(?:ich|wir|sie|nicht|und|der|die|das|ist|um|uhr|passt|gerne|danke|morgen|bitte|mit|für|geht|montag|dienstag|mittwoch|donnerstag|freitag|woche|grüße)(?![\p{L}'’])/giu,
  nl: /(?<![\p{L}'’])(?:ik|we|niet|en|het|een|om|uur|graag|bedankt|prima|morgen|voor|kan|kunnen|maandag|dinsdag|woensdag|donderdag|vrijdag|week|groet|mij|jullie|goed)(?![\p{L}'’])/giu,
  it: /(?<![\p{L}'’])(?:il|lo|gli|di|che|non|alle|sono|grazie|domani|va|bene|per|possiamo|ci|settimana|lunedì|martedì|mercoledì|giovedì|venerdì|buongiorno|cordiali|saluti|mattina|pomeriggio)(?![\p{L}'’])/giu,
};

/** How many of each language's own short words the text holds. */
export function cueCounts(text: string): Record<Lang, number> {
  const out = {} as Record<Lang, number>;
  for (const [lang, re] of Object.entries(CUES) as [Lang, RegExp][]) out[lang] = [...text.matchAll(re)].length;
  return out;
}
