// `npm run build`, after tsc: bundles the published entry points (the library, the serverless
// handlers) with esbuild into dist/bundle, split into chunks so each loads only what it uses, and the
// CLI as one CommonJS file run with a code cache (below; README, "A lean package"). Why: Node spends most of a short process's start-up
// resolving, reading and compiling ~1,000 small files; a few chunks cost a fraction of that.
// - Every other runtime package is bundled, so package.json lists only what stays outside as
//   dependencies: pg and pg-boss (PostgreSQL only, loaded on demand) and better-sqlite3 (optional).
// - Kept out of the bundle (loaded from node_modules at run time): the native or optional drivers
//   (better-sqlite3, pg-native), pg and pg-boss, and whatever a published install does not carry: the demo, the
//   emulators and the benchmarks stay imports of tsc's dist/demo, dist/emulators, dist/bench, so a
//   clone (npm start) finds them and a production install says how to get them (src/cli/optional.ts).
// - Source maps are written next to each file (node --enable-source-maps gives src/ lines), without
//   the sources' text, which the package does not need.
// - dist/bundle is two folders below the package root, as tsc's dist/<folder>/x.js is, so the paths
//   the code builds from import.meta.url (templates/, config/) are the same.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = resolve(ROOT, 'dist/bundle');
const NOT_PUBLISHED = /^src\/(demo|emulators|bench)\//;

/** Imports of src/demo, src/emulators and src/bench become imports of tsc's output next to the bundle. */
const notPublished = {
  name: 'not-published',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      const target = relative(ROOT, resolve(args.resolveDir, args.path)).replace(/\\/g, '/');
      if (!NOT_PUBLISHED.test(target)) return undefined;
      return { path: `../${target.slice('src/'.length).replace(/\.ts$/, '.js')}`, external: true };
    });
  },
};

/**
 * zod's namespace re-exports every locale's error messages (366 KB, 40 languages) as `z.locales`;
 * followup uses none of them (zod's default, English, is imported by zod itself from locales/en.js),
 * so the barrel is bundled with English only.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({ contents: "export { default as en } from './en.js';", loader: 'js' }));
  },
};

/**
 * fetch-blob (node-fetch's, under the Google clients) falls back to web-streams-polyfill only when
 * Node has neither globalThis.ReadableStream nor node:stream/web, which every Node this package
 * supports (>= 20) has; the polyfill (188 KB, one eagerly compiled UMD function) is replaced by
 * node:stream/web, which is what that branch would have used.
 */
const noStreamsPolyfill = {
  name: 'no-web-streams-polyfill',
  setup(b) {
    b.onLoad({ filter: /[\\/]web-streams-polyfill[\\/]dist[\\/]ponyfill\.es2018\.js$/ }, () => ({ contents: "module.exports = require('node:stream/web');", loader: 'js' }));
  },
};

/**
 * The bundled templates/ as src/templates/engine.ts reads them (front matter, Handlebars syntax, the
 * variables printed outside a guard), made here with tsc's output of that file, which `npm run build`
 * has just compiled. A start-up whose template file has exactly the text analysed here skips parsing
 * it; any other text is parsed as before (engine.ts).
 */
const { analyseTemplateFolder } = await import(resolve(ROOT, 'dist/templates/engine.js'));
const templateAnalyses = analyseTemplateFolder(resolve(ROOT, 'templates'));

/**
 * The public-holiday tables (src/domain/holiday-tables.ts, 0.8 MB) are written next to the chunks as
 * holiday-tables.json, from tsc's output of that file, and src/domain/holiday-data.ts is bundled as
 * a module that reads them on the first holiday looked up: a start-up that looks up none (an idle
 * `run --once`) does not read, decode and compile them. The data is the same tables, as JSON.
 */
const holidays = await import(resolve(ROOT, 'dist/domain/holiday-tables.js'));
const holidayJson = JSON.stringify({ names: holidays.HOLIDAY_NAMES, tables: holidays.HOLIDAY_TABLES, zones: holidays.COUNTRY_ZONES });
const holidaysFromJson = {
  name: 'holidays-from-json',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]domain[\\/]holiday-data\.ts$/ }, () => ({
      loader: 'js',
      contents: [
        "import { readFileSync } from 'node:fs';",
        `export const HOLIDAY_FIRST_YEAR = ${JSON.stringify(holidays.HOLIDAY_FIRST_YEAR)};`,
        `export const HOLIDAY_LAST_YEAR = ${JSON.stringify(holidays.HOLIDAY_LAST_YEAR)};`,
        'let data = null;',
        "export function holidayData() { return (data ??= JSON.parse(readFileSync(new URL('./holiday-tables.json', import.meta.url), 'utf8'))); }",
      ].join('\n'),
    }));
  },
};

