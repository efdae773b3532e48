import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where the shared public corpora live: ../shared/corpora next to the repo root (process.cwd()). */
export function corporaDir(cwd: string = process.cwd()): string {
  const dir = resolve(cwd, '..', 'shared', 'corpora');
  if (!existsSync(join(dir, 'SOURCES.md'))) {
    throw new Error(`public corpora not found at ${dir}: run from the repo root with ../shared/corpora present (see its SOURCES.md)`);
  }
  return dir;
}

export function hasCorpora(cwd: string = process.cwd()): boolean {
  return existsSync(resolve(cwd, '..', 'shared', 'corpora', 'SOURCES.md'));
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
