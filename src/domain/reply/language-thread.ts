import { detectLanguage, type LanguageGuess } from './language.js';
import { quotedBody } from './quoted-offers.js';

/**
 * "jue 15hs dale", "gio h15 ok": a reply of a few words is too short for the detector (it finds no language, or one
 * the n-grams of two abbreviations suggest), and is read in the language of the thread it answers when the quoted
 * history is clearly in one. The reply's own guess stays the runner-up (its rules are applied too); the reading is
 * marked unsure. A Content-Language header the reply carries is kept.
 */
export function withThreadLanguage(own: LanguageGuess, reply: string, quoted: string): LanguageGuess {
  if (own.source === 'content-language' || !quoted.trim()) return own;
  const words = reply.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w)).length;
  const short = own.source === 'default' || words <= 3 || (!own.reliable && words <= 5);
  if (!short) return own;
  const thread = detectLanguage(quotedBody(quoted).split('\n').slice(0, 40).join('\n'));
  // English rules are applied to every reply already: an English thread adds nothing to read by.
  if (!thread.reliable || thread.source !== 'detector' || thread.lang === own.lang || thread.lang === 'en') return own;
  // An unsure guess of a longer reply is only overruled by the language it was unsure of.
  if (own.source !== 'default' && words > 3 && own.runnerUp !== thread.lang) return own;
  return { lang: thread.lang, runnerUp: own.source === 'default' ? null : own.lang, reliable: false, source: 'detector' };
}