/**
 * eld's n-gram tables (the reply parser's language detector, 1.6 MB of JavaScript object literal)
 * are written next to the chunks as eld-ngrams-small.json and read when the reply parser is first
 * loaded: the CLI file is a fifth smaller, which is what a start without a code cache parses (and
 * every start reads). The build checks that the JSON is the same data.
 */
const { ngramsData } = await import(pathToFileURL(resolve(ROOT, 'node_modules/eld/src/ngrams/small.js')).href);
const eldJson = JSON.stringify(ngramsData);
if (!isDeepStrictEqual(JSON.parse(eldJson), ngramsData)) throw new Error('bundle: eld/src/ngrams/small.js is not plain JSON data any more; drop the eld-ngrams-from-json plugin');
const eldNgramsFromJson = {
  name: 'eld-ngrams-from-json',
  setup(b) {
    b.onLoad({ filter: /[\\/]eld[\\/]src[\\/]ngrams[\\/]small\.js$/ }, () => ({
      loader: 'js',
      contents: "import { readFileSync } from 'node:fs';\nexport const ngramsData = JSON.parse(readFileSync(new URL('./eld-ngrams-small.json', import.meta.url), 'utf8'));",
    }));
  },
};

rmSync(OUT, { recursive: true, force: true });
const result = await build({
  absWorkingDir: ROOT,
  // The CLI is the CommonJS build below (dist/bundle/cli.cjs); cli.js is the CLI as ES modules, for a
  // start with no cache folder it may write (bin/followup.js).
  entryPoints: {
    cli: 'src/cli/main.ts',
    index: 'src/index.ts',
    serverless: 'src/serverless.ts',
    'lambda-http': 'src/lambda-http.ts',
    'code-cache': 'src/cli/code-cache.ts',
  },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'none', // the licences are in THIRD-PARTY-LICENSES.txt (below), whole
  // Without comments and indentation: a third less JavaScript for Node to read, decode and scan at
  // each start, and ASCII only (a JSDoc comment with one non-ASCII character made a whole chunk a
  // two-byte string). Names are kept (no identifier minification): stack traces and error names read
  // as before, and the source maps give src/ lines.
  minifyWhitespace: true,
  charset: 'ascii',
  metafile: true,
  logLevel: 'warning',
  chunkNames: 'chunk-[hash]', // flat: chunks sit two folders below the root too
  // Native / optional: resolved from node_modules when (and if) the code asks for them.
  external: ['better-sqlite3', 'pg', 'pg-boss', 'pg-native', 'cloudflare:sockets', 'msw', 'msw/*'],
  // Packages written as CommonJS call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  define: { __FOLLOWUP_TEMPLATE_ANALYSES__: JSON.stringify(templateAnalyses) },
  plugins: [notPublished, zodEnglishOnly, noStreamsPolyfill, holidaysFromJson, eldNgramsFromJson],
});

/**
 * The CLI again, as one CommonJS file (dist/bundle/cli.cjs) that bin/followup.js runs through
 * `vm.Script` with V8's code cache kept on disk (src/cli/code-cache.ts): Node 20's ES modules have
 * no code cache, so each start compiled the chunks' functions again. Without splitting (CommonJS
 * has none) a dynamic import of a bundled module becomes a module initialised on first use, so a
 * command still runs only what it uses; the whole file is read (8.5 MB) but, with the cache, not
 * parsed. The file is not for require(): it is the wrapper function alone. `import.meta.url` is the file's URL, as in the ES module chunks; the first line carries
 * the content hash that names the cache (filled in below, same length, so the source map holds).
 */
