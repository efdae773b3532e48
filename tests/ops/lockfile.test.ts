import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type LockEntry = { version?: string; integrity?: string; optionalDependencies?: Record<string, string> };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockEntry> };

/**
 * `npm ci` on another platform (macOS, Windows, ARM Linux, musl) installs that platform's binary of
 * every package that ships them as optional dependencies. The lockfile must list each one, pinned
 * with its integrity, or `npm ci` refuses it there (npm 11 wrote lockfiles without them).
 */
describe('package-lock.json', () => {
  const withPlatformBinaries = Object.entries(lock.packages).filter(([path, entry]) =>
    Object.keys(entry.optionalDependencies ?? {}).some((d) => /^@(rollup|esbuild)\//.test(d)) && path.startsWith('node_modules/'),
  );

  it('has rollup and esbuild, which ship per-platform binaries', () => {
    expect(withPlatformBinaries.map(([p]) => p)).toEqual(expect.arrayContaining(['node_modules/rollup', 'node_modules/esbuild']));
  });

  it.each(withPlatformBinaries)('%s: every platform package is locked, with its integrity', (path, entry) => {
    const missing = Object.entries(entry.optionalDependencies ?? {})
      .filter(([name]) => /^@(rollup|esbuild)\//.test(name))
      .filter(([name, version]) => {
        const locked = lock.packages[`node_modules/${name}`] ?? lock.packages[`${path}/node_modules/${name}`];
        return !locked || locked.version !== version || !locked.integrity;
      })
      .map(([name]) => name);
    expect(missing, `${path}: run \`npm install --package-lock-only\` with npm >= 11.4 or add them`).toEqual([]);
  });
});
