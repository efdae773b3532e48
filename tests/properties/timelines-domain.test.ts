import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runOnDomain } from './domain-model.js';
import { brokenPromises } from './invariants.js';
import { runsFromEnv, timelineArbitrary } from './timeline.js';

/**
 * Issue 9's invariants over whole random timelines, run against the pure domain (planner + send
 * gate + reply decision). `npm run test:timelines` runs many more (TIMELINE_RUNS). A failure prints
 * fast-check's seed and path (rerun with TIMELINE_SEED=<seed>) and the shrunk timeline.
 */
const RUNS = runsFromEnv('TIMELINE_RUNS', 1000);
const SEED = process.env.TIMELINE_SEED ? Number.parseInt(process.env.TIMELINE_SEED, 10) : undefined;

describe('whole timelines against the domain', () => {
  it(`keeps every promise over ${RUNS} random timelines`, () => {
    let sent = 0;
    fc.assert(
      fc.property(timelineArbitrary(30), (timeline) => {
        const history = runOnDomain(timeline);
        sent += history.sent.length;
        expect(brokenPromises(history)).toEqual([]);
      }),
      { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
    // The timelines are not all empty: emails do go out.
    console.log(`${RUNS} timelines: ${sent} emails sent, every promise kept`);
    expect(sent).toBeGreaterThan(RUNS / 4);
  }, Math.max(120_000, RUNS * 40));
});

