/**
 * SQLite shared by several processes (two workers, or a worker and the CLI, on one file): what the
 * in-process contract cannot show, since better-sqlite3 is synchronous and one process never
 * overlaps two statements. Each child is a real Node process running src/store through tsx.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSqlite } from '../../src/store/sqlite-driver.js';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { openStore } from '../../src/store/open-store.js';
import { aDraft, aProspect, anAccount, anOutboxItem, at } from './fixtures.js';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'sqlite-race.child.ts');
const PROCESSES = 3;
const CHILD_TIMEOUT_MS = 60_000;

interface Report {
  owner: string;
  approved: string[];
  lease: boolean;
  claimed: string[];
}

/**
 * Starts one child per owner, waits until every one has loaded (they print "ready"), then releases
 * them together and returns their reports. A child that fails makes this reject with its stderr.
 */
async function runTogether(path: string, mode: 'open' | 'work'): Promise<Report[]> {
  const children = Array.from({ length: PROCESSES }, (_, i) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, path, `p${i}`, mode], {
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: CHILD_TIMEOUT_MS,
    });
    let stdout = '';
    let stderr = '';
    let onReady: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (onReady = resolve));
    proc.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.startsWith('ready\n')) onReady();
    });
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const done = new Promise<Report>((resolve, reject) => {
      proc.on('error', reject);
      proc.on('close', (code) => {
        if (code !== 0) return reject(new Error(`child p${i} exited with ${code}: ${stderr}`));
        const last = stdout.trim().split('\n').at(-1) ?? '';
        resolve(JSON.parse(last) as Report);
      });
    });
    // A child that dies before "ready" must not leave the barrier waiting.
    return { proc, ready: Promise.race([ready, done.then(() => undefined)]), done };
  });
  await Promise.all(children.map((c) => c.ready));
  for (const c of children) c.proc.stdin.end('go\n');
  return Promise.all(children.map((c) => c.done));
}

describe('SQLite shared by several processes', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('migrates a fresh file once when processes open it at the same time', async () => {
    dir = mkdtempSync(join(tmpdir(), 'followup-mp-'));
    const path = join(dir, 'followup.db');
    await runTogether(path, 'open');
    const raw = new (loadSqlite())(path, { readonly: true });
    const names = raw.prepare('select name from kysely_migration').all();
    raw.close();
    expect(names).toEqual(MIGRATIONS.map((m) => ({ name: m.name })));
  }, 60_000);

  it('racing approvals, lease and claims: each draft approved once, one lease holder, each item claimed once', async () => {
    dir = mkdtempSync(join(tmpdir(), 'followup-mp-'));
    const path = join(dir, 'followup.db');
    const drafts = 12;
    const queued = 30;
    const store = await openStore({ sqlitePath: path });
    await store.upsertAccount(anAccount());
    await store.upsertProspect(aProspect());
    for (let i = 0; i < drafts; i++) await store.insertDraft(aDraft({ id: `d${i}`, reasonKey: `k${i}` }));
    for (let i = 0; i < queued; i++) {
      await store.enqueueOutbox(anOutboxItem({ id: `q${i}`, messageId: `<q${i}@x>`, notBefore: at(-i) }));
    }

    const reports = await runTogether(path, 'work');

    const approved = reports.flatMap((r) => r.approved);
    expect(approved.sort()).toEqual(Array.from({ length: drafts }, (_, i) => `d${i}`).sort());
    expect(await store.listOutbox({})).toHaveLength(drafts + queued);

    expect(reports.filter((r) => r.lease)).toHaveLength(1);

    const claimed = reports.flatMap((r) => r.claimed);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claimed).toHaveLength(drafts + queued);
    const outbox = await store.listOutbox({});
    expect(outbox.every((o) => o.status === 'sending' && o.attempts === 1)).toBe(true);
    await store.close();
  }, 90_000);
});
