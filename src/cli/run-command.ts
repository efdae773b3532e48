import { DateTime } from 'luxon';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { openRuntime } from '../app/runtime.js';
import { loadOptional } from './optional.js';
import { runTick } from '../worker/tick.js';
import { untilStopped } from './provider-commands.js';
import { resolveWebSecret } from '../http/secret.js';
import { formatSummary } from './format.js';
import { cliLogger, globals, parseNow, resolveConfigPath, withRuntime } from './context.js';
import { readStarter, STARTER_FILES } from './starter-config.js';
import { parseConcurrency, runOnceOnEngine, serveOnEngine } from './engine-run.js';
import type { Runtime } from '../app/runtime.js';

import { runOutcome } from './run-outcome.js';
export { RUN_EXIT, RunHadProblems, runOutcome } from './run-outcome.js';

export function registerRunCommands(program: Command): void {
  program
    .command('run')
    .description('Run the worker: sync, detect, draft, send what is approved and due, read replies, book')
    .option('--once', 'run one tick and exit (for cron); the default')
    .addHelpText(
      'after',
      '\nExit status: 0 everything done; 2 items were skipped (bad input, listed under Problems); 3 an account needs attention\n' +
        '(disconnected, stale or failing, or a booking waits for its retry); 75 another run holds the lease (EX_TEMPFAIL: try again later); 1 nothing ran.',
    )
    .option('--json', 'print the summary as JSON')
    .option('--concurrency <n>', 'PostgreSQL: accounts this process works on at once (default 4); several processes share one tick')
    .action(async (opts: { json?: boolean; concurrency?: string }, cmd: Command) => {
      await withRuntime(cmd, async (rt, now) => {
        const concurrency = opts.concurrency === undefined ? undefined : parseConcurrency(opts.concurrency, 1);
        // SQLite: one process, the tick in-process under its lease. PostgreSQL: the job engine.
        const summary = rt.config.env.databaseUrl
          ? await runOnceOnEngine(rt, now, concurrency)
          : await runTick(await rt.context(now, { progress: process.stderr.isTTY ? (m) => process.stderr.write(`${m}\n`) : undefined }));
        console.log(opts.json ? JSON.stringify(summary, null, 2) : formatSummary(summary, rt.config.accounts[0]!.timeZone));
        const outcome = runOutcome(summary);
        if (outcome) throw outcome;
      });
    });

  program
    .command('serve')
    .description('Stay up and run the worker on the config\'s cron schedule (and serve the approval pages)')
    .option('--no-web', 'do not serve the approval pages')
    .option('--print-links', 'print a sign-in link for every rep (the demo workspace always does)')
    .option('--concurrency <n>', 'PostgreSQL: accounts this worker works on at once (default 4)')
    .action(async (opts: { web: boolean; printLinks?: boolean; concurrency?: string }, cmd: Command) => {
      const g = globals(cmd);
      const runtime = await openRuntime({ config: resolveConfigPath(g.config), logger: cliLogger({ ...g, verbose: true }) });
      if (runtime.config.env.databaseUrl) return serveEngineWorker(runtime, opts);
      // Loaded here, not at start-up: `run --once` needs none of them (README, "A lean package").
      const [{ runObservedTick }, { Cron }, { serialQueue, startPushLoop }] = await Promise.all([import('../app/metrics.js'), import('croner'), import('./push-loop.js')]);
      const serial = serialQueue();
      const tick = (accounts: string[] | null = null) =>
        serial(async () => {
          const now = g.now ? parseNow(g.now) : new Date();
          // The digest's links must verify on this server: share its (possibly generated) secret.
          const webSecret = opts.web ? resolveWebSecret({ get: runtime.config.env.get, generate: true }) : undefined;
          const summary = await runObservedTick(await runtime.context(now, { ...(webSecret ? { webSecret } : {}), ...(accounts ? { accounts } : {}) }));
          runtime.logger.info({ drafted: summary.drafted.length, sent: summary.sent.length, booked: summary.booked.length, problems: summary.problems.length, alerts: summary.alerts, ...(accounts ? { pushed: accounts } : {}) }, 'tick done');
        });
      // The pages first: a port in use ends `serve` (closed runtime, no schedule left running).
      const stopWeb = opts.web ? await startWebOrClose(runtime, opts) : null;
      const stopPush = runtime.config.push.publicUrl ? startPushLoop(runtime, tick) : () => undefined;
      const job = new Cron(runtime.config.schedule, { protect: true }, () => {
        tick().catch((err) => runtime.logger.error({ err: (err as Error).message }, 'tick failed'));
      });
      console.log(`followup: running on "${runtime.config.schedule}"; next run ${job.nextRun()?.toISOString()}. Ctrl-C to stop.`);
      await tick();
      await untilStopped();
      job.stop();
      stopPush();
      await stopWeb?.();
      await runtime.close();
    });

  /** Starts the approval pages; when that fails (port in use), closes the runtime and rethrows. */
  async function startWebOrClose(runtime: Runtime, opts: { printLinks?: boolean }, push?: { syncSoon(accountId: string, reason: string): Promise<void> }): Promise<() => Promise<void>> {
    try {
      const { startWebServer } = await import('../http/server.js');
      return await startWebServer(runtime, { print: (line: string) => console.log(line), ...(push ? { push } : {}), ...(opts.printLinks ? { printLinks: true } : {}) });
    } catch (err) {
      await runtime.close();
      throw err;
    }
  }

  /** `serve` on PostgreSQL: a worker of the job engine (and the approval pages unless --no-web). */
  async function serveEngineWorker(runtime: Runtime, opts: { web: boolean; printLinks?: boolean; concurrency?: string }): Promise<void> {
    const concurrency = opts.concurrency === undefined ? undefined : parseConcurrency(opts.concurrency, 1);
    // A notification marks the account (its pass will not skip the provider sync) and enqueues its
    // sync job: the pg-boss singleton key makes duplicates one job.
    const { enginePushSink } = await import('../http/routes/push.js');
    const { sink: push, attach } = enginePushSink(runtime.store, runtime.config.accounts.map((a) => a.id));
    const stopWeb = opts.web ? await startWebOrClose(runtime, opts, push) : null;
    const stop = new AbortController();
    console.log(`followup: a worker on PostgreSQL (schedule "${runtime.config.schedule}", fired once per slot by the job engine). Ctrl-C to stop.`);
    const working = serveOnEngine(runtime, concurrency, stop.signal, (e) => {
      attach(e).catch((err: unknown) => runtime.logger.error({ err: (err as Error).message }, 'push: enqueueing the accounts notified before the worker started failed; the safety poll will catch up'));
    });
    await Promise.race([untilStopped(), working]);
    stop.abort();
    await working;
    await stopWeb?.();
    await runtime.close();
  }

  program
    .command('demo')
    .description('Seed the demo workspace (./demo) relative to now and run one tick; `npm start` runs this')
    .option('--dir <dir>', 'where to put the demo workspace', 'demo')
    .option('--provider <family>', 'local (default); google and microsoft run through their emulators; standard on Radicale, Dovecot and an SMTP server it starts', 'local')
    .action(async (opts: { dir: string; provider: string }, cmd: Command) => {
      const g = globals(cmd);
      const now = parseNow(g.now);
      const dir = resolve(opts.dir);
      if (existsSync(dir)) {
        if (!existsSync(resolve(dir, '.followup-demo'))) throw new Error(`${dir} exists and is not a demo workspace; pass --dir <another folder>.`);
        rmSync(dir, { recursive: true, force: true });
      }
      mkdirSync(dir, { recursive: true });
      // The demo is not in the production package (see README, "A lean package"): loaded on demand.
      const { buildDemoScenario } = await loadOptional(() => import('../demo/build-scenario.js'), 'the demo');
      const { seedLocalWorkspace } = await loadOptional(() => import('../demo/seed-local.js'), 'the demo');
      const scenario = buildDemoScenario(now);
      if (opts.provider !== 'local') {
        const { runProviderDemo } = await import('../demo/run-provider-demo.js');
        await runProviderDemo({ provider: opts.provider, dir, scenario, logger: cliLogger(g, { quiet: true }) });
        return;
      }
      const configPath = seedLocalWorkspace(dir, scenario);
      const runtime = await openRuntime({ config: configPath, logger: cliLogger(g, { quiet: true }) });
      try {
        const summary = await runTick(await runtime.context(now));
        console.log(`Demo workspace: ${dir} (rep: ${scenario.rep.name} <${scenario.rep.email}>, ${scenario.prospects.length} prospects)\n`);
        console.log(formatSummary(summary, scenario.rep.timeZone));
        // A week later, on a weekday at 15:00 UTC (morning in New York, afternoon in Europe); the
        // West Coast opens three hours later. Each email waits for its prospect's business hours.
        const weekLater = DateTime.fromJSDate(now, { zone: 'UTC' }).plus({ days: 7 }).set({ hour: 15, minute: 0, second: 0, millisecond: 0 });
        const weekday = weekLater.weekday > 5 ? weekLater.plus({ days: 8 - weekLater.weekday }) : weekLater;
        const westCoast = weekday.plus({ hours: 3 });
        console.log(`
Next:
  npx followup drafts list                 # what is waiting for you, and why
  npx followup drafts approve --all        # approve them (or approve/edit/reject one by one)
  npx followup run --once --now ${weekday.toISO({ suppressMilliseconds: true })}
                                           # a week later: what is approved goes out, once, each in the prospect's business hours
                                           # (Sara's booking confirmation is withdrawn: her meeting is over by then)
  npx followup run --once --now ${westCoast.toISO({ suppressMilliseconds: true })}
                                           # three hours later: the West Coast's turn (the summary says what was held until when)
  npx followup outbox list                 # what was sent (files in ${resolve(dir, 'mail/outbox/new')})`);
      } finally {
        await runtime.close();
      }
    });

  program
    .command('init')
    .description('Write a commented starting config (followup.yaml) and prospects file')
    .option('--force', 'overwrite existing files')
    .action((opts: { force?: boolean }) => {
      for (const { file } of STARTER_FILES) {
        if (existsSync(file) && !opts.force) throw new Error(`${file} already exists; pass --force to overwrite it.`);
      }
      for (const { file, example } of STARTER_FILES) {
        writeFileSync(file, readStarter(example));
        console.log(`Wrote ${file}`);
      }
      console.log('Edit them, then run `followup run --once`.');
    });
}
