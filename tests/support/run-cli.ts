import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'cli.child.ts');

export interface CliRun {
  code: number | null;
  signal: string | null;
  out: string;
  err: string;
  /** Wall time until the process ended (or was killed). */
  ms: number;
  /** True when it was still running after `timeoutMs` and was killed. */
  timedOut: boolean;
}

/** Runs `followup <args>` in a child process; kills it (SIGKILL) after `timeoutMs`. */
export function runCli(args: string[], options: { timeoutMs: number; env?: Record<string, string>; cwd?: string }): Promise<CliRun> {
  return new Promise((resolve) => {
    const started = Date.now();
    let out = '';
    let err = '';
    let timedOut = false;
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.cwd ? { cwd: options.cwd } : {}),
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, out, err, ms: Date.now() - started, timedOut });
    });
  });
}
