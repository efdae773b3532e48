import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cadenceStep, computeStats, quantile } from './stats.js';
import type { Attempt, AttemptKind } from './types.js';

const T0 = Date.parse('2026-11-02T09:00:00Z');
const h = (hoursAfter: number) => new Date(T0 + hoursAfter * 3_600_000);

/** A scripted history, one line per event, so the expected numbers can be counted by hand. */
function script(): Attempt[] {
  const out: Attempt[] = [];
  let n = 0;
  const add = (prospect: string, at: number, kind: AttemptKind, outcome: string | null, refId: string | null, detail = '', account = 'alice') =>
    out.push({ id: `a${(n += 1)}`, prospectId: prospect, accountId: account, at: h(at), kind, outcome, refId, detail });

  // Linda: missed meeting, nudge 1 sent, she replies with a time, booked directly 30 h after the miss.
  add('linda', 0, 'meeting', 'missed', 'm1', 'Demo: missed (no RSVP)');
  add('linda', 1, 'draft_created', 'missed-nudge-1', 'd1');
  add('linda', 2, 'note', 'approved', 'd1', 'Draft "x" approved by alice');
  add('linda', 3, 'email_sent', 'sent', 'd1');
  add('linda', 20, 'reply_received', 'proposal', 'msg1');
  add('linda', 30, 'booking', 'booked', 'ev1');
  // Omar: missed, nudge 1 and nudge 2 sent, an out-of-office (not a reply), then he replies to nudge 2
  // with an ambiguous time: a confirm-time question is drafted, and the booking follows 72 h after the miss.
  add('omar', 4, 'meeting', 'missed', 'm2');
  add('omar', 5, 'draft_created', 'missed-nudge-1', 'd2');
  add('omar', 5, 'note', 'approved', 'd2', 'Draft "x" approved by auto (template policy)');
  add('omar', 6, 'email_sent', 'sent', 'd2');
  add('omar', 7, 'reply_received', 'ooo', 'msg2');
  add('omar', 30, 'draft_created', 'missed-nudge-2', 'd3');
  add('omar', 31, 'note', 'approved', 'd3', 'approved by omar-rep');
  add('omar', 32, 'email_sent', 'sent', 'd3');
  add('omar', 40, 'reply_received', 'vague', 'msg3');
  add('omar', 41, 'draft_created', 'confirm-time', 'd4');
  add('omar', 44, 'note', 'approved', 'd4', 'approved by alice');
  add('omar', 76, 'booking', 'booked', 'ev2');
  // Mei: held meeting, a follow-up that gets no reply.
  add('mei', 10, 'meeting', 'held', 'm3');
  add('mei', 11, 'draft_created', 'follow-up', 'd5');
  add('mei', 12, 'note', 'approved', 'd5', 'approved by alice');
  add('mei', 13, 'email_sent', 'sent', 'd5');
  // Raj: detected missed, then the rep marks it held (the mark is the last word); a nudge draft waits 5 days.
  add('raj', 50, 'meeting', 'missed', 'm4');
  add('raj', 51, 'meeting', 'held', 'm4', 'Call: marked held by alice (cli)');
  add('raj', 52, 'draft_created', 'follow-up', 'd6');
  // Bob's prospect (another rep): missed, never rebooked; a nudge waits 10 hours.
  add('pat', 60, 'meeting', 'missed', 'm5', '', 'bob');
  add('pat', 162, 'draft_created', 'missed-nudge-1', 'd7', '', 'bob');
  return out;
}

const NOW = h(172);

