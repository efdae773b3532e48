import { visibleHtmlToText } from './html.js';
import {
  MOBILE_SIGNATURE, SIGN_OFF, headerBlockAt, isDelimiter, isQuote, isSeparator, replyHeaderAt,
} from './markers.js';

export interface SplitText {
  /** The prospect's new text, quotes and signature removed. */
  visible: string;
  /** The quoted history (">" prefixes removed), used to resolve "yes, that works". */
  quoted: string;
  /** The sign-off below the new text and above the history ("-- \nAlex", "Sent from my iPhone"): neither new text nor quote. */
  signature: string;
}

/** The visible (new) text of a reply: quoted history, forwarded parts and signatures removed. */
export function extractVisibleText(input: { text?: string | null; html?: string | null }): string {
  return splitReply(input).visible;
}

export function splitReply(input: { text?: string | null; html?: string | null }): SplitText {
  const text = (input.text ?? '').trim();
  if (text && !looksLikeHtml(text)) return splitPlain(text);
  const html = input.html ?? (looksLikeHtml(text) ? text : '');
  if (!html) return { visible: '', quoted: '', signature: '' };
  const { text: head, quoted } = visibleHtmlToText(html);
  const plain = splitPlain(head);
  return { visible: plain.visible, quoted: [plain.quoted, quoted].filter(Boolean).join('\n'), signature: plain.signature };
}

function looksLikeHtml(s: string): boolean {
  return /^\s*(?:<!doctype html|<html|<div|<p[\s>]|<body|<table|<meta)/i.test(s);
}

const MAX_LINE_SCAN = 2000;

/** Plain-text reply trimming (line based; see markers.ts for the patterns). */
export function splitPlain(raw: string): SplitText {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n').slice(0, MAX_LINE_SCAN);
  const cut = findCut(lines);
  let body = lines.slice(0, cut.index);
  const historyAt = cut.kind === 'header' ? cut.index : historyStart(lines, cut.index);
  const quoted = lines.slice(historyAt);
  if (!hasText(body) && cut.kind === 'header') {
    // Reply written below the quote ("On ... wrote:\n> quote\n\nmy answer").
    const after = lines.slice(cut.index + cut.length);
    let below = 0;
    let sawQuote = false;
    while (below < after.length && (isQuote(after[below] ?? '') || !(after[below] ?? '').trim())) {
      if (isQuote(after[below] ?? '')) sawQuote = true;
      below++;
    }
    if (!sawQuote) below = 0;
    if (below > 0 && below < after.length) {
      const rest = splitPlain(after.slice(below).join('\n'));
      return { visible: rest.visible, quoted: [...lines.slice(cut.index, cut.index + cut.length + below).map(unquote), rest.quoted].join('\n'), signature: rest.signature };
    }
  }
  body = dropTrailingQuotes(body, quoted);
  const sig = signatureStart(body);
  // The signature is neither new text nor quoted history (its hours and phone are never proposals).
  const signature = tidy(lines.slice(sig, Math.max(sig, historyAt)).filter((l) => !isQuote(l)));
  body = body.slice(0, sig);
  return { visible: tidy(body), quoted: quoted.map(unquote).join('\n').trim(), signature };
}

interface Cut { index: number; length: number; kind: 'header' | 'delimiter' | 'none' }

function findCut(lines: string[]): Cut {
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^\s*```/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const h = replyHeaderAt(lines, i);
    if (h > 0) return { index: i, length: h, kind: 'header' };
    if (isSeparator(line)) return { index: i, length: 1, kind: 'header' };
    if (headerBlockAt(lines, i)) return { index: backOverRule(lines, i), length: 1, kind: 'header' };
    if (isDelimiter(line) && !/^\s*```/.test(line)) return { index: i, length: 1, kind: 'delimiter' };
    // "Sent from my iPhone", not "Sent from my desk, is much easier than my phone." (a sentence goes on after a comma).
    if (MOBILE_SIGNATURE.test(line) && !/,\s+\p{Ll}+\s+\p{Ll}/u.test(line) && hasText(lines.slice(0, i))) return { index: i, length: 1, kind: 'delimiter' };
  }
  return { index: lines.length, length: 0, kind: 'none' };
}

