#!/usr/bin/env node
// The one entry point for people: every command lives in src/cli, bundled by scripts/bundle.mjs
// into dist/bundle/cli.cjs, which runs through vm.Script with V8's code cache kept on disk
// (src/cli/code-cache.ts; README, "A lean package"): Node 20's ES modules have no code cache, and
// on Node 22 this starts faster than the ES module chunks with Node's compile cache. Without a
// writable cache folder (a read-only install) the bundle is compiled at each start, silently.
import { fileURLToPath } from 'node:url';
import { loadWithCodeCache } from '../dist/bundle/code-cache.js';

const argv = process.argv.slice(2);
// The command's first word names its cache (each command compiles different functions).
const command = argv.find((a, i) => !a.startsWith('-') && argv[i - 1] !== '--config' && argv[i - 1] !== '--now') ?? '';
const loaded = loadWithCodeCache(fileURLToPath(new URL('../dist/bundle/cli.cjs', import.meta.url)), command);

// A command that keeps running (`serve`) writes its cache after a minute, once it has started up.
setTimeout(() => loaded.save(), 60_000).unref();
loaded.exports.main(argv).then(
  (code) => { process.exitCode = code; },
  (err) => {
    console.error(`followup: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
).finally(() => loaded.save());
