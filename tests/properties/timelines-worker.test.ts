import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brokenPromises } from './invariants.js';
import { runsFromEnv, timelineArbitrary } from './timeline.js';
import { runOnWorker } from './worker-model.js';

/**
 * Issue 9's invariants over whole random timelines run through the real worker, on a temporary
 * SQLite file with the local provider (restarts reopen the store). Slower than the domain runs, so
 * fewer here; `npm run test:timelines` runs more (TIMELINE_WORKER_RUNS). A failure prints the seed
 * (rerun with TIMELINE_SEED=<seed>) and the shrunk timeline.
 */
const SEED = process.env.TIMELINE_SEED ? Number.parseInt(process.env.TIMELINE_SEED, 10) : undefined;
const WORKER_RUNS = runsFromEnv('TIMELINE_WORKER_RUNS', 50);

describe('whole timelines through the real worker (local provider, SQLite file, restarts)', () => {
  it(`keeps every promise over ${WORKER_RUNS} random timelines`, async () => {
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(timelineArbitrary(25), async (timeline) => {
        const { history } = await runOnWorker(timeline);
        sent += history.sent.length;
        expect(brokenPromises(history)).toEqual([]);
      }),
      { numRuns: WORKER_RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
    console.log(`${WORKER_RUNS} timelines: ${sent} emails sent, every promise kept`);
    expect(sent).toBeGreaterThan(WORKER_RUNS / 5);
  }, Math.max(600_000, WORKER_RUNS * 4_000));
});
