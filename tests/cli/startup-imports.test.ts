import { build, type Metafile } from 'esbuild';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * What `followup run --once` compiles at start-up (README, "A lean package"): the static imports of
 * the run command's module, as esbuild bundles them (scripts/bundle.mjs puts every static import of
 * a chunk into what Node loads with it; dynamic imports become chunks loaded on first use). The
 * reply parser (chrono-node and the language tables) belongs to the first message read, not to
 * start-up: an idle tick never reads one.
 */
const ROOT = resolve(import.meta.dirname, '../..');

async function staticClosure(entry: string): Promise<string[]> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    metafile: true,
    logLevel: 'silent',
    external: ['better-sqlite3', 'pg', 'pg-boss', 'pg-native', 'cloudflare:sockets', 'msw', 'msw/*'],
  });
  const inputs: Metafile['inputs'] = result.metafile.inputs;
  const seen = new Set([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    for (const i of inputs[queue.shift()!]?.imports ?? []) {
      if (i.external || (i.kind !== 'import-statement' && i.kind !== 'require-call') || seen.has(i.path)) continue;
      seen.add(i.path);
      queue.push(i.path);
    }
  }
  return [...seen];
}

describe('run --once start-up', () => {
  it('does not load the reply parser before a message is read', async () => {
    const loaded = await staticClosure('src/cli/run-command.ts');
    expect(loaded.length).toBeGreaterThan(100); // the closure is real: the store, the worker, kysely...
    expect(loaded).toContain('src/worker/prevent.ts');
    expect(loaded.filter((f) => f.includes('node_modules/chrono-node/') || f.startsWith('src/domain/reply/') || f === 'src/domain/promises.ts')).toEqual([]);
  }, 60_000);
});
