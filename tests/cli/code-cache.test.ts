import { isAscii } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILD_HASH_PREFIX, cacheFolder, loadWithCodeCache } from '../../src/cli/code-cache.js';

/**
 * bin/followup.js runs the CLI bundle through src/cli/code-cache.ts (README, "A lean package",
 * "Start-up"): a cache that is missing, corrupt, stale or unwritable must never change what runs,
 * nor print anything.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const CHILD = join(import.meta.dirname, 'code-cache.child.ts');

/** One start of `file` in a fresh process: what the cache did and what the bundle answered. */
function start(file: string, command: string, env: NodeJS.ProcessEnv, save = true): { cache: string; answer: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CHILD, file, command, save ? 'save' : ''], { env: { ...process.env, ...env }, encoding: 'utf8' });
  if (r.status !== 0 || r.stderr !== '') throw new Error(`child exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as { cache: string; answer: string };
}

/** A bundle as bundle.mjs writes it: the build hash, then one CommonJS wrapper function. */
function bundleText(build: string, body: string): string {
  return `${BUILD_HASH_PREFIX}${build}*/(function (exports, require, module, __filename, __dirname) {${body}\n})`;
}

describe('the CLI bundle code cache', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'followup-code-cache-test-'));
    env = { NODE_COMPILE_CACHE: join(dir, 'cache') };
    file = join(dir, 'cli.cjs');
    // Enough functions that V8 has something to cache; one answers what the file says.
    const helpers = Array.from({ length: 200 }, (_, i) => `function f${i}(x){return x*${i}+${i % 7};}`).join('');
    writeFileSync(file, bundleText('a'.repeat(40), `${helpers}module.exports={answer:()=>f41(1)+'A',file:__filename,req:typeof require};`));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const cacheFiles = () => (existsSync(env.NODE_COMPILE_CACHE!) ? readdirSync(join(env.NODE_COMPILE_CACHE!, readdirSync(env.NODE_COMPILE_CACHE!)[0]!)) : []);

  it('runs the file as CommonJS, writes the cache after the run, and uses it at the next start', () => {
    const first = loadWithCodeCache<{ answer: () => string; file: string; req: string }>(file, 'run', env);
    expect(first.cache).toBe('miss');
    expect(first.exports.answer()).toBe('47A');
    expect(first.exports.file).toBe(file);
    expect(first.exports.req).toBe('function');
    expect(cacheFiles()).toEqual([]); // nothing written before save()
    first.save();
    expect(cacheFiles()).toHaveLength(1);
    // A start with other node flags (here the child's --import tsx) has its own cache, as V8 wants.
    expect(start(file, 'run', env)).toEqual({ cache: 'miss', answer: '47A' });
    expect(cacheFiles()).toHaveLength(2);
    expect(start(file, 'run', env)).toEqual({ cache: 'hit', answer: '47A' });
    // Another command has its own cache.
    expect(start(file, 'drafts', env)).toEqual({ cache: 'miss', answer: '47A' });
    expect(start(file, 'drafts', env)).toEqual({ cache: 'hit', answer: '47A' });
  }, 60_000);

  it('a corrupt cache file is rejected and the bundle runs as without one; the next save replaces it', () => {
    expect(start(file, 'run', env)).toEqual({ cache: 'miss', answer: '47A' });
    const [name] = cacheFiles();
    const cacheFile = join(env.NODE_COMPILE_CACHE!, readdirSync(env.NODE_COMPILE_CACHE!)[0]!, name!);
    writeFileSync(cacheFile, Buffer.from('not a V8 code cache at all, just bytes'.repeat(50)));
    expect(start(file, 'run', env)).toEqual({ cache: 'rejected', answer: '47A' });
    expect(start(file, 'run', env)).toEqual({ cache: 'hit', answer: '47A' });
    writeFileSync(cacheFile, '');
    expect(start(file, 'run', env)).toEqual({ cache: 'rejected', answer: '47A' });
  }, 60_000);

  it('reads a bundle with non-ASCII text as UTF-8, and the built bundle is ASCII (read as one-byte text)', () => {
    writeFileSync(file, bundleText('b'.repeat(40), "module.exports={answer:()=>'d’ici à ' + /[’]/u.source};"));
    expect(loadWithCodeCache<{ answer: () => string }>(file, 'run', env).exports.answer()).toBe('d’ici à [’]');
    const built = join(ROOT, 'dist/bundle/cli.cjs');
    if (existsSync(built)) expect(isAscii(readFileSync(built))).toBe(true);
  });

  it('writing a cache deletes the folder\'s cache files older than a week, and keeps the others', () => {
    const folder = cacheFolder(env)!;
    const old = join(folder, 'cli-0000-1-1-run-v0-x64-0.cache');
    const recent = join(folder, 'cli-1111-1-1-run-v0-x64-0.cache');
    writeFileSync(old, 'x');
    writeFileSync(recent, 'x');
    utimesSync(old, new Date(Date.now() - 8 * 86_400_000), new Date(Date.now() - 8 * 86_400_000));
    utimesSync(recent, new Date(Date.now() - 6 * 86_400_000), new Date(Date.now() - 6 * 86_400_000));
    loadWithCodeCache(file, 'run', env).save();
    expect(existsSync(old)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    expect(cacheFiles()).toHaveLength(2);
  });

  it('a bundle edited in place (same length) does not run the old code from the cache', () => {
    expect(start(file, 'run', env)).toEqual({ cache: 'miss', answer: '47A' });
    writeFileSync(file, bundleText('a'.repeat(40), `${Array.from({ length: 200 }, (_, i) => `function f${i}(x){return x*${i}+${i % 7};}`).join('')}module.exports={answer:()=>f41(1)+'B',file:__filename,req:typeof require};`));
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    expect(start(file, 'run', env)).toEqual({ cache: 'miss', answer: '47B' });
  }, 60_000);

  it('without a usable cache folder (read-only install, not ours) it runs, says nothing and writes nothing', () => {
    // A folder that cannot be made: its parent is a file.
    writeFileSync(join(dir, 'a-file'), '');
    const noFolder = { NODE_COMPILE_CACHE: join(dir, 'a-file', 'cache') };
    expect(cacheFolder(noFolder)).toBeNull();
    const loaded = loadWithCodeCache<{ answer: () => string }>(file, 'run', noFolder);
    expect(loaded.cache).toBe('off');
    expect(loaded.exports.answer()).toBe('47A');
    expect(() => loaded.save()).not.toThrow();
    // A folder others may write to: a cache in it could be anyone's code.
    const shared = join(dir, 'shared');
    mkdirSync(shared);
    const sharedEnv = { NODE_COMPILE_CACHE: shared };
    const ours = cacheFolder(sharedEnv)!;
    expect(ours).not.toBeNull();
    chmodSync(ours, 0o777);
    expect(cacheFolder(sharedEnv)).toBeNull();
    expect(loadWithCodeCache(file, 'run', sharedEnv).cache).toBe('off');
    // Turned off as Node's own compile cache is.
    expect(cacheFolder({ ...env, NODE_DISABLE_COMPILE_CACHE: '1' })).toBeNull();
  });

  it('the built bin runs twice with a cache, and with a cache folder it cannot write (the ES module chunks), with the same output and nothing on stderr', () => {
    // `npm ci` builds it (the prepare script); a checkout with an older dist/ fails here, loudly, rather than skip.
    expect(existsSync(join(ROOT, 'dist/bundle/cli.cjs')), 'dist/bundle/cli.cjs is missing: run `npm run build` first').toBe(true);
    const run = (cacheDir: string) => spawnSync(process.execPath, [join(ROOT, 'bin/followup.js'), 'prospects', '--help'], { env: { ...process.env, NODE_COMPILE_CACHE: cacheDir }, encoding: 'utf8' });
    const first = run(join(dir, 'bin-cache'));
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('Usage: followup prospects');
    expect(readdirSync(join(dir, 'bin-cache', readdirSync(join(dir, 'bin-cache'))[0]!)).some((f) => f.includes('-prospects-'))).toBe(true);
    const second = run(join(dir, 'bin-cache'));
    expect([second.status, second.stderr, second.stdout]).toEqual([0, '', first.stdout]);
    writeFileSync(join(dir, 'a-file'), '');
    const readOnly = run(join(dir, 'a-file', 'cache'));
    expect([readOnly.status, readOnly.stderr, readOnly.stdout]).toEqual([0, '', first.stdout]);
    // The reply parser's language tables are read from dist/bundle/eld-ngrams-small.json (bundle.mjs).
    const eml = join(dir, 'reply.eml');
    writeFileSync(eml, 'From: a@b.example\r\nTo: c@d.example\r\nSubject: Re: meeting\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHallo, können wir uns am Dienstag um 15 Uhr treffen? Viele Grüße\r\n');
    const reply = spawnSync(process.execPath, [join(ROOT, 'bin/followup.js'), 'reply', 'parse', '--tz', 'Europe/Berlin', eml], { env: { ...process.env, NODE_COMPILE_CACHE: join(dir, 'bin-cache') }, encoding: 'utf8' });
    expect(reply.status, reply.stderr).toBe(0);
    expect(JSON.parse(reply.stdout)).toMatchObject({ language: 'de' });
  }, 60_000);

  it('a command on PostgreSQL starts from the cache too: its import of pg is not lost (V8 drops a cached script\'s import() callback)', () => {
    const url = process.env.TEST_DATABASE_URL;
    expect(url, 'TEST_DATABASE_URL must name a PostgreSQL database (CI: postgres://postgres@127.0.0.1:5432/test)').toBeTruthy();
    const config = join(dir, 'followup.yaml');
    mkdirSync(join(dir, 'calendar'));
    mkdirSync(join(dir, 'mail'));
    writeFileSync(
      config,
      ['accounts:', '  - id: pat', '    name: Pat Doe', '    email: pat@example.com', '    timeZone: Europe/Berlin', '    provider: local', '    local:', '      calendarDir: ./calendar', '      maildir: ./mail', '      outgoing:', '        kind: maildir', '        dir: ./outbox', ''].join('\n'),
    );
    const run = () =>
      spawnSync(process.execPath, [join(ROOT, 'bin/followup.js'), 'accounts', '--config', config], {
        env: { ...process.env, DATABASE_URL: url, NODE_COMPILE_CACHE: join(dir, 'pg-cache') },
        encoding: 'utf8',
      });
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    expect(readdirSync(join(dir, 'pg-cache', readdirSync(join(dir, 'pg-cache'))[0]!)).some((f) => f.includes('-accounts-'))).toBe(true);
    const second = run();
    expect(second.stderr).not.toMatch(/dynamic import/i);
    expect([second.status, second.stdout]).toEqual([0, first.stdout]);
    expect(second.stdout).toContain('pat@example.com');
  }, 60_000);
});
