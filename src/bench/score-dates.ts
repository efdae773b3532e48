import { join } from 'node:path';
import { DateTime, FixedOffsetZone } from 'luxon';
import * as chrono from 'chrono-node';
import { extractTimes } from '../domain/reply/index.js';
import { matchVagueRange } from '../domain/reply/intent.js';
import { readJson, ratio } from './corpora.js';

export interface DateScore { positives: number; negatives: number; followup: { start: number; none: number }; chrono: { start: number; none: number }; failures: string[] }

/**
 * A phrase read by followup: the first time, else the start of a vague range ("next week"). A case's forwardDate
 * option is passed to both systems, and so is its strict mode (chrono gets `chrono.strict`, followup `strict: true`,
 * which reads no vague ranges).
 */
interface Read { start: Date; dayOnly: boolean }

function followupRead(text: string, ref: Date, zone: string, forwardDate?: boolean, strict?: boolean): Read | null {
  const t = extractTimes(text, ref, zone, { ...(forwardDate ? { forwardDate } : {}), ...(strict ? { strict } : {}) })[0];
  if (t) return { start: t.start, dayOnly: t.grain === 'day' || (t.grain === 'window' && !/\d/.test(t.text)) };
  if (strict) return null;
  const r = matchVagueRange(text, ref, zone);
  return r ? { start: r.start, dayOnly: true } : null;
}

type ChronoParser = { parse: (t: string, ref: chrono.ParsingReference, o?: chrono.ParsingOption) => chrono.ParsedResult[] };

function chronoRead(parser: ChronoParser, text: string, ref: Date, offset: number, forwardDate: boolean): Read | null {
  const r = parser.parse(text, { instant: ref, timezone: offset }, { forwardDate })[0];
  return r ? { start: r.start.date(), dayOnly: !r.start.isCertain('hour') } : null;
}

interface Expect { year?: number; month?: number; day?: number; hour?: number; minute?: number; dayOnlyOk: boolean }

function matches(read: Read | null, exp: Expect, zone: string | number): boolean {
  if (!read) return false;
  const d = DateTime.fromJSDate(read.start, { zone: typeof zone === 'number' ? FixedOffsetZone.instance(zone) : zone });
  const checks: [number | undefined, number][] = [[exp.year, d.year], [exp.month, d.month], [exp.day, d.day]];
  if (!(read.dayOnly && exp.dayOnlyOk)) checks.push([exp.hour, d.hour], [exp.minute, d.minute]);
  return checks.every(([want, got]) => want === undefined || want === got);
}

function wall(s: string): Expect {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(s);
  if (!m) return { dayOnlyOk: false };
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  return { year: y, month: mo, day: d, hour: h, minute: mi, dayOnlyOk: h === 12 && mi === 0 };
}

interface ChronoCase {
  text: string; parser: string; call: string; options_expr?: string; expect_no_result?: boolean; expect_statements?: string[];
  ref_date?: { local?: string; js_date_string?: string } | null; ref_date_expr?: string;
  expected?: { start_date?: { local?: string; utc?: string }; start_components?: Record<string, unknown> };
}

const CHRONO_ZONE_US = 'America/Danmarkshavn'; // UTC+0 all year, month-first numeric dates
const FIXED_REF = new Date(Date.UTC(2024, 0, 1, 12));

