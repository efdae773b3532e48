import { expect } from 'vitest';
import { DateTime } from 'luxon';
import { parseReply } from '../../src/domain/reply/index.js';
import type { ParsedReply } from '../../src/domain/types.js';
import { msg } from './helpers.js';

/** Each language's prospect, writing on Monday 17 November 2025 at 09:12 in their own zone. */
export const PROSPECT: Record<string, { zone: string; ref: string }> = {
  en: { zone: 'America/New_York', ref: '2025-11-17T14:12:00Z' },
  es: { zone: 'Europe/Madrid', ref: '2025-11-17T08:12:00Z' },
  pt: { zone: 'America/Sao_Paulo', ref: '2025-11-17T12:12:00Z' },
  fr: { zone: 'Europe/Paris', ref: '2025-11-17T08:12:00Z' },
  de: { zone: 'Europe/Berlin', ref: '2025-11-17T08:12:00Z' },
  nl: { zone: 'Europe/Amsterdam', ref: '2025-11-17T08:12:00Z' },
  it: { zone: 'Europe/Rome', ref: '2025-11-17T08:12:00Z' },
};

export function read(lang: string, text: string, extra: { offered?: [string, string][]; repZone?: string } = {}): ParsedReply {
  const p = PROSPECT[lang]!;
  return parseReply({
    message: msg(text, p.ref),
    timeZone: p.zone,
    ...(extra.offered ? { offeredSlots: extra.offered.map(([s, e]) => ({ start: local(lang, s), end: local(lang, e) })) } : {}),
    ...(extra.repZone ? { repTimeZone: extra.repZone } : {}),
  });
}

/** "2025-11-18 15:00" in the language's prospect zone, as an instant. */
export function local(lang: string, wall: string): Date {
  return DateTime.fromFormat(wall, 'yyyy-MM-dd HH:mm', { zone: PROSPECT[lang]!.zone }).toJSDate();
}

/** The first proposal's start as local wall time, for readable failures. */
export function firstLocal(lang: string, r: ParsedReply): string | null {
  const p = r.proposals[0];
  return p ? DateTime.fromJSDate(p.start, { zone: PROSPECT[lang]!.zone }).toFormat('yyyy-MM-dd HH:mm') : null;
}

/** Offered slots as local wall times ("2025-11-19 15:00") in the language's prospect zone. */
export type Offer = { offered?: [string, string][] };

/** The reply is a proposal whose first start is `wall` in the prospect's zone; returns the reading. */
export function expectProposal(lang: string, text: string, wall: string, extra: Offer = {}): ParsedReply {
  const r = read(lang, text, extra);
  expect(r.kind, JSON.stringify(r.explain)).toBe('proposal');
  expect(firstLocal(lang, r), JSON.stringify(r.explain)).toBe(wall);
  return r;
}

/** Row runner: the reply is a proposal whose first start is `wall` in the prospect's zone. */
export function reads(lang: string, text: string, wall: string, extra: Offer = {}): void {
  expectProposal(lang, text, wall, extra);
}

/** As `expectProposal`, and the reading is certain (the worker would book it by itself); returns the reading. */
export function expectCertainProposal(lang: string, text: string, wall: string, extra: Offer = {}): ParsedReply {
  const r = expectProposal(lang, text, wall, extra);
  expect(r.certain, JSON.stringify([r.uncertain, r.explain])).toBe(true);
  return r;
}

/** Row runner: as `reads`, and the reading is certain (the worker would book it by itself). */
export function readsCertain(lang: string, text: string, wall: string): void {
  expectCertainProposal(lang, text, wall);
}

/** Row runner: the reply is no proposal (whatever else it is). */
export function noProposal(lang: string, text: string): void {
  const r = read(lang, text);
  expect(r.kind, JSON.stringify(r.explain)).not.toBe('proposal');
}

/** Row runner factory: the reply is of this kind. */
export const kindIs = (kind: string) => (lang: string, text: string): void => {
  const r = read(lang, text);
  expect(r.kind, JSON.stringify(r.explain)).toBe(kind);
};

/** Stricter than noProposal: not a proposal, and no proposed time carried either. */
export function proposesNothing(lang: string, text: string): void {
  const r = read(lang, text);
  expect(r.kind, JSON.stringify(r.explain)).not.toBe('proposal');
  expect(r.proposals, JSON.stringify(r.explain)).toEqual([]);
}

/** A proposal (whatever its time). */
export const proposes = kindIs('proposal');