/** An Outlook header block is often preceded by a rule of underscores: cut there. */
function backOverRule(lines: string[], i: number): number {
  let j = i - 1;
  while (j >= 0 && !(lines[j] ?? '').trim()) j--;
  return j >= 0 && isDelimiter(lines[j] ?? '') ? j : i;
}

/** After a signature delimiter, the quoted history starts at the next header or ">" line. */
function historyStart(lines: string[], from: number): number {
  for (let i = from; i < lines.length; i++) {
    if (isQuote(lines[i] ?? '') || replyHeaderAt(lines, i) > 0 || isSeparator(lines[i] ?? '') || headerBlockAt(lines, i)) return i;
  }
  return lines.length;
}

function dropTrailingQuotes(body: string[], quoted: string[]): string[] {
  let end = body.length;
  while (end > 0 && (!(body[end - 1] ?? '').trim() || isQuote(body[end - 1] ?? ''))) end--;
  if (end < body.length) quoted.unshift(...body.slice(end));
  return body.slice(0, end);
}

const CONTACT_LINE =
  /(?:\+?\d[\d\s().-]{6,}\d|\b(?:erreichbar|bereikbaar|disponible|horario|orari|horário|heures\s+d['’]ouverture|öffnungszeiten|openingstijden)\b|\b(?:mo|ma|lun|l|mon|seg)\s*[–-]\s*(?:do|fr|vr|ven|v|fri|sex|jue|gio|jeu)\b|@[\w-]+\.|https?:\/\/|www\.|\b(?:tel|phone|mobile|mob|cell|fax|office|direct|t|m|p|e)\s*[:.]|office hours|business hours|available\s+\w+\s*[-–]\s*\w+|linkedin|\|)/i;

/** Index of the first signature line, or body.length when none. */
function signatureStart(body: string[]): number {
  const n = body.length;
  // "-- " sign-off / contact block after a sign-off line near the end.
  for (let i = Math.max(0, n - 12); i < n; i++) {
    if (!SIGN_OFF.test(body[i] ?? '')) continue;
    const tail = body.slice(i + 1);
    const nameIdx = tail.findIndex((l) => l.trim() !== '');
    if (nameIdx < 0) return n;
    const nameLine = (tail[nameIdx] ?? '').trim();
    const isName = nameLine.length <= 40 && !CONTACT_LINE.test(nameLine) && nameLine.split(/\s+/).length <= 4;
    const keepUntil = isName ? i + 1 + nameIdx + 1 : i + 1;
    const rest = body.slice(keepUntil).filter((l) => l.trim());
    if (rest.length === 0) return n;
    if (rest.length <= 8) return keepUntil;
  }
  // Trailing contact block (phone, office hours) separated by a blank line.
  let j = n;
  while (j > 0 && (body[j - 1] ?? '').trim()) j--;
  const block = body.slice(j).filter((l) => l.trim());
  if (j > 0 && block.length > 0 && block.length <= 6 && block.filter((l) => CONTACT_LINE.test(l)).length >= Math.ceil(block.length / 2)) {
    return j;
  }
  // A name card: a name line ("Rachel Whitmore"), a title or company, and a phone or office hours.
  const name = (block[0] ?? '').trim();
  if (j > 0 && block.length >= 2 && block.length <= 8 && /^\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}?[\p{L}.'’-]+){0,3}$/u.test(name) && block.slice(1).some((l) => CONTACT_LINE.test(l))) {
    return j;
  }
  return n;
}

/** A signature left above a legal footer (the footer dropped first): "Mike Alvarez / Director / o: (312) 555-0187". */
export function dropSignature(text: string): string {
  const lines = text.split('\n');
  return tidy(lines.slice(0, signatureStart(lines)));
}

function hasText(lines: string[]): boolean {
  return lines.some((l) => l.trim() !== '' && !isQuote(l));
}

function unquote(line: string): string {
  return line.replace(/^\s*(?:>\s?)+/, '');
}

function tidy(lines: string[]): string {
  // Lines of tracking glyphs only (Gmail add-ons append "ᐧ") carry no text.
  return lines.filter((l) => !/^[\s\u1427\u200b-\u200d\u2060\ufeff]+$/.test(l) || !l.trim()).join('\n').replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim();
}
