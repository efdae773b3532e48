import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { openRuntime, type Runtime } from '../app/runtime.js';
import { createLogger, silentLogger } from '../log.js';

/** Where the config is: --config, $FOLLOWUP_CONFIG, ./followup.yaml, then the demo workspace. */
export function resolveConfigPath(explicit?: string): string {
  if (explicit) return resolve(explicit);
  if (process.env.FOLLOWUP_CONFIG) return resolve(process.env.FOLLOWUP_CONFIG);
  for (const candidate of ['followup.yaml', 'followup.yml', 'demo/followup.yaml']) {
    if (existsSync(candidate)) return resolve(candidate);
  }
  throw new Error('No config file found. Run `npm start` for the demo, `followup init` to write one, or pass --config <file>.');
}

export interface GlobalOptions {
  config?: string;
  now?: string;
  verbose?: boolean;
}

export function globals(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals() as GlobalOptions;
}

/** --now <ISO> runs as if at that time (previews, reproducible runs). */
export function parseNow(value: string | undefined): Date {
  return parseInstant(value, '--now');
}

/** An ISO time given to `option`; the error names that option (--until, --send-at, --now...). */
export function parseInstant(value: string | undefined, option: string): Date {
  if (!value) return new Date();
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new Error(`${option} "${value}" is not an ISO time; use e.g. 2026-11-30T09:00:00Z.`);
  return d;
}

/** Logs: JSON (pino) on stderr when not on a terminal or with --verbose; otherwise quiet.
 *  `quiet` (the demo, meant for people) keeps only warnings unless --verbose. */
export function cliLogger(opts: GlobalOptions, input: { quiet?: boolean } = {}) {
  if (opts.verbose) return createLogger({ destination: process.stderr as never });
  if (process.stderr.isTTY) return silentLogger();
  return createLogger({ destination: process.stderr as never, ...(input.quiet ? { level: 'warn' } : {}) });
}

export async function withRuntime<T>(cmd: Command, fn: (rt: Runtime, now: Date) => Promise<T>): Promise<T> {
  const opts = globals(cmd);
  const now = parseNow(opts.now);
  const runtime = await openRuntime({ config: resolveConfigPath(opts.config), logger: cliLogger(opts) });
  try {
    return await fn(runtime, now);
  } finally {
    await runtime.close();
  }
}
