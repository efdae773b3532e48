import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: two levels above this file, in src/bench/ and in dist/bench/ alike (any clone location). */
export function repoRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

/** Where the shared public corpora are: `FOLLOWUP_CORPORA`, else ../shared/corpora beside the repository root. */
export function corporaPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.FOLLOWUP_CORPORA ? resolve(env.FOLLOWUP_CORPORA) : resolve(repoRoot(), '..', 'shared', 'corpora');
}

export function corporaDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = corporaPath(env);
  if (!existsSync(join(dir, 'SOURCES.md'))) {
    throw new Error(`public corpora not found at ${dir}: set FOLLOWUP_CORPORA to the corpora folder (the one with SOURCES.md), or put shared/corpora beside the repository`);
  }
  return dir;
}

export function hasCorpora(env: NodeJS.ProcessEnv = process.env): boolean {
  return existsSync(join(corporaPath(env), 'SOURCES.md'));
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export function listFiles(dir: string, ext: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith(ext)).sort();
}

/** Whitespace normalisation used by every text comparison: runs of whitespace → one space, trimmed. */
export function normalise(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export function ratio(ok: number, n: number): number {
  return n === 0 ? 0 : ok / n;
}
