import { join } from 'node:path';
import { extractVisibleText, htmlToText, splitReply } from '../domain/reply/index.js';
import { parseRawEmail } from '../mail/parse-mime.js';
import { listFiles, normalise, ratio, readJson, readText } from './corpora.js';
import { peers } from './peers.js';

export interface TextScore {
  n: number; followup: number; emailReplyParser: number;
  /** planer in its best mode for the set, and which mode that was (HTML mode with a DOM, or plain text). */
  planer: number; planerMode: 'html' | 'text';
  failures: string[];
}

type Extractor = (input: { text?: string; html?: string }) => string;

const SYSTEMS: Record<'followup' | 'emailReplyParser' | 'planer' | 'planerHtml', Extractor> = {
  followup: (i) => extractVisibleText({ text: i.text ?? null, html: i.html ?? null }),
  // email-reply-parser reads plain text only: HTML gets the neutral conversion (blockquotes → "> " lines).
  emailReplyParser: (i) => peers.emailReplyParser(i.text ?? htmlToText(i.html ?? '')),
  // planer in its best mode: HTML replies through its HTML mode with a DOM (jsdom), its result then as text.
  planer: (i) => peers.planer(i.text ?? htmlToText(i.html ?? '')),
  planerHtml: (i) => (i.html !== undefined ? htmlToText(peers.planerHtml(i.html)) : peers.planer(i.text ?? '')),
};

/**
 * talon's plain task is quotation removal only (its expected replies keep "-- \nAlex" and "Sent from my iPhone"), so
 * followup is scored there on its reply text without the quoted history: the new text plus its sign-off.
 */
const withoutQuotes: Extractor = (i) => {
  const s = splitReply({ text: i.text ?? null, html: i.html ?? null });
  return [s.visible, s.signature].filter(Boolean).join('\n\n');
};

function score(cases: { id: string; input: { text?: string; html?: string }; expected: string; cmp: (a: string, b: string) => boolean }[], followup: Extractor = SYSTEMS.followup): TextScore {
  const ok = { followup: 0, emailReplyParser: 0, planer: 0, planerHtml: 0 };
  const failures: string[] = [];
  for (const c of cases) {
    for (const key of Object.keys(SYSTEMS) as (keyof typeof SYSTEMS)[]) {
      let out = '';
      try { out = (key === 'followup' ? followup : SYSTEMS[key])(c.input); } catch { out = '\u0000error'; }
      if (c.cmp(out, c.expected)) ok[key]++;
      else if (key === 'followup') failures.push(c.id);
    }
  }
  const n = cases.length;
  const html = ratio(ok.planerHtml, n);
  const text = ratio(ok.planer, n);
  return { n, followup: ratio(ok.followup, n), emailReplyParser: ratio(ok.emailReplyParser, n), planer: Math.max(html, text), planerMode: html > text ? 'html' : 'text', failures };
}

const exact = (a: string, b: string) => normalise(a) === normalise(b);
const noSpace = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

/** discourse/email_reply_trimmer: emails/X.txt → trimmed/X.txt, exact after whitespace normalisation. */
export function scoreDiscourse(corpora: string): TextScore {
  const dir = join(corpora, 'discourse-email_reply_trimmer', 'test');
  const cases = listFiles(join(dir, 'emails'), '.txt').map((f) => ({
    id: f,
    input: { text: readText(join(dir, 'emails', f)) },
    expected: readText(join(dir, 'trimmed', f)),
    cmp: exact,
  }));
  return score(cases);
}

interface TalonCase { input: string; task: string; expected_reply_text?: string }

/** mailgun/talon: HTML replies (whitespace-insensitive) and standard MIME replies (text/plain part). */
export async function scoreTalon(corpora: string): Promise<{ html: TextScore; standard: TextScore }> {
  const dir = join(corpora, 'mailgun-talon');
  const spec = readJson<{ cases: TalonCase[] }>(join(dir, 'EXPECTATIONS.derived.json'));
  const html = spec.cases.filter((c) => c.task === 'html_reply_extraction').map((c) => ({
    id: c.input, input: { html: readText(join(dir, c.input)) }, expected: c.expected_reply_text ?? '', cmp: noSpace,
  }));
  const standard = [];
  for (const c of spec.cases.filter((x) => x.task === 'plain_reply_extraction')) {
    const msg = await parseRawEmail(readText(join(dir, c.input)), c.input);
    standard.push({ id: c.input, input: { text: msg.text }, expected: c.expected_reply_text ?? '', cmp: exact });
  }
  return { html: score(html), standard: score(standard, withoutQuotes) };
}
