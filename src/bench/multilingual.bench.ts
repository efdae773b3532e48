/**
 * `npm run bench:multilingual`: only the multilingual set's splits (tests/fixtures/replies-multilingual), each by the
 * issue's rule, with every miss listed (`--quiet` for the totals only). The tuned splits first, then every `heldout…`
 * split, reported as held out. A narrower, faster run than `npm run bench:replies`; prints, writes nothing.
 */
import { join } from 'node:path';
import { repoRoot } from './corpora.js';
import { MULTILINGUAL_DIR, isHeldOut, scoreMultilingual, splitsByRole } from './score-multilingual.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

async function main(): Promise<void> {
  const quiet = process.argv.includes('--quiet');
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const root = repoRoot();
  const { tuned, heldOut } = splitsByRole(root);
  for (const split of [...tuned, ...heldOut].filter((s) => only.length === 0 || only.includes(s))) {
    const s = await scoreMultilingual(join(root, MULTILINGUAL_DIR, split));
    console.log(`${split} [${isHeldOut(split) ? 'HELD OUT' : 'tuned on'}]: ${s.right}/${s.n} = ${pct(s.accuracy)}; certain and right ${s.certainRight}/${s.proposalN} = ${pct(s.certainRightShare)} (85% rule ${s.holds85 ? 'holds' : 'FAILS'}); hard-negative proposals ${s.hardNegativeProposals.length}${s.hardNegativeProposals.length ? ` (${s.hardNegativeProposals.join(', ')})` : ''}; missed opt-outs ${s.missedOptouts.length}${s.missedOptouts.length ? ` (${s.missedOptouts.join(', ')})` : ''}`);
    if (!quiet && s.failures.length) console.log(`  ${s.failures.join('\n  ')}`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