/** chrono's own English test cases; wall-clock references read in UTC+0. */
export function scoreChrono(corpora: string): DateScore {
  const cases = readJson<ChronoCase[]>(join(corpora, 'chrono', 'chrono_en_cases.derived.json'));
  let pos = 0; let neg = 0;
  const ok = { f: 0, c: 0, fn: 0, cn: 0 };
  const failures: string[] = [];
  for (const c of cases) {
    const gb = c.parser === 'chrono.en.GB';
    if (!/^chrono(?:\.casual|\.strict|\.en|\.en\.GB)?$/.test(c.parser)) continue;
    const ref = refOf(c);
    if (!ref) continue;
    const strict = c.parser === 'chrono.strict';
    const parser: ChronoParser = strict ? chrono.strict : gb ? chrono.en.GB : chrono.casual;
    const forward = /forwardDate:\s*true/.test(c.options_expr ?? '');
    const zone = gb ? 'UTC' : CHRONO_ZONE_US;
    if (c.expect_no_result) {
      neg++;
      const fRead = followupRead(c.text, ref, zone, forward, strict);
      if (!fRead) ok.fn++; else failures.push(describe(c.text, ref, null, fRead, !chronoRead(parser, c.text, ref, 0, forward), 0));
      if (!chronoRead(parser, c.text, ref, 0, forward)) ok.cn++;
      continue;
    }
    const exp = expectOf(c);
    if (!exp) continue;
    pos++;
    const tz = expectedOffset(c);
    const fRead = followupRead(c.text, ref, zone, forward, strict);
    const cRead = chronoRead(parser, c.text, ref, 0, forward);
    const cOk = matches(cRead, exp, tz);
    if (cOk) ok.c++;
    if (matches(fRead, exp, tz)) ok.f++; else failures.push(describe(c.text, ref, exp, fRead, cOk, tz));
  }
  return { positives: pos, negatives: neg, followup: { start: ratio(ok.f, pos), none: ratio(ok.fn, neg) }, chrono: { start: ratio(ok.c, pos), none: ratio(ok.cn, neg) }, failures };
}

/**
 * The offset (minutes) the expected wall-clock components are written in: 0 for an expected UTC instant; else the
 * component, which upstream often writes as arithmetic ("-(8 * 60 + 45)") or only asserts in a statement.
 */
function expectedOffset(c: ChronoCase): number {
  if (c.expected?.start_date?.utc) return 0;
  const raw = c.expected?.start_components?.timezoneOffset;
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'string') {
    const m = /^\s*(-)?\s*\(?\s*(-?\d+)\s*\*\s*60\s*(?:([+-])\s*(\d+))?\s*\)?\s*$/.exec(raw);
    if (m) {
      const inner = Number(m[2]) * 60 + (m[3] === '-' ? -1 : 1) * Number(m[4] ?? 0);
      return m[1] ? -inner : inner;
    }
    return 0;
  }
  for (const st of c.expect_statements ?? []) {
    const m = /get\("timezoneOffset"\)\)\.(?:toStrictEqual|toBe)\((-?\d+)\)/.exec(st);
    if (m) return Number(m[1]);
  }
  return 0;
}

function refOf(c: ChronoCase): Date | null {
  if (c.ref_date?.local) return new Date(`${c.ref_date.local}Z`);
  if (!c.ref_date && c.ref_date_expr) {
    // Literal references the extraction left as code: new Date(2023, 4 - 1, 9), new Date(1637674343000), new Date("…").
    const wallClock = /^new Date\((\d{4}),\s*(\d{1,2})\s*-\s*1,\s*(\d{1,2})(?:,\s*(\d{1,2}))?(?:,\s*(\d{1,2}))?\)/.exec(c.ref_date_expr);
    if (wallClock) {
      const [y, mo, d, h, mi] = wallClock.slice(1).map((v) => Number(v ?? 0));
      return new Date(Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0));
    }
    const instant = /new Date\((\d{10,})\)|new Date\("([^"]+)"\)/.exec(c.ref_date_expr);
    if (instant) {
      const d = instant[1] ? new Date(Number(instant[1])) : new Date(instant[2] ?? '');
      if (!Number.isNaN(d.getTime())) return d;
    }
  }
  if (c.ref_date?.js_date_string) {
    const d = new Date(`${c.ref_date.js_date_string} UTC`);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return FIXED_REF;
}

function expectOf(c: ChronoCase): Expect | null {
  const sd = c.expected?.start_date;
  if (sd?.local) return wall(sd.local);
  if (sd?.utc) return wall(sd.utc);
  const comp = c.expected?.start_components;
  if (!comp) return null;
  const num = (k: string) => (typeof comp[k] === 'number' ? (comp[k] as number) : undefined);
  const e: Expect = { year: num('year'), month: num('month'), day: num('day'), hour: num('hour'), minute: num('minute'), dayOnlyOk: false };
  return Object.values(e).some((v) => typeof v === 'number') ? e : null;
}

