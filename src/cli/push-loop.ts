import type { Runtime } from '../app/runtime.js';
import { accountsMarkedSyncSoon } from '../worker/push.js';

/**
 * `serve` on SQLite: every few seconds, the accounts a push notification marked "sync soon" get
 * their pass (a tick narrowed to them). `runSerial` keeps it and the scheduled tick one at a time
 * in this process, so neither finds the other's lease and gives up.
 */
export function startPushLoop(runtime: Runtime, runSerial: (accounts: string[] | null) => Promise<void>, everyMs = 2000): () => void {
  const ids = runtime.config.accounts.map((a) => a.id);
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const loop = async () => {
    try {
      const due = await accountsMarkedSyncSoon(runtime.store, ids);
      if (due.length > 0) await runSerial(due);
    } catch (err) {
      runtime.logger.error({ err: (err as Error).message }, 'push: syncing the notified accounts failed; the safety poll will catch up');
    }
    if (!stopped) timer = setTimeout(() => void loop(), everyMs);
  };
  timer = setTimeout(() => void loop(), everyMs);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}

/** Runs the given jobs one after another (a promise chain), whoever asks. */
export function serialQueue(): <T>(job: () => Promise<T>) => Promise<T> {
  let chain: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>) => {
    const next = chain.then(job, job);
    chain = next.catch(() => undefined);
    return next;
  };
}