describe('computeStats on a scripted history', () => {
  it('team-wide: the rates this history implies', () => {
    const s = computeStats({ attempts: script(), now: NOW });
    // Meetings: m1, m2, m5 missed; m3 held; m4 held (the rep's mark replaces the detection).
    expect(s.meetings).toEqual({ held: 2, missed: 3, noShow: { count: 3, of: 5, rate: 0.6 } });
    // Rebooked: linda after 30 h, omar after 72 h; pat never.
    expect(s.rebook).toEqual({ count: 2, of: 3, rate: 0.6667, medianHoursToRebook: 51 });
    expect(s.replyRateByTemplate).toEqual([
      { key: 'follow-up', count: 0, of: 1, rate: 0 },
      { key: 'missed-nudge-1', count: 1, of: 2, rate: 0.5 },
      { key: 'missed-nudge-2', count: 1, of: 1, rate: 1 },
    ]);
    expect(s.replyRateByStep).toEqual([
      { key: 'step 1', count: 1, of: 3, rate: 0.3333 },
      { key: 'step 2', count: 1, of: 1, rate: 1 },
    ]);
    // Linda's reply at 20 h: nothing from the rep afterwards (the booking is the worker's) -> not acted.
    // Omar's reply at 40 h: the rep approved the confirmation at 44 h -> 4 h. The OOO is no reply.
    expect(s.repAction).toEqual({ replies: 2, acted: 1, medianHours: 4, p90Hours: 4 });
    // Waiting: d6 (raj, 120 h = 5 days) and d7 (pat, 10 h).
    expect(s.overdue).toEqual({
      total: 2,
      byAge: [
        { bucket: 'under 1 day', count: 1 },
        { bucket: '1-3 days', count: 0 },
        { bucket: '3-7 days', count: 1 },
        { bucket: 'over 7 days', count: 0 },
      ],
    });
    expect(s.bookings).toEqual({ total: 2, direct: 1, afterConfirmation: 1 });
  });

  it('per rep and since a date', () => {
    const bob = computeStats({ attempts: script(), now: NOW, accountIds: ['bob'] });
    expect(bob.meetings.noShow).toEqual({ count: 1, of: 1, rate: 1 });
    expect(bob.rebook).toEqual({ count: 0, of: 1, rate: 0, medianHoursToRebook: null });
    expect(bob.bookings.total).toBe(0);
    const later = computeStats({ attempts: script(), now: NOW, since: h(9), accountIds: ['alice'] });
    // From 9 h on: m3 held, m4 held; no miss; the booking at 30 h and 76 h still count as bookings.
    expect(later.meetings).toEqual({ held: 2, missed: 0, noShow: { count: 0, of: 2, rate: 0 } });
    expect(later.rebook.of).toBe(0);
    expect(later.bookings).toEqual({ total: 2, direct: 1, afterConfirmation: 1 });
    expect(later.replyRateByTemplate.map((r) => r.key)).toEqual(['follow-up', 'missed-nudge-2']);
  });

  it('an empty timeline gives zero counts and no rates', () => {
    const s = computeStats({ attempts: [], now: NOW });
    expect(s.meetings.noShow.rate).toBeNull();
    expect(s.rebook.medianHoursToRebook).toBeNull();
    expect(s.repAction.medianHours).toBeNull();
    expect(s.overdue.total).toBe(0);
  });

  it('the order the attempts arrive in changes nothing, and every rate is within 0..1 (property)', () => {
    const base = script();
    fc.assert(
      fc.property(fc.shuffledSubarray(base, { minLength: 0, maxLength: base.length }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (subset, seed) => {
        const shuffled = [...subset].sort((a, b) => ((a.id.charCodeAt(1) * seed) % 97) - ((b.id.charCodeAt(1) * seed) % 97));
        const a = computeStats({ attempts: subset, now: NOW });
        const b = computeStats({ attempts: shuffled, now: NOW });
        expect(b).toEqual(a);
        for (const r of [a.meetings.noShow, a.rebook, ...a.replyRateByTemplate, ...a.replyRateByStep]) {
          if (r.rate !== null) expect(r.rate).toBeGreaterThanOrEqual(0);
          if (r.rate !== null) expect(r.rate).toBeLessThanOrEqual(1);
          expect(r.count).toBeLessThanOrEqual(r.of);
        }
      }),
      { verbose: true },
    );
  });
});

describe('helpers', () => {
  it('quantile interpolates; cadenceStep reads the step from the template name', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([5], 0.9)).toBe(5);
    expect(cadenceStep('missed-nudge-3')).toBe('step 3');
    expect(cadenceStep('missed-nudge-later')).toBe('later');
    expect(cadenceStep('follow-up-apology')).toBe('step 1');
  });
});
