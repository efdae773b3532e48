import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { corporaDir, corporaPath, repoRoot } from '../../src/bench/corpora.js';
import { FRAGMENT_SETS, scoreFragmentSet } from '../../src/bench/score-fragments.js';
import { scoreLanguage } from '../../src/bench/score-language.js';
import { MULTILINGUAL_DIR, listSplits, scoreMultilingual } from '../../src/bench/score-multilingual.js';
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
    expect(s.kind).toBeGreaterThanOrEqual(0.97);
    expect(s.proposals).toBeGreaterThanOrEqual(0.97);
    expect(s.ambiguous).toBeGreaterThanOrEqual(0.97);
    expect(s.returnDate).toBeGreaterThanOrEqual(0.97);
  });

  it('held-out part stays above the floors', async () => {
    const s = await scoreOwnSet(process.cwd(), 'heldout');
    expect(s.n).toBeGreaterThanOrEqual(30);
    expect(s.kind).toBeGreaterThanOrEqual(0.96);
    expect(s.proposals).toBeGreaterThanOrEqual(0.94);
  });
});

describe('multilingual set, tune split (tests/fixtures/replies-multilingual/tune)', () => {
  it('scores above the floor by the issue\'s rule, with no proposal from a hard negative and no missed opt-out', async () => {
    const s = await scoreMultilingual(join(process.cwd(), MULTILINGUAL_DIR, 'tune'));
    expect(s.n).toBeGreaterThanOrEqual(70);
    expect(s.accuracy).toBeGreaterThanOrEqual(FLOOR.multilingualTune);
    expect(s.certainRightShare).toBeGreaterThanOrEqual(0.85);
    expect(s.hardNegativeProposals).toEqual([]);
    expect(s.missedOptouts).toEqual([]);
  });

  it('detects the language of short replies', async () => {
    const s = await scoreLanguage(process.cwd(), [join(process.cwd(), MULTILINGUAL_DIR, 'tune')]);
    expect(s.n).toBeGreaterThanOrEqual(150);
    expect(s.followup).toBeGreaterThanOrEqual(FLOOR.language);
    expect(s.followup).toBeGreaterThan(s.franc);
  });
});

describe('multilingual set, dev split (tests/fixtures/replies-multilingual/dev)', () => {
  it('scores above the floor by the issue\'s rule, with no proposal from a hard negative and no missed opt-out', async () => {
    const s = await scoreMultilingual(join(process.cwd(), MULTILINGUAL_DIR, 'dev'));
    expect(s.n).toBeGreaterThanOrEqual(150);
    expect(s.accuracy).toBeGreaterThanOrEqual(FLOOR.multilingualDev);
    expect(s.certainRightShare).toBeGreaterThanOrEqual(0.85);
    expect(s.hardNegativeProposals).toEqual([]);
    expect(s.missedOptouts).toEqual([]);
  });

  it('every split folder is found, tune and dev first', () => {
    expect(listSplits(process.cwd()).slice(0, 2)).toEqual(['tune', 'dev']);
  });
});

/**
 * The held-out split was written blind to the parser and scored once, unseen, after round 2 of
 * issue 11: 173/205 = 84.4%, proposals certain and right 84.8%, 6 proposals from hard negatives,
 * 0 missed opt-outs. It is below the goal (95%, zero hard-negative proposals); this test
 * only keeps it from getting worse. Once anyone tunes on it, it is no longer held out.
 */
describe('multilingual set, heldout split (tests/fixtures/replies-multilingual/heldout)', () => {
  it('does not fall below its first unseen score, and never misses an opt-out', async () => {
    const s = await scoreMultilingual(join(process.cwd(), MULTILINGUAL_DIR, 'heldout'));
    expect(s.n).toBeGreaterThanOrEqual(200);
    expect(s.accuracy).toBeGreaterThanOrEqual(FLOOR.multilingualHeldout);
    expect(s.hardNegativeProposals.length).toBeLessThanOrEqual(6);
    expect(s.missedOptouts).toEqual([]);
  });
});

describe('where the corpora are', () => {
  it('FOLLOWUP_CORPORA wins; otherwise ../shared/corpora beside the repository root, wherever the command runs', () => {
    expect(corporaPath({ FOLLOWUP_CORPORA: '/data/corpora' })).toBe('/data/corpora');
    expect(corporaPath({})).toBe(join(repoRoot(), '..', 'shared', 'corpora'));
    expect(repoRoot()).toBe(process.cwd());
    expect(() => corporaDir({ FOLLOWUP_CORPORA: '/nowhere/corpora' })).toThrow(/FOLLOWUP_CORPORA/);
  });
});

describe.skipIf(!corporaPresent())('public corpora floors', () => {
  it.each(FRAGMENT_SETS)('%s: upstream assertions on the visible text', (set) => {
    const s = scoreFragmentSet(corporaDir(), set);
    expect(s.n).toBeGreaterThan(5);
    expect(s.followup).toBeGreaterThanOrEqual(FLOOR.fragments[set] ?? 1);
    expect(s.followup).toBeGreaterThanOrEqual(s.emailReplyParser);
  });

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
  fragments: { 'github-email_reply_parser': 0.65, 'crisp-email-reply-parser': 0.98, 'willdurand-EmailReplyParser': 0.8, 'zapier-email-reply-parser': 0.75 } as Record<string, number>,
  multilingualTune: 0.97, multilingualDev: 0.97, multilingualHeldout: 0.84, language: 0.97,
};
