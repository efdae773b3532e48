import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from './policy.js';
import { decideReplyAction } from './reply-decision.js';
import type { ParsedReply } from './types.js';

const NOW = new Date('2026-11-23T10:00:00Z'); // Monday
const prospect = { name: 'Sara Novak', timeZone: 'Europe/Berlin', country: null };
const base: ParsedReply = { kind: 'other', proposals: [], ambiguous: false, alternatives: [], returnDate: null, visibleText: '', certain: true, uncertain: [], explain: [] };
const at = (iso: string) => new Date(iso);

describe('decideReplyAction', () => {
  it.each([
    ['bounce', 'bounce'],
    ['optout', 'suppress'],
    ['decline', 'declined'],
    ['other', 'replied'],
  ] as const)('%s → %s', (kind, expected) => {
    expect(decideReplyAction({ parsed: { ...base, kind }, prospect, now: NOW, policy: DEFAULT_POLICY }).kind).toBe(expected);
  });

  it('books the named times in order, each lasting the policy meeting length', () => {
    const d = decideReplyAction({
      parsed: { ...base, kind: 'proposal', proposals: [
        { start: at('2026-11-24T09:00:00Z'), end: null, text: 'Tuesday at 10' },
        { start: at('2026-11-25T13:00:00Z'), end: null, text: 'Wednesday at 2' },
      ] },
      prospect, now: NOW, policy: DEFAULT_POLICY,
    });
    expect(d).toEqual({
      kind: 'book',
      candidates: [
        { start: at('2026-11-24T09:00:00Z'), end: at('2026-11-24T09:30:00Z') },
        { start: at('2026-11-25T13:00:00Z'), end: at('2026-11-25T13:30:00Z') },
      ],
      text: 'Tuesday at 10 / Wednesday at 2',
    });
  });

  it('asks instead of guessing when the time is ambiguous', () => {
    const d = decideReplyAction({
      parsed: { ...base, kind: 'proposal', ambiguous: true, proposals: [{ start: at('2026-11-24T02:00:00Z'), end: null, text: '3' }],
        alternatives: [{ start: at('2026-11-24T02:00:00Z'), end: null, text: '3am' }, { start: at('2026-11-24T14:00:00Z'), end: null, text: '3pm' }] },
      prospect, now: NOW, policy: DEFAULT_POLICY,
    });
    expect(d.kind).toBe('confirm_time');
    expect(d.kind === 'confirm_time' && d.alternatives.map((a) => a.start.toISOString())).toEqual(['2026-11-24T02:00:00.000Z', '2026-11-24T14:00:00.000Z']);
  });

  it('never books a time that has passed, and turns a window into slot offers', () => {
    expect(decideReplyAction({ parsed: { ...base, kind: 'proposal', proposals: [{ start: at('2026-11-20T09:00:00Z'), end: null, text: 'Friday' }] }, prospect, now: NOW, policy: DEFAULT_POLICY }).kind).toBe('replied');
    const w = decideReplyAction({ parsed: { ...base, kind: 'proposal', proposals: [{ start: at('2026-11-24T08:00:00Z'), end: at('2026-11-24T11:00:00Z'), text: 'Tuesday morning' }] }, prospect, now: NOW, policy: DEFAULT_POLICY });
    expect(w).toEqual({ kind: 'offer_slots', range: { start: at('2026-11-24T08:00:00Z'), end: at('2026-11-24T11:00:00Z') } });
  });

  it('pauses an out-of-office until the return date plus one business day, or a week without one', () => {
    // Back Friday 4 Dec (Berlin): paused until Monday 7 Dec 09:00 Berlin.
    const d = decideReplyAction({ parsed: { ...base, kind: 'ooo', returnDate: '2026-12-04' }, prospect, now: NOW, policy: DEFAULT_POLICY });
    expect(d.kind === 'pause' && d.until.toISOString()).toBe('2026-12-07T08:00:00.000Z');
    const none = decideReplyAction({ parsed: { ...base, kind: 'ooo' }, prospect, now: NOW, policy: DEFAULT_POLICY });
    expect(none.kind === 'pause' && none.until.toISOString()).toBe('2026-11-30T10:00:00.000Z');
  });

  it('offers slots within a vague range, or the next five business days', () => {
    const d = decideReplyAction({ parsed: { ...base, kind: 'vague', range: { start: at('2026-11-30T00:00:00Z'), end: at('2026-12-05T00:00:00Z') } }, prospect, now: NOW, policy: DEFAULT_POLICY });
    expect(d).toEqual({ kind: 'offer_slots', range: { start: at('2026-11-30T00:00:00Z'), end: at('2026-12-05T00:00:00Z') } });
    const open = decideReplyAction({ parsed: { ...base, kind: 'vague' }, prospect, now: NOW, policy: DEFAULT_POLICY });
    expect(open.kind === 'offer_slots' && open.range.start).toEqual(NOW);
  });

  describe('an offered slot accepted', () => {
    const offered = [
      { start: at('2026-11-25T09:00:00Z'), end: at('2026-11-25T09:30:00Z') },
      { start: at('2026-11-26T13:00:00Z'), end: at('2026-11-26T13:30:00Z') },
      { start: at('2026-11-27T10:00:00Z'), end: at('2026-11-27T10:30:00Z') },
    ];
    it('"the second one works" books exactly the second slot, not a window to offer again', () => {
      const d = decideReplyAction({
        parsed: { ...base, kind: 'proposal', proposals: [{ ...offered[1]!, text: 'offered slot 2' }] },
        prospect, now: NOW, policy: DEFAULT_POLICY, offeredSlots: offered,
      });
      expect(d).toEqual({ kind: 'book', candidates: [offered[1]], text: 'offered slot 2' });
    });
    it('a window that is not one of the offered slots is still a window', () => {
      const d = decideReplyAction({
        parsed: { ...base, kind: 'proposal', proposals: [{ start: at('2026-11-26T13:00:00Z'), end: at('2026-11-26T16:00:00Z'), text: 'Thursday afternoon' }] },
        prospect, now: NOW, policy: DEFAULT_POLICY, offeredSlots: offered,
      });
      expect(d.kind).toBe('offer_slots');
    });
    it('an acceptance that fits several slots asks which one', () => {
      const d = decideReplyAction({
        parsed: { ...base, kind: 'proposal', ambiguous: true, proposals: [{ ...offered[0]!, text: 'yes' }], alternatives: offered.slice(1).map((s) => ({ ...s, text: 'yes' })) },
        prospect, now: NOW, policy: DEFAULT_POLICY, offeredSlots: offered,
      });
      expect(d.kind).toBe('confirm_time');
    });
    it('an offered slot that has passed is not booked', () => {
      const past = { start: at('2026-11-20T09:00:00Z'), end: at('2026-11-20T09:30:00Z') };
      const d = decideReplyAction({ parsed: { ...base, kind: 'proposal', proposals: [{ ...past, text: 'offered slot 1' }] }, prospect, now: NOW, policy: DEFAULT_POLICY, offeredSlots: [past] });
      expect(d.kind).toBe('replied');
    });
  });
});

