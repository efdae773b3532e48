import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { extractTimes, parseReply } from '../../src/domain/reply/index.js';
import { MON_NY, msg } from './helpers.js';

const utc = (local: string, zone: string) => DateTime.fromISO(local, { zone }).toUTC().toISO();
const starts = (text: string, zone: string, date = MON_NY) =>
  parseReply({ message: msg(text, date), timeZone: zone }).proposals.map((p) => p.start.toISOString());

describe('proposed times (reference Monday 2025-11-17 10:12 New York)', () => {
  it.each([
    ['weekday + pm', 'Tuesday at 3pm works', 'America/New_York', ['2025-11-18T15:00']],
    ['bare hour 1–6 → pm', 'Tuesday at 3 works', 'America/New_York', ['2025-11-18T15:00']],
    ['bare hour 8–11 → am', 'Wednesday at 10?', 'America/New_York', ['2025-11-19T10:00']],
    ['noon', 'Friday at noon', 'America/Denver', ['2025-11-21T12:00']],
    ['24-hour clock', 'Wednesday 17:00 works', 'Europe/Madrid', ['2025-11-19T17:00']],
    ['relative day', 'Tomorrow at 11:30', 'America/Chicago', ['2025-11-18T11:30']],
    ['US date in America/*', '11/24 at 10am', 'America/New_York', ['2025-11-24T10:00']],
    ['day-first date elsewhere', '25/11 at 10:00', 'Europe/London', ['2025-11-25T10:00']],
    ['dotted day-first date', 'Am 24.11. at 14:00?', 'Europe/Berlin', ['2025-11-24T14:00']],
    ['ordinal day', 'the 3rd at 1pm', 'America/New_York', ['2025-12-03T13:00']],
    ['several options in order', 'Thursday at 10 or Friday at 2', 'America/Los_Angeles', ['2025-11-20T10:00', '2025-11-21T14:00']],
    ['explicit zone wins (PT)', '2pm PT on Wednesday', 'America/New_York', ['2025-11-19T14:00@America/Los_Angeles']],
    ['explicit zone wins (CET)', 'Thursday 15:00 CET', 'America/New_York', ['2025-11-20T15:00@Europe/Berlin']],
    ['explicit zone wins (EST)', '3pm EST on Friday', 'America/Los_Angeles', ['2025-11-21T15:00@America/New_York']],
    ['part of day window', 'Tuesday morning', 'America/New_York', ['2025-11-18T09:00']],
    ['afternoon window', 'Thursday afternoon', 'America/New_York', ['2025-11-20T13:00']],
    ['evening window', 'Friday evening', 'America/New_York', ['2025-11-21T17:00']],
    ['after 3 window', 'After 3 on Wednesday', 'America/Chicago', ['2025-11-19T15:00']],
    ['a day and an approximate time', 'Could you call me tomorrow around noon?', 'America/New_York', ['2025-11-18T12:00']],
    ['"say 4" after the day that works', 'Thursday works, say 4?', 'America/New_York', ['2025-11-20T16:00']],
    ['"ideally around 11"', 'Friday, ideally around 11', 'Europe/London', ['2025-11-21T11:00']],
    ['"around 3" right after the day', 'Tuesday around 3', 'America/Chicago', ['2025-11-18T15:00']],
    ['"at about 2pm" with a zone', 'Call me tomorrow at about 2pm ET', 'America/Los_Angeles', ['2025-11-18T14:00@America/New_York']],
    ['a part of day shared by two days', "I'm free Wed or Thu afternoon", 'America/New_York', ['2025-11-19T13:00', '2025-11-20T13:00']],
    ['a length is not a time', 'It takes around 20 minutes. Free Thursday at 2?', 'America/New_York', ['2025-11-20T14:00']],
    ['nor is a number of people', 'We have about 5 reps on it. Can we talk Tuesday at 10?', 'America/New_York', ['2025-11-18T10:00']],
    ['a day that trails two times', 'Either 9:30 or 11 on Thursday works for me', 'America/New_York', ['2025-11-20T09:30', '2025-11-20T11:00']],
    ['but not a day that starts the next option', 'At 3, or tomorrow at 4?', 'America/New_York', ['2025-11-17T15:00', '2025-11-18T16:00']],
    ['"Tues" and "Weds"', 'Mornings are best, maybe Tues or Weds?', 'America/New_York', ['2025-11-18T09:00', '2025-11-19T09:00']],
    ['"Tues morning" is not this morning', 'Tues morning works', 'America/New_York', ['2025-11-18T09:00']],
  ])('%s: %s', (_n, text, zone, expected) => {
    const want = expected.map((e) => { const [l, z] = e.split('@'); return utc(l ?? '', z ?? zone); });
    expect(starts(text, zone)).toEqual(want);
  });

  it('"half past two" and "twenty after 2" are clock times, not the window "after 2"', () => {
    for (const text of ["Let's say half past two on Thursday", 'Thursday at twenty after 2?']) {
      const [p] = parseReply({ message: msg(text, MON_NY), timeZone: 'America/New_York' }).proposals;
      expect(p?.end).toBeNull();
    }
    const after = parseReply({ message: msg('Thursday after 2?', MON_NY), timeZone: 'America/New_York' }).proposals[0];
    expect(after?.end?.toISOString()).toBe(utc('2025-11-20T17:00', 'America/New_York'));
  });

  it('"2pm your time" is read in the rep\'s zone; "my time" and no zone in the prospect\'s', () => {
    const read = (text: string) => parseReply({ message: msg(text, MON_NY), timeZone: 'Europe/London', repTimeZone: 'America/Chicago' }).proposals.map((p) => p.start.toISOString());
    expect(read('How about 2pm your time on Wednesday?')).toEqual([utc('2025-11-19T14:00', 'America/Chicago')]);
    expect(read('Wednesday at 2pm, in your time zone')).toEqual([utc('2025-11-19T14:00', 'America/Chicago')]);
    expect(read('Wednesday at 2pm my time')).toEqual([utc('2025-11-19T14:00', 'Europe/London')]);
    expect(read('Wednesday at 2pm')).toEqual([utc('2025-11-19T14:00', 'Europe/London')]);
    // Without the rep's zone (the CLI without --rep-tz) there is nothing better than the prospect's.
    expect(parseReply({ message: msg('2pm your time on Wednesday', MON_NY), timeZone: 'Europe/London' }).proposals[0]?.start.toISOString()).toBe(utc('2025-11-19T14:00', 'Europe/London'));
  });

  it('"in 2 hours" counts from the message date', () => {
    expect(starts('call me in 2 hours', 'America/New_York')).toEqual(['2025-11-17T17:12:00.000Z']);
  });

  it('windows carry an end', () => {
    const r = parseReply({ message: msg('Tuesday morning', MON_NY), timeZone: 'America/New_York' });
    expect(r.proposals[0]?.end?.toISOString()).toBe(utc('2025-11-18T12:00', 'America/New_York'));
    const after = parseReply({ message: msg('after 3 on Wednesday', MON_NY), timeZone: 'America/New_York' });
    expect(after.proposals[0]?.end?.toISOString()).toBe(utc('2025-11-19T17:00', 'America/New_York'));
  });

  it('respects DST: Monday after the US spring-forward', () => {
    expect(starts('Monday at 10am', 'America/New_York', '2026-03-05T15:00:00Z')).toEqual(['2026-03-09T14:00:00.000Z']);
  });

  it('past times are not proposals', () => {
    const r = parseReply({ message: msg('I could only have done today at 9am.', MON_NY), timeZone: 'America/New_York' });
    expect(r.proposals).toEqual([]);
  });

  it('"next Tuesday" on a Monday is ambiguous, with the other reading as alternative', () => {
    const r = parseReply({ message: msg('next Tuesday at 10', MON_NY), timeZone: 'America/New_York' });
    expect(r.ambiguous).toBe(true);
    expect(r.proposals[0]?.start.toISOString()).toBe(utc('2025-11-25T10:00', 'America/New_York'));
    expect(r.alternatives.map((a) => a.start.toISOString())).toEqual([utc('2025-11-18T10:00', 'America/New_York')]);
  });

  it('a bare 7 is ambiguous (7am/7pm)', () => {
    const r = parseReply({ message: msg('Wednesday at 7', MON_NY), timeZone: 'America/New_York' });
    expect(r.ambiguous).toBe(true);
    expect(r.alternatives.map((a) => a.start.toISOString())).toEqual([utc('2025-11-19T07:00', 'America/New_York')]);
  });

  it('a numeric date valid both ways is read in the order of the prospect\'s country (day first in the UK)', () => {
    const r = parseReply({ message: msg('03/12 at 2pm', MON_NY), timeZone: 'Europe/London' });
    expect(r.ambiguous).toBe(false);
    expect(r.certain).toBe(true);
    expect(r.proposals[0]?.start.toISOString()).toBe(utc('2025-12-03T14:00', 'Europe/London'));
    const us = parseReply({ message: msg('03/12 at 2pm', MON_NY), timeZone: 'America/New_York' });
    expect(us.certain).toBe(true);
    expect(us.proposals[0]?.start.toISOString()).toBe(utc('2026-03-12T14:00', 'America/New_York'));
  });

  it('in Canada, which writes both orders, an English numeric date valid both ways is ambiguous and asked about', () => {
    const r = parseReply({ message: msg('03/12 at 2pm', MON_NY), timeZone: 'America/Toronto' });
    expect(r.ambiguous).toBe(true);
    expect(r.certain).toBe(false);
    expect([...r.proposals, ...r.alternatives].map((p) => p.start.toISOString())).toContain(utc('2025-12-03T14:00', 'America/Toronto'));
  });

  it('"away until the 30th, after that?" is the two weeks after the absence, not a meeting on the 30th', () => {
    const r = parseReply({ message: msg("I'm traveling until the 30th, can we connect after that?", MON_NY), timeZone: 'America/New_York' });
    expect(r.kind).toBe('vague');
    expect(r.proposals).toEqual([]);
    expect(r.range?.start.toISOString()).toBe(utc('2025-12-01T00:00', 'America/New_York'));
    expect(r.range?.end.toISOString()).toBe(utc('2025-12-15T00:00', 'America/New_York'));
  });

  it('vague answers give a range', () => {
    const r = parseReply({ message: msg('sometime next week', MON_NY), timeZone: 'America/New_York' });
    expect(r.kind).toBe('vague');
    expect(r.range?.start.toISOString()).toBe(utc('2025-11-24T00:00', 'America/New_York'));
  });
});

