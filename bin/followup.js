#!/usr/bin/env node
// The one entry point for people: every command lives in src/cli, bundled by scripts/bundle.mjs
// into dist/bundle/cli.cjs, which runs through vm.Script with V8's code cache kept on disk
// (src/cli/code-cache.ts; README, "A lean package"): Node 20's ES modules have no code cache, and
// on Node 22 this starts faster than the ES module chunks with Node's compile cache. With no cache
// folder it may write (a read-only system), the CLI's ES module chunks load instead (dist/bundle/
// cli.js, only the command's own), as cheap as before the cache; nothing is printed either way.
import module from 'node:module';
import { fileURLToPath } from 'node:url';
import { cacheFolder, loadWithCodeCache } from '../dist/bundle/code-cache.js';

const argv = process.argv.slice(2);
const folder = cacheFolder();
let main;
let loaded = null;
if (folder === null) {
  module.enableCompileCache?.();
  ({ main } = await import('../dist/bundle/cli.js'));
} else {
  // The command's first word names its cache (each command compiles different functions).
  const command = argv.find((a, i) => !a.startsWith('-') && argv[i - 1] !== '--config' && argv[i - 1] !== '--now') ?? '';
  loaded = loadWithCodeCache(fileURLToPath(new URL('../dist/bundle/cli.cjs', import.meta.url)), command, process.env, folder);
  ({ main } = loaded.exports);
  // A command that keeps running (`serve`) writes its cache after a minute, once it has started up.
  setTimeout(() => loaded.save(), 60_000).unref();
}

main(argv).then(
  (code) => { process.exitCode = code; },
  (err) => {
    console.error(`followup: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
).finally(() => loaded?.save());
