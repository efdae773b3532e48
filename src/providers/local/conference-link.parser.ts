import type { Conference } from '../../domain/types.js';

/**
 * Finds an online-meeting link (Google Meet, Microsoft Teams, Zoom) in the texts of an event.
 * Texts are tried in the order given (URL, X-GOOGLE-CONFERENCE, LOCATION, DESCRIPTION).
 */
const PATTERNS: { provider: Conference['provider']; re: RegExp; id: (url: string, m: RegExpExecArray) => string }[] = [
  { provider: 'meet', re: /https:\/\/meet\.google\.com\/([a-z]{3}-[a-z]{4}-[a-z]{3})\b[^\s<>"]*/i, id: (_url, m) => m[1]!.toLowerCase() },
  { provider: 'teams', re: /https:\/\/teams\.(?:microsoft|live)\.com\/(?:l\/meetup-join|meet)\/[^\s<>"]+/i, id: (url) => url },
  { provider: 'other', re: /https:\/\/(?:[a-z0-9-]+\.)*zoom\.us\/(?:j|my|w)\/([A-Za-z0-9.]+)[^\s<>"]*/i, id: (_url, m) => m[1]! },
];

export function findConference(texts: (string | null | undefined)[]): Conference | null {
  for (const text of texts) {
    if (!text) continue;
    for (const p of PATTERNS) {
      const m = p.re.exec(text);
      if (!m) continue;
      const url = m[0].replace(/[).,;>\]]+$/, '');
      return { provider: p.provider, id: p.id(url, m), joinUrl: url };
    }
  }
  return null;
}
