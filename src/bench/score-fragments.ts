import { join } from 'node:path';
import { extractVisibleText } from '../domain/reply/index.js';
import { normalise, ratio, readJson, readText } from './corpora.js';
import { peers } from './peers.js';

/**
 * The reply-parser sets whose expectations live in upstream test code (github/email_reply_parser and its ports:
 * crisp-oss, willdurand, zapier). Their assertions speak of each library's fragments; they are turned into checks on
 * the visible text any system returns:
 * - a whole-reply assertion (`parse_reply(body) == "…"`, `getVisibleText()`, `message.reply`) must match exactly;
 * - a visible fragment's content (`fragments[0] == "…"`, `/^Awesome/`) must be in the visible text;
 * - a hidden fragment's content (quoted history, signature) of at least 4 letters must not be.
 * Tests with no content assertion (fragment counts only) are left out.
 */

type Check = { kind: 'exact'; text: string } | { kind: 'has' | 'hasNot'; re: RegExp; source: string };
interface FragmentTest { id: string; fixture: string; checks: Check[] }
export interface FragmentScore { n: number; skipped: number; followup: number; emailReplyParser: number; planer: number; failures: string[] }

interface Spec { constants?: Record<string, string>; tests: { test: string; fixtures?: string[]; assertions: string[]; normalized?: unknown }[] }

const STRING = /"((?:[^"\\]|\\[\s\S])*)"|'((?:[^'\\]|\\[\s\S])*)'|<<<EMAIL\n([\s\S]*?)\nEMAIL/;

function unescape(s: string): string {
  return s.replace(/\\(u\{[0-9a-f]+\}|u[0-9a-f]{4}|[\s\S])/gi, (_m, e: string) => {
    if (/^u/i.test(e)) return String.fromCodePoint(parseInt(e.replace(/[u{}]/gi, ''), 16));
    return ({ n: '\n', t: '\t', r: '\r', '"': '"', "'": "'", '\\': '\\' } as Record<string, string>)[e] ?? e;
  });
}

function literal(a: string, constants: Record<string, string>): string | null {
  const c = /(?:self::|static::)?(COMMON_FIRST_FRAGMENT)/.exec(a);
  if (c?.[1] && constants[c[1]]) return constants[c[1]] ?? null;
  const m = STRING.exec(a);
  if (!m) return null;
  return m[3] !== undefined ? m[3] : unescape(m[1] ?? m[2] ?? '');
}

function regexIn(a: string): RegExp | null {
  const m = /\/((?:[^/\\\n]|\\.)+)\/\w*\s*[,.)]/.exec(a) ?? /re\.match\(\s*'([^']+)'/.exec(a) ?? /assertMatchesRegularExpression\(\s*'\/(.+)\/'/.exec(a);
  if (!m?.[1]) return null;
  try { return new RegExp(m[1].replace(/\\n/g, '\n'), 'm'); } catch { return null; }
}

function hiddenFlags(assertions: string[]): boolean[] | null {
  for (const a of assertions) {
    if (!/hidden|isHidden/.test(a) || !/\[/.test(a)) continue;
    const list = /\[\s*((?:true|false)(?:\s*,\s*(?:true|false))*)\s*\]/i.exec(a);
    if (list?.[1]) return list[1].split(',').map((x) => /true/i.test(x));
  }
  const flags: boolean[] = [];
  for (const a of assertions) {
    const m = /assert(True|False)\(\$fragments\[(\d)\]->isHidden\(\)\)/.exec(a);
    if (m) flags[Number(m[2])] = m[1] === 'True';
  }
  return flags.length ? flags : null;
}

const letters = (s: string) => s.replace(/\\.|[^\p{L}\p{N}]/gu, '').length;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function checksFor(assertions: string[], constants: Record<string, string>): Check[] {
  const hidden = hiddenFlags(assertions);
  const checks: Check[] = [];
  for (const a of assertions) {
    if (/parse_?[Rr]eply\(|getVisibleText\(\)|message\.reply|\.visible_text/.test(a) && !/fragments/.test(a)) {
      const s = literal(a, constants);
      if (s === null) continue;
      if (/\bin\s+message\.reply/.test(a)) checks.push({ kind: 'has', re: new RegExp(escape(normalise(s))), source: s });
      else checks.push({ kind: 'exact', text: s });
      continue;
    }
    const k = /fragments\[(\d)\]/.exec(a)?.[1];
    if (k === undefined || /is(?:Hidden|Quoted|Signature)|\.(?:hidden|quoted|signature)\b|encoding/.test(a)) continue;
    const idx = Number(k);
    const visible = hidden ? hidden[idx] === false : idx === 0;
    const re = /\.test\(|assert_match|MatchesRegular|re\.match|\bin\s+(?:message|msg)\.fragments/.test(a) && !/^\s*self\.assertTrue\(\s*["']/.test(a) ? regexIn(a) : null;
    const text = re ? null : literal(a, constants);
    const source = re ? re.source : text ?? '';
    if (!source || (!visible && letters(source) < 4)) continue;
    const pattern = re ? new RegExp(visible && idx === 0 ? re.source : re.source.replace(/^\^/, ''), 'm') : new RegExp(escape(normalise(text ?? '')));
    checks.push({ kind: visible ? 'has' : 'hasNot', re: pattern, source });
  }
  return checks;
}

function passes(out: string, checks: Check[]): boolean {
  const flat = normalise(out);
  return checks.every((c) => {
    if (c.kind === 'exact') return flat === normalise(c.text);
    const hit = c.re.test(out) || c.re.test(flat);
    return c.kind === 'has' ? hit : !hit;
  });
}

const SYSTEMS: Record<'followup' | 'emailReplyParser' | 'planer', (text: string) => string> = {
  followup: (text) => extractVisibleText({ text }),
  emailReplyParser: (text) => peers.emailReplyParser(text),
  planer: (text) => peers.planer(text),
};

export function scoreFragmentSet(corpora: string, dir: string): FragmentScore {
  const spec = readJson<Spec>(join(corpora, dir, 'EXPECTATIONS.derived.json'));
  const constants = spec.constants ?? {};
  const tests: FragmentTest[] = [];
  let skipped = 0;
  for (const t of spec.tests) {
    const fixture = t.fixtures?.length === 1 ? t.fixtures[0] : undefined;
    const checks = fixture ? checksFor(t.assertions, constants) : [];
    if (!fixture || checks.length === 0) { skipped++; continue; }
    tests.push({ id: t.test, fixture, checks });
  }
  const ok = { followup: 0, emailReplyParser: 0, planer: 0 };
  const failures: string[] = [];
  for (const t of tests) {
    const text = readText(join(corpora, dir, t.fixture));
    for (const key of Object.keys(SYSTEMS) as (keyof typeof SYSTEMS)[]) {
      let out = '';
      try { out = SYSTEMS[key](text); } catch { out = '\u0000error'; }
      if (passes(out, t.checks)) ok[key]++;
      else if (key === 'followup') failures.push(`${dir}/${t.id} (${t.fixture})`);
    }
  }
  const n = tests.length;
  return { n, skipped, followup: ratio(ok.followup, n), emailReplyParser: ratio(ok.emailReplyParser, n), planer: ratio(ok.planer, n), failures };
}

export const FRAGMENT_SETS = ['github-email_reply_parser', 'crisp-email-reply-parser', 'willdurand-EmailReplyParser', 'zapier-email-reply-parser'] as const;
