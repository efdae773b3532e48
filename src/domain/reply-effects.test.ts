import { describe, expect, it } from 'vitest';
import { replyEffects } from './reply-effects.js';
import type { ReplyDecision } from './reply-decision.js';

const at = (iso: string) => new Date(iso);
const slot = { start: at('2026-11-25T14:00:00Z'), end: at('2026-11-25T14:30:00Z') };

describe('what each reply decision does to the prospect', () => {
  const cases: [string, ReplyDecision, string[], string][] = [
    ['opt-out', { kind: 'suppress', detail: 'Dana asked not to be emailed again.' }, ['suppress', 'set_status', 'cancel_pending'], 'suppressed: never emailed again'],
    ['bounce', { kind: 'bounce', detail: 'Mail to Dana bounced; check the address.' }, ['suppress', 'set_status', 'cancel_pending', 'alert'], 'bounced: stopped, address flagged'],
    ['decline', { kind: 'declined', detail: 'Tom said they are not interested.' }, ['set_status', 'cancel_pending', 'alert'], 'declined: cadence stopped, waiting for your decision'],
    ['plain reply', { kind: 'replied', detail: 'Linda replied.' }, ['withdraw_moot'], 'nudges stopped; answer in person'],
    ['ambiguous time', { kind: 'confirm_time', alternatives: [slot] }, ['withdraw_moot', 'confirm_time'], 'time was ambiguous: confirmation drafted'],
    ['vague', { kind: 'offer_slots', range: slot }, ['withdraw_moot', 'offer_slots'], 'slots offered'],
    ['a time', { kind: 'book', candidates: [slot], text: 'Wednesday at 9' }, ['withdraw_moot', 'book'], 'booked'],
  ];
  it.each(cases)('%s', (_name, decision, kinds, outcome) => {
    const plan = replyEffects(decision, 'America/New_York');
    expect(plan.effects.map((e) => e.kind)).toEqual(kinds);
    expect(plan.outcome).toBe(outcome);
  });

  it('an opt-out suppresses the address forever and says why on the prospect', () => {
    expect(replyEffects({ kind: 'suppress', detail: 'Dana asked not to be emailed again.' }, 'UTC').effects).toEqual([
      { kind: 'suppress', reason: 'opt-out reply' },
      { kind: 'set_status', status: 'suppressed', pausedUntil: null, statusReason: 'Dana asked not to be emailed again.' },
      { kind: 'cancel_pending', reason: 'Dana asked not to be emailed again.' },
    ]);
  });
  it('a decline pauses with no end date (the rep decides), nothing is suppressed', () => {
    const effects = replyEffects({ kind: 'declined', detail: 'no' }, 'UTC').effects;
    expect(effects[0]).toEqual({ kind: 'set_status', status: 'paused', pausedUntil: null, statusReason: 'no' });
    expect(effects.some((e) => e.kind === 'suppress')).toBe(false);
  });
  it.each([
    ['America/Los_Angeles', 'paused until Monday, December 7 at 12:00 AM PST (your time)'],
    ['Asia/Tokyo', 'paused until Monday, December 7 at 5:00 PM Tokyo time (your time)'],
  ])('an out-of-office pauses until the date, spelt in the rep\'s zone (%s)', (zone, words) => {
    const until = at('2026-12-07T08:00:00Z');
    const plan = replyEffects({ kind: 'pause', until, detail: 'Omar is out of office until 2026-12-04.' }, zone);
    expect(plan.effects).toEqual([{ kind: 'set_status', status: 'paused', pausedUntil: until, statusReason: 'Omar is out of office until 2026-12-04.' }]);
    expect(plan.outcome).toBe(words);
  });
});
