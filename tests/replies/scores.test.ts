import { describe, expect, it } from 'vitest';
import { corporaDir } from '../../src/bench/corpora.js';
import { corporaPresent } from '../support/corpora.js';
import { scoreSisimai } from '../../src/bench/score-auto.js';
import { scoreChrono, scoreDuckling } from '../../src/bench/score-dates.js';
import { scoreOwnSet } from '../../src/bench/score-own.js';
import { scoreDiscourse, scoreTalon } from '../../src/bench/score-text.js';

/** Floors = measured figures minus a small margin, so a regression fails. */
describe('own labelled set', () => {
  it('scores above the floors on all cases', async () => {
    const s = await scoreOwnSet(process.cwd());
    expect(s.n).toBeGreaterThanOrEqual(100);
    expect(s.kind).toBeGreaterThanOrEqual(0.9);
    expect(s.proposals).toBeGreaterThanOrEqual(0.85);
    expect(s.ambiguous).toBeGreaterThanOrEqual(0.9);
    expect(s.returnDate).toBeGreaterThanOrEqual(0.85);
  });

  it('held-out part stays above the floors', async () => {
    const s = await scoreOwnSet(process.cwd(), 'heldout');
    expect(s.n).toBeGreaterThanOrEqual(30);
    expect(s.kind).toBeGreaterThanOrEqual(0.9);
    expect(s.proposals).toBeGreaterThanOrEqual(0.8);
  });
});

describe.skipIf(!corporaPresent())('public corpora floors', () => {
  it('discourse visible text, ahead of the peers', () => {
    const s = scoreDiscourse(corporaDir());
    expect(s.followup).toBeGreaterThanOrEqual(FLOOR.discourse);
    expect(s.followup).toBeGreaterThan(Math.max(s.emailReplyParser, s.planer));
  });

  it('talon replies', async () => {
    const s = await scoreTalon(corporaDir());
    expect(s.html.followup).toBeGreaterThanOrEqual(FLOOR.talonHtml);
    expect(s.standard.followup).toBeGreaterThanOrEqual(FLOOR.talonStandard);
  });

  it('sisimai auto-reply vs bounce', async () => {
    const s = await scoreSisimai(corporaDir());
    expect(s.classes.ooo.recall).toBeGreaterThanOrEqual(FLOOR.oooRecall);
    expect(s.classes.bounce.recall).toBeGreaterThanOrEqual(FLOOR.bounceRecall);
    expect(s.classes.bounce.precision).toBeGreaterThanOrEqual(FLOOR.bouncePrecision);
  });

  it('date phrases', () => {
    const c = scoreChrono(corporaDir());
    const d = scoreDuckling(corporaDir());
    expect(c.followup.start).toBeGreaterThanOrEqual(FLOOR.chronoStart);
    expect(c.followup.none).toBeGreaterThanOrEqual(FLOOR.chronoNone);
    expect(d.followup.start).toBeGreaterThanOrEqual(FLOOR.ducklingStart);
    expect(d.followup.none).toBeGreaterThanOrEqual(FLOOR.ducklingNone);
  });
});

// Just under the measured figures (README, "Measured"), so a regression fails.
const FLOOR = {
  discourse: 0.9, talonHtml: 0.95, talonStandard: 0.95,
  oooRecall: 0.95, bounceRecall: 0.98, bouncePrecision: 0.99,
  chronoStart: 0.91, chronoNone: 0.98, ducklingStart: 0.4, ducklingNone: 0.97,
};
