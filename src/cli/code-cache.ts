/**
 * Loads the CLI's CommonJS bundle (dist/bundle/cli.cjs, scripts/bundle.mjs) through `vm.Script`
 * with V8's code cache kept on disk, as v8-compile-cache does: Node 20's ES modules have no code
 * cache, so without this every start compiles the bundle's functions again (README, "A lean
 * package", "Start-up").
 *
 * - The cache is a file per bundle build, command and Node (the bundle's content hash, written
 *   into its first line at build time, and its size and mtime; the command's first word; Node's
 *   version, architecture and V8 flags), in `followup-code-cache-<uid>` in the system's temporary
 *   folder ($NODE_COMPILE_CACHE instead, when set, as Node's own compile cache does).
 * - It is written once the command has finished (`createCachedData()` after the run, so the
 *   functions the run compiled lazily are in it), only when there was none or V8 rejected it;
 *   writing one deletes the folder's cache files older than a week (other builds, other Nodes).
 * - Nothing here ever fails a start: a folder that cannot be made or written (a read-only install,
 *   Lambda, a Docker image), a cache file that is corrupt or from another build, or a folder owned
 *   by another user (a shared /tmp: someone else's cache would be code run as you) only means the
 *   bundle is compiled as without a cache, silently. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
 */
import { isAscii } from 'node:buffer';
import { closeSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
// A namespace import: `constants` is missing before Node 20.12, and a named import of it would not link.
import * as vm from 'node:vm';

/** What bundle.mjs writes as the bundle's first line, the hash filled in after the build. */
export const BUILD_HASH_PREFIX = '/*followup-build:';

export interface CachedLoad<T> {
  /** module.exports of the bundle. */
  exports: T;
  /** 'hit': the cache was used; 'miss': none (or unusable), 'rejected': V8 refused it; 'off': no cache folder. */
  cache: 'hit' | 'miss' | 'rejected' | 'off';
  /** Writes the cache for the next start when this one had none (call once the command is done); never throws. */
  save(): void;
}

/** The cache folder, made (mode 700) when missing, or null when it cannot be used (safely). */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env): string | null {
  // Node before 20.12 has no way to give a vm.Script the ordinary `import()` (pg, the demo):
  // there the CLI's ES module chunks are used, as with no folder.
  if (env.NODE_DISABLE_COMPILE_CACHE || (vm.constants as typeof vm.constants | undefined)?.USE_MAIN_CONTEXT_DEFAULT_LOADER === undefined) return null;
  const uid = typeof process.getuid === 'function' ? process.getuid() : null;
  const dir = join(env.NODE_COMPILE_CACHE || tmpdir(), `followup-code-cache-${uid ?? 'user'}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = lstatSync(dir);
    if (!st.isDirectory()) return null;
    // Only a folder of ours that no one else may write to: a cache file is code that will run.
    if (uid !== null && (st.uid !== uid || (st.mode & 0o022) !== 0)) return null;
    return dir;
  } catch {
    return null;
  }
}

/** A week: caches of other builds and Nodes (each `npm run build` makes a new one) do not pile up. */
const CACHE_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

/** Deletes cache files not written for a week (one still in use too: it is written again at its next start). */
function pruneOldCaches(dir: string, keep: string): void {
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (file === keep || !name.startsWith('cli-')) continue;
    try {
      if (now - statSync(file).mtimeMs > CACHE_MAX_AGE_MS) unlinkSync(file);
    } catch {
      // Gone already (another process pruned it).
    }
  }
}

function cacheName(source: string, size: number, mtimeMs: number, command: string): string {
  const build = source.startsWith(BUILD_HASH_PREFIX) ? source.slice(BUILD_HASH_PREFIX.length, source.indexOf('*/')).replace(/[^0-9a-f]/g, '') : '';
  const flags = process.execArgv.join(' ') + (process.env.NODE_OPTIONS ?? '');
  let h = 0;
  for (let i = 0; i < flags.length; i++) h = (Math.imul(h, 31) + flags.charCodeAt(i)) | 0;
  return `cli-${build || 'nohash'}-${size}-${Math.trunc(mtimeMs)}-${command}-${process.version}-${process.arch}-${(h >>> 0).toString(36)}.cache`;
}

/**
 * Runs `file`, one function expression taking (exports, require, module, __filename, __dirname) as
 * Node's CommonJS wrapper does, with a code cache for `command` (the CLI's first word; another word has its own cache).
 */
export function loadWithCodeCache<T>(file: string, command: string, env: NodeJS.ProcessEnv = process.env, dir: string | null = cacheFolder(env)): CachedLoad<T> {
  const fd = openSync(file, 'r');
  let source: string;
  let size: number;
  let mtimeMs: number;
  try {
    const st = fstatSync(fd);
    size = st.size;
    mtimeMs = st.mtimeMs;
    // The bundle is ASCII (bundle.mjs): read as Latin-1 it is a one-byte string with no UTF-8
    // decoding; any other text is decoded as UTF-8.
    const bytes = readFileSync(fd);
    source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  } finally {
    closeSync(fd);
  }
  const cacheFile = dir === null ? null : join(dir, cacheName(source, size, mtimeMs, /^[a-z][a-z-]{0,30}$/.test(command) ? command : 'other'));
  let cachedData: Buffer | undefined;
  if (cacheFile !== null) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  // The file is CommonJS's module wrapper itself (bundle.mjs writes it so): compiled as it is read.
  const script = new vm.Script(source, {
    filename: file,
    cachedData,
    // `import()` in the bundle (pg, the demo) resolves as in any file at `file`.
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const rejected = cachedData !== undefined && script.cachedDataRejected === true;
  const cache: CachedLoad<T>['cache'] = cacheFile === null ? 'off' : cachedData === undefined ? 'miss' : rejected ? 'rejected' : 'hit';
  const module = { exports: {} as T, filename: file, id: file, loaded: false };
  const fn = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  fn.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  module.loaded = true;
  let saved = false;
  return {
    exports: module.exports,
    cache,
    save() {
      if (saved || cacheFile === null || cache === 'hit') return;
      saved = true;
      try {
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        renameSync(tmp, cacheFile);
        pruneOldCaches(dirname(cacheFile), cacheFile);
      } catch {
        // A folder that cannot be written: the next start compiles again, as without a cache.
      }
    },
  };
}
