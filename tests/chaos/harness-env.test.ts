import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeWorkspace, storyTimes, withRuntime, type Workspace } from './harness.js';

/**
 * The chaos stories run at once (Promise.all in chaos.test.ts), two of them on PostgreSQL in the long run, each in
 * its own schema. Each story's in-process runtime must use its own DATABASE_URL, and the harness must leave the
 * process's environment as it found it: it once set process.env.DATABASE_URL around each runtime and restored
 * it afterwards, so two overlapping runtimes left the first story's (dropped) schema behind for whatever ran next,
 * and it copied the stories' secrets into process.env.
 */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const WATCHED = ['DATABASE_URL', 'FOLLOWUP_ENCRYPTION_KEY', 'MICROSOFT_CLIENT_SECRET'] as const;

describe('chaos harness: two PostgreSQL stories at once', () => {
  it('each runtime uses its own database, and process.env is left as it was', async () => {
    if (!process.env.TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set: this test needs PostgreSQL (e.g. postgres://postgres@127.0.0.1:5432/test)');
    const before = Object.fromEntries(WATCHED.map((k) => [k, process.env[k]]));
    const tag = randomBytes(4).toString('hex');
    const { t0 } = storyTimes();
    const workspaces: Workspace[] = [];
    try {
      const a = await makeWorkspace('google', 'postgres', 1, t0, `env-a-${tag}`, undefined);
      workspaces.push(a);
      const b = await makeWorkspace('google', 'postgres', 1, t0, `env-b-${tag}`, undefined);
      workspaces.push(b);
      expect(a.env.DATABASE_URL).not.toBe(b.env.DATABASE_URL);

      // Overlapping runtimes: A opens, B opens, A closes, B closes.
      const aOpen = deferred();
      const bOpen = deferred();
      const mark = (email: string) => ({ email, reason: 'chaos harness env test', at: t0 });
      const runA = withRuntime(a, async (rt) => {
        await rt.store.addSuppression(mark('story-a@example.com'));
        aOpen.resolve();
        await bOpen.promise;
      });
      await aOpen.promise;
      await withRuntime(b, async (rt) => {
        await rt.store.addSuppression(mark('story-b@example.com'));
        bOpen.resolve();
        await runA;
      });

      const seen = async (ws: Workspace) =>
        withRuntime(ws, async (rt) => ({ a: await rt.store.isSuppressed('story-a@example.com'), b: await rt.store.isSuppressed('story-b@example.com') }));
      expect(await seen(a)).toEqual({ a: true, b: false });
      expect(await seen(b)).toEqual({ a: false, b: true });
      expect(Object.fromEntries(WATCHED.map((k) => [k, process.env[k]]))).toEqual(before);
    } finally {
      for (const ws of workspaces) await ws.cleanup();
    }
  }, 120_000);
});
