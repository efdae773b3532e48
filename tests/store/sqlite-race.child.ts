/**
 * A separate process for tests/store/sqlite.multiprocess.test.ts (not a test itself).
 * argv: <sqlitePath> <owner> <open|work>
 * Prints "ready" once loaded, waits for a line on stdin (so that every process starts together),
 * opens the store (racing the others on a fresh file's migrations), then:
 *   open  - closes it and prints an empty report;
 *   work  - approves every pending draft (racing), takes the lease, claims outbox items until none
 *           are left, and prints a JSON report line.
 */
import { openStore } from '../../src/store/open-store.js';
import { T0, anOutboxItem } from './fixtures.js';

const [path, owner, mode] = process.argv.slice(2);
if (!path || !owner || !mode) throw new Error('usage: sqlite-race.child.ts <path> <owner> <open|work>');

process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
process.stdin.destroy();

const store = await openStore({ sqlitePath: path });
const report = { owner, approved: [] as string[], lease: false, claimed: [] as string[] };
try {
  if (mode === 'work') {
    for (const draft of await store.listDrafts({})) {
      const item = await store.approveDraft(draft.id, {
        by: owner,
        at: T0,
        outbox: anOutboxItem({ id: `out_${draft.id}_${owner}`, draftId: draft.id, messageId: `<${draft.id}.${owner}@x>` }),
      });
      if (item) report.approved.push(draft.id);
    }
    report.lease = await store.acquireLease({ name: 'tick', owner, now: T0, ttlMs: 60_000 });
    for (let round = 0; round < 1000; round++) {
      const batch = await store.claimOutbox({ now: T0, owner, limit: 2 });
      if (batch.length === 0) break;
      report.claimed.push(...batch.map((o) => o.id));
    }
  }
} finally {
  await store.close();
}
process.stdout.write(`${JSON.stringify(report)}\n`);
