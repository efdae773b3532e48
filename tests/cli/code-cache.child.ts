/**
 * One start, in its own process (V8 keeps compiled scripts in memory, so a second load in the same
 * process would not read the cache file): `code-cache.child.ts <bundle> <command> [save]` prints
 * { cache, answer } as JSON, with the cache folder from $NODE_COMPILE_CACHE.
 */
import { loadWithCodeCache } from '../../src/cli/code-cache.js';

const [file, command, save] = process.argv.slice(2);
const loaded = loadWithCodeCache<{ answer: () => string }>(file!, command!);
const answer = loaded.exports.answer();
if (save === 'save') loaded.save();
process.stdout.write(JSON.stringify({ cache: loaded.cache, answer }));