describe('decideReplyAction: books by itself only when the reading is certain', () => {
  const proposal = (over: Partial<ParsedReply>): ParsedReply => ({
    ...base, kind: 'proposal', proposals: [{ start: at('2026-11-24T14:00:00Z'), end: null, text: 'Tuesday at 3pm' }], ...over,
  });

  it.each([
    ['an unknown zone', ['unknown zone: "WIB" is not a zone followup knows; read in the prospect\'s zone'], []],
    ['a date that could be past', ['could be past: a date without a year, read as next year'], []],
    ['a conflicting second time', ['conflicting second time: a later time corrects an earlier one'], [{ start: at('2026-11-24T13:00:00Z'), end: null, text: 'at 2' }]],
    ['a language the detector was unsure of', ['low-confidence language: read as pt it would start 2026-11-25T14:00:00.000Z'], [{ start: at('2026-11-25T14:00:00Z'), end: null, text: 'quarta' }]],
  ] as const)('asks, stating each reading, when the reading has %s', (_name, uncertain, alternatives) => {
    const d = decideReplyAction({ parsed: proposal({ certain: false, uncertain: [...uncertain], alternatives: [...alternatives] }), prospect, now: NOW, policy: DEFAULT_POLICY });
    expect(d.kind).toBe('confirm_time');
    if (d.kind !== 'confirm_time') return;
    expect(d.reasons).toEqual(uncertain);
    expect(d.alternatives.map((a) => a.start.toISOString())).toEqual(['2026-11-24T14:00:00.000Z', ...alternatives.map((a) => a.start.toISOString())]);
    expect(d.alternatives.every((a) => a.end.getTime() - a.start.getTime() === DEFAULT_POLICY.meetingMinutes * 60_000)).toBe(true);
  });

  it('books when certain', () => {
    expect(decideReplyAction({ parsed: proposal({ certain: true }), prospect, now: NOW, policy: DEFAULT_POLICY }).kind).toBe('book');
  });

  it('asks even when certain if the policy says to ask before every booking, but still books an offered slot picked', () => {
    const policy = { ...DEFAULT_POLICY, bookWithoutAsking: false };
    const d = decideReplyAction({ parsed: proposal({ certain: true }), prospect, now: NOW, policy });
    expect(d.kind).toBe('confirm_time');
    if (d.kind !== 'confirm_time') return;
    expect(d.alternatives.map((a) => a.start.toISOString())).toEqual(['2026-11-24T14:00:00.000Z']);
    expect(d.reasons?.[0]).toMatch(/bookWithoutAsking/);
    const offered = [{ start: at('2026-11-24T14:00:00Z'), end: at('2026-11-24T14:30:00Z') }];
    const picked = proposal({ certain: true, proposals: [{ start: at('2026-11-24T14:00:00Z'), end: at('2026-11-24T14:30:00Z'), text: 'the second one works' }] });
    expect(decideReplyAction({ parsed: picked, prospect, now: NOW, policy, offeredSlots: offered }).kind).toBe('book');
  });

  it('offers slots for an uncertain window (offering is already a question)', () => {
    const d = decideReplyAction({ parsed: proposal({ certain: false, uncertain: ['ambiguous'], proposals: [{ start: at('2026-11-24T08:00:00Z'), end: at('2026-11-24T11:00:00Z'), text: 'Tuesday morning' }] }), prospect, now: NOW, policy: DEFAULT_POLICY });
    expect(d.kind).toBe('offer_slots');
  });

  it('never lists the same reading twice and asks about at most three', () => {
    const t = (iso: string) => ({ start: at(iso), end: null, text: 'x' });
    const d = decideReplyAction({ parsed: proposal({ certain: false, uncertain: ['ambiguous'], proposals: [t('2026-11-24T14:00:00Z'), t('2026-11-25T14:00:00Z')], alternatives: [t('2026-11-24T14:00:00Z'), t('2026-11-26T14:00:00Z'), t('2026-11-27T14:00:00Z')] }), prospect, now: NOW, policy: DEFAULT_POLICY });
    expect(d.kind === 'confirm_time' && d.alternatives.map((a) => a.start.toISOString())).toEqual(['2026-11-24T14:00:00.000Z', '2026-11-25T14:00:00.000Z', '2026-11-26T14:00:00.000Z']);
  });
});
