import { htmlToText, visibleHtmlToText } from './html.js';
import {
  HEADER_KEY, HEADER_NEXT, MOBILE_SIGNATURE, SIGN_OFF, forwardNote, headerBlockAt, isDelimiter, isQuote, isSeparator, replyHeaderAt,
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

/**
 * Who sent the reply and who the rep is: with them, an answer an assistant or colleague forwards from someone on the
 * prospect's side ("see Mr Tan's note below") is read as the reply's own text (see `forwardedAnswer`).
 */
export interface ReplySides {
  /** The reply's sender address. */
  from?: string | null;
  /** The rep's address, when known: a block the rep sent is never the prospect's answer. */
  rep?: string | null;
}

export function splitReply(input: { text?: string | null; html?: string | null } & ReplySides): SplitText {
  const sides: ReplySides = { from: input.from ?? null, rep: input.rep ?? null };
  const text = (input.text ?? '').trim();
  if (text && !looksLikeHtml(text)) return splitPlain(text, sides);
  const html = input.html ?? (looksLikeHtml(text) ? text : '');
  if (!html) return { visible: '', quoted: '', signature: '' };
  const { text: head, quoted } = visibleHtmlToText(html);
  const plain = splitPlain(head, sides);
  // A forwarded answer the HTML quote markers cut away whole (Gmail puts a forward inside "gmail_quote"): read the
  // whole body, and keep that reading only when it finds the forwarded answer.
  if (quoted && !plain.forwarded && sides.from && forwardNote(plain.visible)) {
    const whole = splitPlain(htmlToText(html.replace(/<!--[\s\S]*?-->/g, '')), sides);
    if (whole.forwarded) return stripFlag(whole);
  }
  return { visible: plain.visible, quoted: [plain.quoted, quoted].filter(Boolean).join('\n'), signature: plain.signature };
}

function stripFlag(s: SplitText & { forwarded?: boolean }): SplitText {
  return { visible: s.visible, quoted: s.quoted, signature: s.signature };
}

function looksLikeHtml(s: string): boolean {
  return /^\s*(?:<!doctype html|<html|<div|<p[\s>]|<body|<table|<meta)/i.test(s);
}

const MAX_LINE_SCAN = 2000;

/** Plain-text reply trimming (line based; see markers.ts for the patterns). */
export function splitPlain(raw: string, sides: ReplySides = {}): SplitText & { forwarded?: boolean } {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n').slice(0, MAX_LINE_SCAN);
  const cut = findCut(lines);
  const own = splitAt(lines, cut);
  const inner = cut.kind !== 'none' && sides.from ? forwardedAnswer(lines, cut, own.visible, sides) : null;
  if (!inner) return own;
  // The note ("Please see Mr Tan's note below") and the forwarded answer under it are read together; the rest (the
  // rep's message quoted under the answer) stays quoted history.
  // The note's own closing ("Best regards,\nMichelle Ong") goes: left between the two, it would read as the sign-off
  // that ends the reply and cut the answer away as a signature.
  return { visible: tidy([...withoutClosing(own.visible.split('\n')), '', inner.visible].join('\n').split('\n')), quoted: inner.quoted, signature: own.signature, forwarded: true };
}

/** The lines above a closing sign-off and the name under it. */
function withoutClosing(lines: string[]): string[] {
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 4); i--) {
    if (SIGN_OFF.test(lines[i] ?? '') && lines.slice(i + 1).filter((l) => l.trim()).length <= 2) return lines.slice(0, i);
  }
  return lines;
}

/**
 * The answer of someone on the prospect's side that an assistant or colleague forwards below a note pointing to it
 * ("Please see Mr Tan's note below", "Le reenvío la respuesta del Sr. X", "anbei die Rückmeldung von Frau Y"): the
 * block under the inner header, read up to the next header. Only when the note points to a forwarded answer, the inner
 * header names its sender, and that sender is someone else on the prospect's side (the reply sender's own domain,
 * not the sender) and is not the rep: the rep's own quoted message is never read as the prospect's words.
 */
function forwardedAnswer(lines: string[], cut: Cut, note: string, sides: ReplySides): SplitText | null {
  if (!note.trim() || !forwardNote(note)) return null;
  // An Outlook rule of underscores above the inner header cuts as a delimiter: the header follows it.
  let i = cut.kind === 'header' ? cut.index : historyStart(lines, cut.index);
  let sender: string | null = null;
  let quotedBlock = false;
  const h = replyHeaderAt(lines, i);
  if (h > 0) {
    // "On …, Nadia <nadia@…> wrote:" over the answer quoted with ">".
    sender = addressIn(lines.slice(i, i + h).join(' '));
    i += h;
    quotedBlock = true;
  } else {
    while (i < lines.length && (isSeparator(lines[i] ?? '') || isDelimiter(lines[i] ?? '') || !(lines[i] ?? '').trim())) i++;
    if (!HEADER_KEY.test(lines[i] ?? '')) return null;
    sender = addressIn(lines[i] ?? '');
    // The header block runs to its first blank line ("From:", "Sent:", "To:", "Subject:", wrapped lists).
    while (i < lines.length && (lines[i] ?? '').trim()) {
      if (HEADER_KEY.test(lines[i] ?? '') || HEADER_NEXT.test(lines[i] ?? '')) sender ??= addressIn(lines[i] ?? '');
      i++;
    }
  }
  if (!sender || !sameSide(sender, sides)) return null;
  let rest = lines.slice(i);
  if (quotedBlock) {
    const first = rest.findIndex((l) => l.trim() !== '');
    if (first < 0 || !isQuote(rest[first] ?? '')) return null;
    rest = rest.filter((l) => isQuote(l) || !l.trim()).map((l) => l.replace(/^\s*>\s?/, ''));
  }
  const inner = splitPlain(rest.join('\n'));
  return inner.visible.trim() ? inner : null;
}

function addressIn(s: string): string | null {
  const m = /[\w.+'-]+@[\w-]+(?:\.[\w-]+)+/.exec(s);
  return m ? m[0].toLowerCase() : null;
}

/** The inner sender writes from the reply sender's own domain (a subdomain counts) and is not the rep. */
function sameSide(sender: string, sides: ReplySides): boolean {
  const from = (sides.from ?? '').toLowerCase();
  const rep = (sides.rep ?? '').toLowerCase();
  // The reply's sender forwarding their own mail ("I have forwarded your message to our procurement lead (see below)")
  // hands on no one's answer: their note to a colleague is no reply to the rep.
  if (!from || sender === rep || sender === from) return false;
  const a = sender.split('@')[1] ?? '';
  const b = from.split('@')[1] ?? '';
  if (!a || !b) return false;
  // A shared webmail domain says nothing of whose side the sender is on.
  if (FREE_MAIL.test(b)) return false;
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}

const FREE_MAIL = /^(?:gmail|googlemail|outlook|hotmail|live|msn|yahoo|ymail|icloud|me|mac|aol|gmx|web|proton|protonmail|pm|zoho|mail|yandex|libero|orange|free|wanadoo|laposte|t-online|freenet|ziggo|kpnmail|uol|bol|terra|hotmail|virgilio|tiscali|alice|tim)\.[a-z.]+$/i;

function splitAt(lines: string[], cut: Cut): SplitText {
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
