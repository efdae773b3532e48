import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDemoScenario } from '../../src/demo/build-scenario.js';
import { seedLocalWorkspace } from '../../src/demo/seed-local.js';
import { runCli } from '../support/run-cli.js';
import { calendar, range, read, vevent } from './ics-fixtures.js';
import ICAL from 'ical.js';
import { expandSeries, RecurrenceBoundError } from '../../src/providers/local/ics-recurrence.mapper.js';
import { ZoneResolver } from '../../src/providers/local/ics-timezone.parser.js';

/**
 * A recurrence rule that can never match makes ical.js's iterator loop for ever inside one
 * next() call (issue 10, item 3). Expansion is bounded by steps and by time per event; the
 * event is skipped with a message naming the file and the rule, and the run goes on.
 */
const NEVER = 'RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30';
const NOW = '2026-11-23T15:00:00Z';

describe('a recurrence rule that never matches', () => {
  let dir: string;
  let config: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'followup-rrule-'));
    config = seedLocalWorkspace(dir, buildDemoScenario(new Date(NOW)));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('`run --once` ends within a minute, names the file and the rule, and does the rest of the work', async () => {
    writeFileSync(
      join(dir, 'calendar', 'never-matches.ics'),
      calendar(vevent('UID:never-1', 'SUMMARY:Leap day standup', 'DTSTART:20261101T090000Z', 'DTEND:20261101T093000Z', NEVER)),
    );
    const run = await runCli(['--config', config, '--now', NOW, 'run', '--once'], { timeoutMs: 60_000 });
    expect(run.timedOut, `still running after 60 s\n${run.out}\n${run.err}`).toBe(false);
    console.log(`[rrule bound] run --once with the never-matching rule took ${run.ms} ms on this machine`);
    const text = `${run.out}\n${run.err}`;
    expect(text).toContain('never-matches.ics');
    expect(text).toContain('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30');
    // The rest of the run went on: the demo's drafts were made.
    expect(text).toMatch(/Drafted/i);
    expect(run.code).toBe(2);
  }, 90_000);
});

describe('the expansion bound', () => {
  const window = range('2026-11-01T00:00:00Z', '2027-03-01T00:00:00Z');

  it('skips only the never-matching event, naming its rule; the other event in the file is read', () => {
    const text = calendar(
      vevent('UID:never-2', 'SUMMARY:Never', 'DTSTART:20261101T090000Z', 'DTEND:20261101T093000Z', NEVER),
      vevent('UID:weekly', 'SUMMARY:Weekly', 'DTSTART:20261102T090000Z', 'DTEND:20261102T093000Z', 'RRULE:FREQ=WEEKLY;COUNT=3'),
    );
    const started = performance.now();
    const { events, problems } = read(text, window);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(events.map((e) => e.event.id).filter((id) => id.startsWith('weekly'))).toHaveLength(3);
    expect(events.some((e) => e.event.id.startsWith('never-2'))).toBe(false);
    // Whichever bound comes first on this machine: steps or time.
    expect(problems.join('\n')).toMatch(/RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30 (tried \d+ dates|took more than \d+ ms) without finishing.*skipped/);
  });

  function master(rule: string): ICAL.Component {
    return new ICAL.Component(ICAL.parse(calendar(vevent('UID:m', 'DTSTART:20261101T090000Z', 'DTEND:20261101T093000Z', rule)))).getFirstSubcomponent('vevent')!;
  }

  it('counts steps, not occurrences returned', () => {
    const err = (() => {
      try {
        expandSeries({ master: master(NEVER), resolver: new ZoneResolver(new ICAL.Component('vcalendar'), 'UTC'), range: window, endOf: (o) => o.start, budget: { maxSteps: 1_000 } });
        return null;
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(RecurrenceBoundError);
    expect((err as RecurrenceBoundError).reason).toBe('steps');
  });

  it('and time without an occurrence: a clock past the deadline stops it', () => {
    let t = 0;
    const err = (() => {
      try {
        expandSeries({ master: master(NEVER), resolver: new ZoneResolver(new ICAL.Component('vcalendar'), 'UTC'), range: window, endOf: (o) => o.start, budget: { maxStallMs: 50, now: () => (t += 1) } });
        return null;
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(RecurrenceBoundError);
    expect((err as RecurrenceBoundError).reason).toBe('time');
    expect((err as Error).message).toMatch(/took more than 50 ms/);
  });
});
