import { openRuntime, type Runtime } from './app/runtime.js';
import { createLogger } from './log.js';
import { runObservedTick } from './app/metrics.js';
import type { TickSummary } from './worker/context.js';

/**
 * Serverless entry points. Config comes from FOLLOWUP_CONFIG (a file bundled with the function);
 * the store should be PostgreSQL (DATABASE_URL) since function instances do not share a disk.
 * A runtime is built once per warm instance and reused.
 */
let runtimePromise: Promise<Runtime> | null = null;

function runtime(): Promise<Runtime> {
  const path = process.env.FOLLOWUP_CONFIG;
  if (!path) return Promise.reject(new Error('Set FOLLOWUP_CONFIG to the path of the bundled config file.'));
  runtimePromise ??= openRuntime({ config: path, logger: createLogger() }).catch((err: unknown) => {
    runtimePromise = null;
    throw err;
  });
  return runtimePromise;
}

/** Counts only: logs and responses never carry email bodies or addresses. */
function brief(s: TickSummary) {
  return {
    skipped: s.skippedBecause,
    drafted: s.drafted.length,
    sent: s.sent.length,
    booked: s.booked.length,
    replies: s.replies.length,
    problems: s.problems.length,
    alerts: s.alerts.length,
  };
}

/**
 * AWS Lambda handler for a scheduled (EventBridge) event. Runs one tick within the invocation's
 * remaining time; long waits become persisted not-before times, never sleeps.
 */
export async function handler(_event: unknown, context?: { getRemainingTimeInMillis?: () => number }) {
  const rt = await runtime();
  const remaining = context?.getRemainingTimeInMillis?.() ?? 60_000;
  const summary = await runObservedTick(await rt.context(new Date(), { deadlineMs: Date.now() + remaining - 5_000 }));
  rt.logger.info(brief(summary), 'tick done');
  return brief(summary);
}

/**
 * A web-standard (Request) => Response handler for HTTP platforms (Cloudflare, Vercel, Deno,
 * Netlify, Cloud Run): the approval pages, plus POST /tick with a bearer token for HTTP cron.
 */
let appPromise: Promise<{ fetch: (request: Request) => Response | Promise<Response> }> | null = null;

export async function fetchHandler(request: Request): Promise<Response> {
  // One app per warm instance (its sign-in rate limits live in memory).
  // A failed start (database down at a cold start) is not kept: the next request tries again.
  appPromise ??= Promise.all([runtime(), import('./http/app.js')])
    .then(([rt, { createHttpApp }]) => createHttpApp(rt))
    .catch((err: unknown) => {
      appPromise = null;
      throw err;
    });
  return (await appPromise).fetch(request);
}

/** Closes the store of a warm instance (for platforms with a shutdown hook, and tests). */
export async function shutdown(): Promise<void> {
  const pending = runtimePromise;
  runtimePromise = null;
  appPromise = null;
  if (pending) await (await pending.catch(() => null))?.close();
}