interface DucklingRecord { locale: string; section: string; ref_time: string; kind: string; start?: string; grain?: string; phrase: string; direction?: string }

const DAY_FIRST_LOCALES = new Set(['EN_GB', 'EN_AU', 'EN_NZ', 'EN_IE', 'EN_IN', 'EN_ZA', 'EN_JM', 'EN_BZ', 'EN_TT']);

/** duckling's English time corpus (reference 2013-02-12 04:30 UTC−2); compared at the expected grain. */
export function scoreDuckling(corpora: string): DateScore {
  const records = readJson<DucklingRecord[]>(join(corpora, 'duckling', 'duckling_en_time_duration.derived.json'));
  let pos = 0; let neg = 0;
  const ok = { f: 0, c: 0, fn: 0, cn: 0 };
  const failures: string[] = [];
  for (const r of records) {
    if (r.kind === 'duration') continue;
    const ref = new Date(r.ref_time);
    const dayFirst = DAY_FIRST_LOCALES.has(r.locale);
    const zone = dayFirst ? 'Etc/GMT+2' : 'America/Noronha'; // both UTC−2; Noronha reads 11/24 month-first
    const parser: ChronoParser = dayFirst ? chrono.en.GB : chrono.casual;
    if (r.kind === 'negative') {
      neg++;
      const fRead = followupRead(r.phrase, ref, zone);
      const cNone = !chronoRead(parser, r.phrase, ref, -120, false);
      if (!fRead) ok.fn++; else failures.push(describe(`${r.locale} ${r.phrase}`, ref, null, fRead, cNone, -120));
      if (cNone) ok.cn++;
      continue;
    }
    if (!r.start) continue;
    pos++;
    const exp = atGrain(wall(r.start), r.grain ?? 'Second');
    const fRead = followupRead(r.phrase, ref, zone);
    const cOk = matches(chronoRead(parser, r.phrase, ref, -120, false), exp, -120);
    if (cOk) ok.c++;
    if (matches(fRead, exp, -120)) ok.f++; else failures.push(describe(`${r.locale} ${r.phrase}`, ref, exp, fRead, cOk, -120));
  }
  return { positives: pos, negatives: neg, followup: { start: ratio(ok.f, pos), none: ratio(ok.fn, neg) }, chrono: { start: ratio(ok.c, pos), none: ratio(ok.cn, neg) }, failures };
}

/** One failure line: phrase, reference, expectation (null = "no time here"), what followup read, and whether chrono-node got it. */
function describe(text: string, ref: Date, exp: Expect | null, read: Read | null, chronoOk: boolean, offset: number): string {
  const at = (d: Date) => DateTime.fromJSDate(d, { zone: FixedOffsetZone.instance(offset) }).toFormat("yyyy-MM-dd'T'HH:mm");
  const want = exp ? [exp.year, exp.month, exp.day, exp.hour, exp.minute].map((v) => v ?? '*').join('/') : 'none';
  const got = read ? `${at(read.start)}${read.dayOnly ? ' (day)' : ''}` : 'none';
  return `${JSON.stringify(text)} ref ${at(ref)} want ${want} got ${got}${chronoOk ? ' [chrono ok]' : ''}`;
}

function atGrain(e: Expect, grain: string): Expect {
  switch (grain) {
    case 'Year': return { year: e.year, dayOnlyOk: true };
    case 'Quarter': case 'Month': return { year: e.year, month: e.month, dayOnlyOk: true };
    case 'Week': case 'Day': return { year: e.year, month: e.month, day: e.day, dayOnlyOk: true };
    case 'Hour': return { ...e, minute: undefined, dayOnlyOk: false };
    default: return { ...e, dayOnlyOk: false };
  }
}
