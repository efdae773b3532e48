import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const DIST_BIN = join(ROOT, 'bin', 'followup.js');

/** The CLI as a child process: the built bin when CHAOS_USE_DIST=1 (and built), else src through tsx. */
export function cliArgs(args: string[]): string[] {
  if (process.env.CHAOS_USE_DIST === '1' && existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) return [DIST_BIN, ...args];
  return ['--import', 'tsx', join(HERE, 'cli-entry.ts'), ...args];
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

export interface Running {
  child: ChildProcess;
  done: Promise<Exit>;
  output(): string;
}

export function startCli(args: string[], env: NodeJS.ProcessEnv): Running {
  const child = spawn(process.execPath, cliArgs(args), { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<Exit>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, out, err })));
  return { child, done, output: () => out + err };
}

export async function runCli(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<Exit> {
  const run = startCli(args, env);
  const timer = setTimeout(() => run.child.kill('SIGKILL'), timeoutMs);
  try {
    return await run.done;
  } finally {
    clearTimeout(timer);
  }
}

/** Waits until the child printed `pattern` (or exits, or the time is up: then throws with its output). */
export async function waitForOutput(run: Running, pattern: RegExp, timeoutMs = 60_000): Promise<RegExpExecArray> {
  const started = Date.now();
  for (;;) {
    const m = pattern.exec(run.output());
    if (m) return m;
    if (run.child.exitCode !== null || run.child.signalCode !== null) throw new Error(`the process ended before printing ${pattern}:\n${run.output()}`);
    if (Date.now() - started > timeoutMs) throw new Error(`no ${pattern} after ${timeoutMs} ms:\n${run.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
