import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corporaDir, corporaPath, repoRoot } from '../../src/bench/corpora.js';
import { FRAGMENT_SETS, scoreFragmentSet } from '../../src/bench/score-fragments.js';
import { scoreLanguage } from '../../src/bench/score-language.js';
import { MULTILINGUAL_DIR, isHeldOut, listSplits, scoreMultilingual, splitsByRole } from '../../src/bench/score-multilingual.js';
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

  it('every split folder is found: tune, dev, the other tuned ones, then the held-out ones', () => {
    const splits = listSplits(process.cwd());
    expect(splits.slice(0, 5)).toEqual(['tune', 'dev', 'tune-r2', 'tune-r3', 'tune-r4']);
    // heldout-r3 and heldout-r4 were scored once and are tuned on as tune-r3 and tune-r4 now: neither may be found
    // as held out any more.
    expect(splits).not.toContain('heldout-r3');
    expect(splits).not.toContain('heldout-r4');
    expect(splitsByRole(process.cwd()).tuned).toContain('tune-r3');
    expect(splitsByRole(process.cwd()).tuned).toContain('tune-r4');
    expect(splitsByRole(process.cwd()).tuned).toEqual(splits.filter((s) => !s.startsWith('heldout')));
  });

  it('a heldout… folder is picked up by itself and reported apart as held out; a folder without labels.json is not a split', () => {
    const root = mkdtempSync(join(tmpdir(), 'followup-splits-'));
    try {
      for (const split of ['heldout-r3', 'tune-r2', 'dev', 'tune', 'heldout', 'tune-r9', 'notes']) {
        mkdirSync(join(root, MULTILINGUAL_DIR, split), { recursive: true });
        if (split !== 'notes') writeFileSync(join(root, MULTILINGUAL_DIR, split, 'labels.json'), '{"cases":[]}');
      }
      expect(listSplits(root)).toEqual(['tune', 'dev', 'tune-r2', 'tune-r9', 'heldout', 'heldout-r3']);
      expect(splitsByRole(root)).toEqual({ tuned: ['tune', 'dev', 'tune-r2', 'tune-r9'], heldOut: ['heldout', 'heldout-r3'] });
      expect(isHeldOut('heldout-r3')).toBe(true);
      expect(isHeldOut('tune-r2')).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

/**
 * tune-r2 was the held-out split of round 2 (then `heldout/`), written blind to the parser and scored once unseen:
 * 173/205 = 84.4%, proposals certain and right 84.8%, 6 proposals from hard negatives, 0 missed opt-outs. From
 * round 3 it is tuned on, so it is held to the rule like tune and dev.
 */
describe('multilingual set, tune-r2 split (tests/fixtures/replies-multilingual/tune-r2)', () => {
  it('scores above the floor by the issue\'s rule, with no proposal from a hard negative and no missed opt-out', async () => {
    const s = await scoreMultilingual(join(process.cwd(), MULTILINGUAL_DIR, 'tune-r2'));
    expect(s.n).toBeGreaterThanOrEqual(200);
    expect(s.accuracy).toBeGreaterThanOrEqual(FLOOR.multilingualTuneR2);
    expect(s.certainRightShare).toBeGreaterThanOrEqual(0.85);
    expect(s.hardNegativeProposals).toEqual([]);
    expect(s.missedOptouts).toEqual([]);
  });
});

/**
 * tune-r3 was the held-out split of round 3 (then `heldout-r3/`), written blind to the parser and scored once unseen:
 * 232/265 = 87.5%, proposals certain and right 119/134 = 88.8%, 9 proposals from hard negatives, 1 missed opt-out.
 * From round 4 it is tuned on, so it is held to the rule like the other tuned splits.
 */
describe('multilingual set, tune-r3 split (tests/fixtures/replies-multilingual/tune-r3)', () => {
  it('scores above the floor by the issue\'s rule, with no proposal from a hard negative and no missed opt-out', async () => {
    const s = await scoreMultilingual(join(process.cwd(), MULTILINGUAL_DIR, 'tune-r3'));
    expect(s.n).toBeGreaterThanOrEqual(265);
    expect(s.accuracy).toBeGreaterThanOrEqual(FLOOR.multilingualTuneR3);
    expect(s.certainRightShare).toBeGreaterThanOrEqual(0.85);
    expect(s.hardNegativeProposals).toEqual([]);
    expect(s.missedOptouts).toEqual([]);
  });
});

/**
 * tune-r4 was the held-out split of round 4 (then `heldout-r4/`), written blind to the parser and scored once unseen
 * by the lead: 213/246 = 86.6%, proposals certain and right 107/121 = 88.4%, 5 proposals from hard negatives, 3
 * missed opt-outs. From round 5 it is tuned on, so it is held to the rule like the other tuned splits.
 */
describe('multilingual set, tune-r4 split (tests/fixtures/replies-multilingual/tune-r4)', () => {
  it('scores above the floor by the issue\'s rule, with no proposal from a hard negative and no missed opt-out', async () => {
    const s = await scoreMultilingual(join(process.cwd(), MULTILINGUAL_DIR, 'tune-r4'));
    expect(s.n).toBeGreaterThanOrEqual(246);
    expect(s.accuracy).toBeGreaterThanOrEqual(FLOOR.multilingualTuneR4);
    expect(s.certainRightShare).toBeGreaterThanOrEqual(0.85);
    expect(s.hardNegativeProposals).toEqual([]);
    expect(s.missedOptouts).toEqual([]);
  });
});

/**
 * tune-r5 was the held-out split of round 5 (then `heldout-r5/`), written blind to the parser and scored once unseen
 * after round 6: 251/272 = 92.3%, proposals certain and right 125/135 = 92.6%, 5 proposals from hard negatives, 0
 * missed opt-outs. From round 7 it is tuned on, so it is held to the rule like the other tuned splits.
 */
describe('multilingual set, tune-r5 split (tests/fixtures/replies-multilingual/tune-r5)', () => {
  it('scores above the floor by the issue\'s rule, with no proposal from a hard negative and no missed opt-out', async () => {
    const s = await scoreMultilingual(join(process.cwd(), MULTILINGUAL_DIR, 'tune-r5'));
    expect(s.n).toBeGreaterThanOrEqual(272);
    expect(s.accuracy).toBeGreaterThanOrEqual(FLOOR.multilingualTuneR5);
    expect(s.certainRightShare).toBeGreaterThanOrEqual(0.85);
    expect(s.hardNegativeProposals).toEqual([]);
    expect(s.missedOptouts).toEqual([]);
  });
});

/**
 * tune-r6 was the held-out split of round 7 (then `heldout-r6/`), written blind to the parser and scored once unseen
 * after round 7: 156/170 = 91.8%, proposals certain and right 95/106 = 89.6%, 2 proposals from hard negatives, 1
 * missed opt-out. From round 8 it is tuned on (classes-round8.test.ts), held to the rule like the others.
 */
describe('multilingual set, tune-r6 split (tests/fixtures/replies-multilingual/tune-r6)', () => {
  it('scores above the floor by the issue\'s rule, with no proposal from a hard negative and no missed opt-out', async () => {
    const s = await scoreMultilingual(join(process.cwd(), MULTILINGUAL_DIR, 'tune-r6'));
    expect(s.n).toBeGreaterThanOrEqual(170);
    expect(s.accuracy).toBeGreaterThanOrEqual(FLOOR.multilingualTuneR6);
    expect(s.certainRightShare).toBeGreaterThanOrEqual(0.85);
    expect(s.hardNegativeProposals).toEqual([]);
    expect(s.missedOptouts).toEqual([]);
  });
});

/**
 * tune-r7 was the held-out split of round 9 (then `heldout-r7/`), written blind to the parser and scored once unseen
 * after round 9: 215/240 = 89.6%, proposals certain and right 108/124 = 87.1%, 1 proposal from a hard negative, 0
 * missed opt-outs. From round 10 it is tuned on, held to the rule like the others.
 */
describe('multilingual set, tune-r7 split (tests/fixtures/replies-multilingual/tune-r7)', () => {
  it('scores above the floor by the issue\'s rule', async () => {
    const s = await scoreMultilingual(join(process.cwd(), MULTILINGUAL_DIR, 'tune-r7'));
    expect(s.n).toBeGreaterThanOrEqual(240);
    expect(s.accuracy).toBeGreaterThanOrEqual(FLOOR.multilingualTuneR7);
    expect(s.certainRightShare).toBeGreaterThanOrEqual(0.85);
    expect(s.missedOptouts).toEqual([]);
  });
});

/**
 * Its floor is one case under Node 20's 230/230 (229/230 = 99.57%): on Node 22 and 24 r8042 ("Monday 13th, between 10 and 2 my time
 * (Vancouver)", December 2027) reads 10:00 as 17:00 UTC, not 18:00, because their ICU time-zone data has British
 * Columbia on UTC−7 all year from November 2026, while Node 20's older data (which computed the label) has PST. The
 * parser reads the wall time right on both; the UTC instant follows the Node's tz database.
 *
 * tune-r8 was the held-out split of round 10 (then `heldout-r8/`), written blind to the parser and scored once unseen
 * after round 10: 208/230 = 90.4%, proposals certain and right 103/121 = 85.1%, 3 proposals from hard negatives (an
 * invoice's payment day, a delivery window, a Dutch one), 0 missed opt-outs. Round 11 tuned on it: 219/230 = 95.2%, 0 proposals from
 * hard negatives (a third party's errand with a day and time is no proposal; British "Tuesday week"; "thurs 4?"; "Out for the 4th but …"; after a holiday).
 * Round 12 (part a) fixed its last 11 misses as classes (tests/replies/classes-round12.test.ts): 230/230 = 100%, certain and
 * right 118/121 = 97.5%.
 */
describe('multilingual set, tune-r8 split (tests/fixtures/replies-multilingual/tune-r8)', () => {
  it('scores above the floor by the issue\'s rule, with no proposal from a hard negative and no missed opt-out', async () => {
    const s = await scoreMultilingual(join(process.cwd(), MULTILINGUAL_DIR, 'tune-r8'));
    expect(s.n).toBeGreaterThanOrEqual(230);
    expect(s.accuracy).toBeGreaterThanOrEqual(FLOOR.multilingualTuneR8);
    expect(s.certainRightShare).toBeGreaterThanOrEqual(0.85);
    expect(s.hardNegativeProposals).toEqual([]);
    expect(s.missedOptouts).toEqual([]);
  });
});

/**
 * tune-r9 was the held-out split of round 11 (then `heldout-r9/`), written blind to the parser and scored once unseen
 * after round 11: 209/240 = 87.1%, proposals certain and right 118/133 = 88.7%, 10 proposals from hard negatives (the
 * prospect's own or family errands with a day and time, a forwarded agenda, office closing hours), 1 missed opt-out
 * (Rioplatense "dejá de escribirme"). Round 12 (part b, the kind of a reply) tuned on it: 225/240 = 93.8%, 0 proposals
 * from hard negatives (the week told to explain "not now" with a promise to write later and no time invited; someone
 * else's appointment, an office closing, a committee sitting, the clocks changing), 0 missed opt-outs (voseo imperatives,
 * a bare "baja"). Round 12 part c (times: a refused day then the one proposed, an offered slot picked by its number or
 * as the last one, abbreviated weekdays with a bare hour in the seven languages) took it to 239/240 = 99.6%. Floor: that
 * score minus one case.
 */
describe('multilingual set, tune-r9 split (tests/fixtures/replies-multilingual/tune-r9)', () => {
  it('scores above the floor by the issue\'s rule', async () => {
    const s = await scoreMultilingual(join(process.cwd(), MULTILINGUAL_DIR, 'tune-r9'));
    expect(s.n).toBeGreaterThanOrEqual(240);
    expect(s.accuracy).toBeGreaterThanOrEqual(FLOOR.multilingualTuneR9);
    expect(s.certainRightShare).toBeGreaterThanOrEqual(0.85);
    expect(s.hardNegativeProposals).toEqual([]);
    expect(s.missedOptouts).toEqual([]);
  });
});

/**
 * tune-r10 was the held-out split of round 12 (then `heldout-r10/`), written blind to the parser and scored once unseen
 * after round 12: 201/240 = 83.8%, proposals certain and right 107/131 = 81.7% (the 85% rule failed), 7 proposals from
 * hard negatives (a driver collecting samples, a maintenance window, a flight), 0 missed opt-outs. Round 13 tuned on
 * it (dates and times written in words in the seven languages; third parties' errands, service notices, flights):
 * 238/240 = 99.2%, proposals certain and right 128/131, 0 proposals from hard negatives. Floor: that minus one case.
 */
describe('multilingual set, tune-r10 split (tests/fixtures/replies-multilingual/tune-r10)', () => {
  it('scores above the floor by the issue\'s rule, with no proposal from a hard negative and no missed opt-out', async () => {
    const s = await scoreMultilingual(join(process.cwd(), MULTILINGUAL_DIR, 'tune-r10'));
    expect(s.n).toBeGreaterThanOrEqual(240);
    expect(s.accuracy).toBeGreaterThanOrEqual(FLOOR.multilingualTuneR10);
    expect(s.certainRightShare).toBeGreaterThanOrEqual(0.85);
    expect(s.hardNegativeProposals).toEqual([]);
    expect(s.missedOptouts).toEqual([]);
  });
});

/**
 * tune-r11 was the held-out split of round 13 (then `heldout-r11/`), written blind to the parser and scored once unseen
 * after round 13: 226/240 = 94.2%, proposals certain and right 118/132 = 89.4%, 1 proposal from a hard negative, 0
 * missed opt-outs. Round 14 tuned on it (dotted dates after a weekday, greetings and EOD, holidays named as a day,
 * pick-up errands, "when suits you?", "a week or two", "after Q3 closes", return dates): 240/240. Floor: that minus one case.
 */
describe('multilingual set, tune-r11 split (tests/fixtures/replies-multilingual/tune-r11)', () => {
  it('scores above the floor by the issue\'s rule', async () => {
    const s = await scoreMultilingual(join(process.cwd(), MULTILINGUAL_DIR, 'tune-r11'));
    expect(s.n).toBeGreaterThanOrEqual(240);
    expect(s.accuracy).toBeGreaterThanOrEqual(FLOOR.multilingualTuneR11);
    expect(s.certainRightShare).toBeGreaterThanOrEqual(0.85);
    expect(s.hardNegativeProposals).toEqual([]);
    expect(s.missedOptouts).toEqual([]);
  });
});

/**
 * tune-r12 was the held-out split of round 14 (then `heldout-r12/`), written blind to the parser and scored once unseen
 * after round 14: 215/240 = 89.6%, proposals certain and right 111/131 = 84.7% (one case under the 85% rule, so the 7
 * readings asked about with the right one among the options counted as wrong), 0 proposals from hard negatives, 0
 * missed opt-outs. Tuned on in round 15 (240/240): its floor is today's score minus one case.
 */
describe('multilingual set, tune-r12 split (tests/fixtures/replies-multilingual/tune-r12)', () => {
  it('scores above the floor, with no proposal from a hard negative and no missed opt-out', async () => {
    const s = await scoreMultilingual(join(process.cwd(), MULTILINGUAL_DIR, 'tune-r12'));
    expect(s.n).toBeGreaterThanOrEqual(240);
    expect(s.accuracy).toBeGreaterThanOrEqual(FLOOR.multilingualTuneR12);
    expect(s.hardNegativeProposals).toEqual([]);
    expect(s.missedOptouts).toEqual([]);
  });
});

/**
 * tune-r13 was a held-out split (then `heldout-r13/`), written blind to the parser and scored once unseen after round 14:
 * 231/240 = 96.3%, proposals certain and right 127/134 = 94.8%, 1 proposal from a hard negative, 0 missed opt-outs.
 * Tuned on in round 15 (239/240): its floor is today's score minus one case, with no hard-negative proposal.
 */
describe('multilingual set, tune-r13 split (tests/fixtures/replies-multilingual/tune-r13)', () => {
  it('scores above the floor, with no proposal from a hard negative (one in its blind score) and no missed opt-out', async () => {
    const s = await scoreMultilingual(join(process.cwd(), MULTILINGUAL_DIR, 'tune-r13'));
    expect(s.n).toBeGreaterThanOrEqual(240);
    expect(s.accuracy).toBeGreaterThanOrEqual(FLOOR.multilingualTuneR13);
    expect(s.certainRightShare).toBeGreaterThanOrEqual(0.85);
    expect(s.hardNegativeProposals).toEqual([]);
    expect(s.missedOptouts).toEqual([]);
  });
});

/**
 * tune-r14 and tune-r15 were the held-out splits of round 15 (then `heldout-r14/`, `heldout-r15/`), written blind to the
 * parser and scored once unseen after round 15: 237/248 = 95.6% (certain and right 132/136, 3 hard-negative proposals)
 * and 224/240 = 93.3% (118/128, 2 hard-negative proposals), 0 missed opt-outs; tuned on in round 16 (248/248 and
 * 240/240, no hard-negative proposal left), floored at today's scores less one case. tune-r16 was round 16's held-out
 * split, scored once unseen after round 16: 233/240 = 97.1% (132/137 certain and right, 2 hard-negative proposals, 0
 * missed opt-outs); its two hard negatives were then fixed as classes (own-plans-round16.test.ts): floor at the blind
 * score less one case, and no hard-negative proposal (237/240 after round 17: floored at 236).
 * tune-r17 and tune-r18 were written blind with new themes (haste on phones; formal replies, assistants, forwarded
 * answers) and scored once on round 16's code: 204/240 = 85.0% (7 hard-negative proposals, 1 missed opt-out) and
 * 198/240 = 82.5% (4, 2). Round 17 tuned on them (240/240 and 239/240, none of either left): floored at today's
 * scores less one case, with no hard-negative proposal.
 * tune-r19 and tune-r20, blind, scored once after round 17: 212/240 = 88.3% (0 hard-negative proposals) and 215/240 =
 * 89.6% (7); round 18 tuned on them (229/240 and 227/240, none left): floored at those less one case. tune-r21, blind,
 * scored once after round 18: 221/240 = 92.1% (4 hard-negative proposals). Round 19 tuned on tune-r19, tune-r20 and
 * tune-r21 (238/240, 237/240 and 239/240, no hard-negative proposal left; tune-r16 went to 238/240): floored at those
 * less one case, with no hard-negative proposal (round 20 took tune-r19 to 239/240 and tune-r20 to 238/240: floored
 * at those less one case). tune-r22, tune-r23 and tune-r24 were written blind with new themes (the later emails of a
 * thread; regional variants; non-native and mixed-language mail) and scored once after round 19: 204/240 = 85.0% (3
 * hard-negative proposals), 223/240 = 92.9% (4) and 203/240 = 84.6% (2). Round 20 tuned on them (239/240, 234/240 and
 * 228/240, none left): floored at those less one case. tune-r25 (buyers' procurement, legal, IT and finance people)
 * and tune-r26 (very short and dictated replies), blind, scored once after round 20: 197/240 = 82.1% (13 hard-negative
 * proposals) and 208/240 = 86.7% (5), not tuned on: floored at their blind scores less one case, their hard negatives
 * not to grow.
 */
describe.each([
  ['tune-r14', 248, 'multilingualTuneR14', 0],
  ['tune-r15', 240, 'multilingualTuneR15', 0],
  ['tune-r16', 240, 'multilingualTuneR16', 0],
  ['tune-r17', 240, 'multilingualTuneR17', 0],
  ['tune-r18', 240, 'multilingualTuneR18', 0],
  ['tune-r19', 240, 'multilingualTuneR19', 0],
  ['tune-r20', 240, 'multilingualTuneR20', 0],
  ['tune-r21', 240, 'multilingualTuneR21', 0],
  ['tune-r22', 240, 'multilingualTuneR22', 0],
  ['tune-r23', 240, 'multilingualTuneR23', 0],
  ['tune-r24', 240, 'multilingualTuneR24', 0],
  ['tune-r25', 240, 'multilingualTuneR25', 13],
  ['tune-r26', 240, 'multilingualTuneR26', 5],
] as const)('multilingual set, %s split', (split, n, floor, hardNegatives) => {
  it('scores above the floor, with no more hard-negative proposals than its blind score and no missed opt-out', async () => {
    const s = await scoreMultilingual(join(process.cwd(), MULTILINGUAL_DIR, split));
    expect(s.n).toBeGreaterThanOrEqual(n);
    expect(s.accuracy).toBeGreaterThanOrEqual(FLOOR[floor]);
    expect(s.certainRightShare).toBeGreaterThanOrEqual(0.85);
    expect(s.hardNegativeProposals.length).toBeLessThanOrEqual(hardNegatives);
    expect(s.missedOptouts).toEqual([]);
  });
});

/**
 * Every `heldout…` split present (none after round 4: the next one is added by the lead) is blind: no floor is set from it here, since
 * nobody may look at its score to tune; the bench reports it apart. This only checks each one is read in full.
 */
describe('multilingual set, held-out splits present', () => {
  it('each held-out split is read in full by the scorer', async () => {
    // A heldout… folder without a readable labels.json would be skipped silently by the bench: fail here instead.
    const onDisk = readdirSync(join(process.cwd(), MULTILINGUAL_DIR), { withFileTypes: true }).filter((e) => e.isDirectory() && e.name.startsWith('heldout')).map((e) => e.name).sort();
    expect(splitsByRole(process.cwd()).heldOut).toEqual(onDisk);
    for (const split of splitsByRole(process.cwd()).heldOut) {
      const dir = join(process.cwd(), MULTILINGUAL_DIR, split);
      const cases = (JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as { cases: unknown[] }).cases;
      const s = await scoreMultilingual(dir);
      expect(s.n, split).toBe(cases.length);
    }
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
  chronoStart: 0.92, chronoNone: 1, ducklingStart: 0.41, ducklingNone: 1,
  fragments: { 'github-email_reply_parser': 0.65, 'crisp-email-reply-parser': 0.98, 'willdurand-EmailReplyParser': 0.8, 'zapier-email-reply-parser': 0.75 } as Record<string, number>,
  multilingualTune: 0.97, multilingualDev: 0.97, multilingualTuneR2: 0.99, multilingualTuneR3: 0.99, multilingualTuneR4: 0.99, multilingualTuneR5: 0.99, multilingualTuneR6: 0.98, multilingualTuneR7: 0.98, multilingualTuneR8: 0.995, multilingualTuneR9: 0.99, multilingualTuneR10: 0.99, multilingualTuneR11: 0.995, multilingualTuneR12: 0.995, multilingualTuneR13: 0.99, multilingualTuneR14: 0.995, multilingualTuneR15: 0.995, multilingualTuneR16: 0.987, multilingualTuneR17: 0.995, multilingualTuneR18: 0.991, multilingualTuneR19: 0.991, multilingualTuneR20: 0.987, multilingualTuneR21: 0.991, multilingualTuneR22: 0.991, multilingualTuneR23: 0.97, multilingualTuneR24: 0.945, multilingualTuneR25: 0.816, multilingualTuneR26: 0.862, language: 0.97,
};