const HASH_PLACEHOLDER = '0'.repeat(40);
const cjs = await build({
  absWorkingDir: ROOT,
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: OUT,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'none',
  minifyWhitespace: true,
  charset: 'ascii',
  metafile: true,
  logLevel: 'warning',
  external: ['better-sqlite3', 'pg', 'pg-boss', 'pg-native', 'cloudflare:sockets', 'msw', 'msw/*'],
  // No `import()` is left in the file: V8 drops a script's dynamic-import callback when the script
  // comes from the code cache ("A dynamic import callback was not specified" on the second start of
  // any command that opened PostgreSQL), so esbuild turns each into a `require()` in a promise. The
  // externals left (pg, pg-boss, better-sqlite3, msw) are CommonJS packages.
  supported: { 'dynamic-import': false },
  // The file is one function expression, CommonJS's module wrapper, that the loader compiles as is
  // (no second 5 MB string made by wrapping it there).
  banner: { js: `/*followup-build:${HASH_PLACEHOLDER}*/(function (exports, require, module, __filename, __dirname) {var __followupModuleUrl=require('node:url').pathToFileURL(__filename).href;` },
  footer: { js: '})' },
  define: { __FOLLOWUP_TEMPLATE_ANALYSES__: JSON.stringify(templateAnalyses), 'import.meta.url': '__followupModuleUrl' },
  plugins: [notPublished, zodEnglishOnly, noStreamsPolyfill, holidaysFromJson, eldNgramsFromJson],
});
const cjsFile = resolve(OUT, 'cli.cjs');
const dynamicImports = Object.values(cjs.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path));
if (dynamicImports.length > 0) {
  throw new Error(`bundle: dist/bundle/cli.cjs still calls import() (${dynamicImports.join(', ')}); run from the code cache it would fail ("A dynamic import callback was not specified")`);
}
// ASCII only, as `charset: 'ascii'` means: esbuild leaves non-ASCII characters in regular expression
// literals (the reply parser's, the linked libraries'), and one ’ made the whole 8.5 MB file a
// two-byte string, decoded as UTF-8 at each start; each such UTF-16 unit becomes its \uXXXX escape,
// which means the same character in a regular expression, a string or an identifier (the source map
// is off by a few columns on those lines). One after a backslash would change meaning: the build stops.
const cjsText = readFileSync(cjsFile, 'utf8').replace(/[\u0080-\uffff]/g, (c, at, all) => {
  if (all[at - 1] === '\\') throw new Error(`bundle: an escaped non-ASCII character at ${at} of cli.cjs: ${all.slice(at - 40, at + 10)}`);
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
});
writeFileSync(cjsFile, cjsText.replace(HASH_PLACEHOLDER, createHash('sha1').update(cjsText).digest('hex')));
// One metafile for both builds: the licences below cover what either bundles.
Object.assign(result.metafile.outputs, cjs.metafile.outputs);
Object.assign(result.metafile.inputs, cjs.metafile.inputs);
writeFileSync(resolve(ROOT, 'dist/bundle-meta.json'), JSON.stringify(result.metafile));
writeFileSync(resolve(OUT, 'holiday-tables.json'), holidayJson);
writeFileSync(resolve(OUT, 'eld-ngrams-small.json'), eldJson);

// The bundled packages' licences, in full, as their licences ask when their code is redistributed.
const packages = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
  const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (!m || packages.has(m[1])) continue;
  const pkg = JSON.parse(readFileSync(resolve(ROOT, m[1], 'package.json'), 'utf8'));
  const file = readdirSync(resolve(ROOT, m[1])).find((f) => /^(licen[cs]e|copying|notice)(\.|$)/i.test(f));
  packages.set(m[1], { name: pkg.name, version: pkg.version, license: typeof pkg.license === 'string' ? pkg.license : JSON.stringify(pkg.license ?? pkg.licenses ?? 'see package'), text: file ? readFileSync(resolve(ROOT, m[1], file), 'utf8').trim() : null });
}
const entries = [...packages.values()].sort((a, b) => `${a.name}@${a.version}`.localeCompare(`${b.name}@${b.version}`));
const unknown = entries.filter((e) => !e.text).map((e) => `${e.name}@${e.version} (${e.license})`);
writeFileSync(
  resolve(OUT, 'THIRD-PARTY-LICENSES.txt'),
  `Packages bundled into followup's dist/bundle (scripts/bundle.mjs), with their licences.\n\n` +
    entries.map((e) => `== ${e.name}@${e.version} (${e.license})\n\n${e.text ?? `No licence file in the package; its package.json says: ${e.license}.`}\n`).join('\n'),
);
if (unknown.length) console.log(`bundle: no licence file in ${unknown.join(', ')} (their package.json licence is listed)`);
const bytes = Object.entries(result.metafile.outputs).filter(([f]) => /\.c?js$/.test(f)).reduce((n, [, o]) => n + o.bytes, 0);
console.log(`bundle: ${packages.size} packages; ${Object.keys(result.metafile.outputs).filter((f) => /\.c?js$/.test(f)).length} files, ${(bytes / 1e6).toFixed(1)} MB of JavaScript in dist/bundle`);
