#!/usr/bin/env node
// The one entry point for people: every command lives in src/cli, bundled by scripts/bundle.mjs.
// On Node 20 the CLI is dist/bundle/cli.cjs, run through vm.Script with V8's code cache kept on
// disk (src/cli/code-cache.ts): Node 20's ES modules have no code cache. Node 22.1+ loads the ES
// module chunks (dist/bundle/cli.js) with its own compile cache on. Either cache falls back to a
// plain compile, silently, when its folder cannot be written.
import module from 'node:module';

const argv = process.argv.slice(2);
let main;
let loaded = null;
if (module.enableCompileCache) {
  module.enableCompileCache();
  ({ main } = await import('../dist/bundle/cli.js'));
} else {
  const { loadWithCodeCache } = await import('../dist/bundle/code-cache.js');
  const command = argv.find((a, i) => !a.startsWith('-') && argv[i - 1] !== '--config' && argv[i - 1] !== '--now') ?? '';
  loaded = loadWithCodeCache(new URL('../dist/bundle/cli.cjs', import.meta.url).pathname, command);
  ({ main } = loaded.exports);
}

main(argv).then(
  (code) => { process.exitCode = code; },
  (err) => {
    console.error(`followup: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
).finally(() => loaded?.save());
