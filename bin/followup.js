#!/usr/bin/env node
// The one entry point for people: every command lives in src/cli, bundled into dist/bundle
// (scripts/bundle.mjs). Node 22.1+ keeps the compiled bundle in its compile cache between runs
// (a no-op on Node 20, and when the cache folder cannot be written).
import module from 'node:module';

module.enableCompileCache?.();
const { main } = await import('../dist/bundle/cli.js');

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    console.error(`followup: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
