import { corporaPath, hasCorpora } from '../../src/bench/corpora.js';

/** The public corpora: `FOLLOWUP_CORPORA`, else ../shared/corpora beside the repository root (see its SOURCES.md). */
export const CORPORA_DIR = corporaPath();

/**
 * True when the corpora are there. Locally a missing folder skips those suites with a warning;
 * in CI it fails the run, since a quiet skip would hide the regressions they guard against.
 */
export function corporaPresent(): boolean {
  if (hasCorpora()) return true;
  if (process.env.CI) throw new Error(`The public corpora are missing at ${CORPORA_DIR}; set FOLLOWUP_CORPORA or put shared/corpora beside the checkout.`);
  console.warn(`Skipping corpora suites: ${CORPORA_DIR} not found.`);
  return false;
}