describe('acceptance of offered slots', () => {
  const offered = [
    { start: new Date('2025-11-19T16:00:00Z'), end: new Date('2025-11-19T16:30:00Z') },
    { start: new Date('2025-11-20T19:00:00Z'), end: new Date('2025-11-20T19:30:00Z') },
  ];
  const accept = (text: string) => parseReply({ message: msg(text, MON_NY), timeZone: 'America/New_York', offeredSlots: offered });
  it.each([
    ['the second one', 1],
    ["Thursday's works", 1],
    ['Wednesday works for me', 0],
    ['Let\'s do the first option', 0],
  ])('%s', (text, index) => {
    const r = accept(text);
    expect(r.kind).toBe('proposal');
    expect(r.proposals[0]?.start).toEqual(offered[index]?.start);
  });

  it('"yes, that works" with one offered slot takes it', () => {
    const r = parseReply({ message: msg('Yes, that works.', MON_NY), timeZone: 'America/New_York', offeredSlots: [offered[0]!] });
    expect(r.proposals[0]?.start).toEqual(offered[0]?.start);
    expect(r.ambiguous).toBe(false);
  });

  it('"yes, that works" uses the quoted proposal when no slots are stored', () => {
    const r = parseReply({ message: msg('Yes, that works.\n\nOn Mon, Nov 17, 2025 at 9:00 AM Dana <d@x.io> wrote:\n> Could we talk Thursday at 2pm?', MON_NY), timeZone: 'America/New_York' });
    expect(r.proposals.map((p) => p.start.toISOString())).toEqual([utc('2025-11-20T14:00', 'America/New_York')]);
  });
});

describe('a bare hour with no day named', () => {
  const zone = 'America/New_York';
  it.each([
    ['2026-11-23T15:12:00Z', '2026-11-23T20:00:00.000Z'], // Monday 10:12 in New York: today at 15:00
    ['2026-11-23T21:12:00Z', '2026-11-24T20:00:00.000Z'], // Monday 16:12: that hour has passed, tomorrow
  ])('"after 3" said at %s starts at %s', (ref, expected) => {
    const found = extractTimes('After 3 works for me.', new Date(ref), zone);
    expect(found[0]?.start.toISOString()).toBe(expected);
  });
});
