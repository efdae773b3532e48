import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from './policy.js';
import { findRepPromises, nextStepFromPromises, readDueTime } from './promises.js';

// Monday 23 Nov 2026, 10:00 in New York (the rep's zone).
const SENT = new Date('2026-11-23T15:00:00Z');
const ZONE = 'America/New_York';
const read = (text: string, repZone = ZONE) => findRepPromises({ text, sentAt: SENT, repZone, policy: DEFAULT_POLICY });

describe('the rep\'s promises, read in the rep\'s zone at the email\'s date', () => {
  it.each([
    ["I'll call you Thursday at 10.", 'call you Thursday at 10', '2026-11-26T15:00:00.000Z'],
    ["I'll send the revised proposal by Friday.", 'send the revised proposal by Friday', '2026-11-27T14:00:00.000Z'],
    ["Let's talk again after the holidays.", 'talk again after the holidays', '2027-01-04T14:00:00.000Z'],
    ['I will check back with you later this week.', 'check back with you later this week', '2026-11-24T14:00:00.000Z'],
    ["I'll call you tomorrow 10am", 'call you tomorrow 10am', '2026-11-24T15:00:00.000Z'],
    ['I will send it next Tuesday at 3pm', 'send it next Tuesday at 3pm', '2026-12-01T20:00:00.000Z'],
  ])('%s', (text, what, due) => {
    const found = read(`Hi Linda,\n\n${text}\n\nAlex`);
    expect(found.map((p) => [p.what, p.due.toISOString()])).toEqual([[what, due]]);
  });

  it.each([
    'Thanks for your time today. When would suit you?',
    "I'll be out Friday.",
    "I can't make Thursday at 10.",
    'You said you would call Thursday at 10.',
    'We met on Tuesday at 3pm.',
  ])('no promise in "%s"', (text) => {
    expect(read(text)).toEqual([]);
  });

  it('the same words in another zone give that zone\'s 10:00', () => {
    const [p] = read("I'll call you Thursday at 10.", 'Europe/Berlin');
    expect(p?.due.toISOString()).toBe('2026-11-26T09:00:00.000Z');
  });

  it('quoted history is not the rep\'s promise', () => {
    expect(read("Sounds good.\n\nOn Mon, Linda wrote:\n> I'll call you Thursday at 10.")).toEqual([]);
  });

  it('the soonest promise of an email becomes the next step', () => {
    const found = read("I'll send the proposal by Friday. I'll call you Thursday at 10.");
    expect(found).toHaveLength(2);
    expect(nextStepFromPromises(found)?.what).toBe('call you Thursday at 10');
  });
});

describe('a due time typed by the rep (ISO or words), in the rep\'s zone', () => {
  const due = (text: string) => readDueTime({ text, now: SENT, repZone: ZONE, policy: DEFAULT_POLICY })?.toISOString() ?? null;
  it.each([
    ['tomorrow 10am', '2026-11-24T15:00:00.000Z'],
    ['Friday', '2026-11-27T14:00:00.000Z'],
    ['next Tuesday at 3pm', '2026-12-01T20:00:00.000Z'],
    ['2026-12-02T09:30:00Z', '2026-12-02T09:30:00.000Z'],
    ['2026-12-02 09:30', '2026-12-02T14:30:00.000Z'],
    ['2026-12-02', '2026-12-02T05:00:00.000Z'],
    ['whenever', null],
    ['', null],
    ['2026-13-45', null],
  ])('%s', (text, expected) => {
    expect(due(text)).toBe(expected);
  });
});
