import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const ROOT = dirname(fileURLToPath(import.meta.url));

/**
 * The dependency rule (architecture guide) as an allow-list: what each layer may import. A layer
 * is a folder of src/; `ours` lists the folders or files of src/ it may import (its own folder
 * included), `packages` the npm packages and node: modules ('*' for any). A package given as
 * { name, only } may be imported for those names alone. Test files (*.test.ts) are not checked:
 * they may set up anything. tests/lint/layers.test.ts puts a forbidden import in each layer.
 */
export const LAYERS = {
  // Pure rules: no clock, no I/O, no randomness. node:crypto only to hash stable ids; eld is a pure
  // language detector (n-gram tables in code) for reply parsing.
  'src/domain': {
    ours: ['src/domain'],
    packages: ['luxon', 'chrono-node', 'date-holidays', 'zod', 'eld', { name: 'node:crypto', only: ['createHash'] }],
  },
  // Interfaces in domain terms.
  'src/ports': { ours: ['src/ports', 'src/domain'], packages: [] },
  // The tick: loads through ports, calls the domain, executes effects. It mints approve links for
  // the digest (src/security/tokens.ts) and Message-IDs (node:crypto).
  'src/worker': {
    ours: ['src/worker', 'src/domain', 'src/ports', 'src/templates', 'src/log.ts', 'src/security/tokens.ts'],
    packages: ['luxon', 'node:crypto'],
  },
  // Providers implement ports; they never reach the store, the worker, the web pages or the emulators.
  'src/providers': {
    ours: ['src/providers', 'src/domain', 'src/ports', 'src/mail', 'src/security', 'src/log.ts', 'src/config.ts'],
    packages: '*',
  },
  // Templates render domain values; they know no provider.
  'src/templates': { ours: ['src/templates', 'src/domain'], packages: '*' },
  // The store implements the store ports over SQL (or in memory).
  'src/store': { ours: ['src/store', 'src/domain', 'src/ports'], packages: '*' },
  // MIME in and out.
  'src/mail': { ours: ['src/mail', 'src/domain', 'src/ports'], packages: '*' },
  'src/security': { ours: ['src/security'], packages: ['node:crypto'] },
  // The emulators answer as Google and Microsoft do, with nothing taken from the adapters they test
  // (the Graph emulator keeps its own time-zone table).
  'src/emulators': { ours: ['src/emulators', 'src/domain', 'src/mail', 'src/demo/scenario.ts'], packages: '*' },
};

const withoutExtension = (path) => path.replace(/\.(js|ts|mjs|cjs)$/, '');
const packageName = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
const within = (target, allowed) => target === allowed || target.startsWith(`${allowed}/`);
const describeAllowed = (layer) =>
  [
    ...layer.ours,
    ...(layer.packages === '*' ? ['any package'] : layer.packages.map((p) => (typeof p === 'string' ? p : `${p.name} (${p.only.join(', ')})`))),
  ].join(', ');

/** The rule: reports every import (static, dynamic, re-export, type-only) outside the file's layer allow-list. */
const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'each layer of src/ imports only what eslint.config.js LAYERS allows' },
    schema: [],
    messages: {
      forbidden: '{{layer}} may not import "{{spec}}" ({{what}}). It may import only: {{allowed}}. See LAYERS in eslint.config.js.',
    },
  },
  create(context) {
    const file = relative(ROOT, context.filename).split('\\').join('/');
    const layerName = Object.keys(LAYERS).find((dir) => within(file, dir));
    if (!layerName) return {};
    const layer = LAYERS[layerName];
    const ours = layer.ours.map(withoutExtension);

    function check(node, source, importedNames) {
      if (!source || typeof source.value !== 'string') return;
      const spec = source.value;
      let what;
      if (spec.startsWith('.')) {
        const target = withoutExtension(relative(ROOT, resolve(dirname(context.filename), spec)).split('\\').join('/'));
        if (ours.some((allowed) => within(target, allowed))) return;
        what = target;
      } else {
        if (layer.packages === '*') return;
        const name = spec.startsWith('node:') ? spec : packageName(spec);
        const entry = layer.packages.find((p) => (typeof p === 'string' ? p : p.name) === name);
        if (entry && (typeof entry === 'string' || (importedNames !== null && importedNames.every((n) => entry.only.includes(n))))) return;
        what = entry ? `only ${entry.only.join(', ')} of ${name}` : `package ${name}`;
      }
      context.report({ node, messageId: 'forbidden', data: { layer: layerName, spec, what, allowed: describeAllowed(layer) } });
    }

    /** The names an import declaration takes; null when it takes the whole module. */
    const namesOf = (node) => {
      if (node.specifiers.length === 0) return null;
      const names = [];
      for (const s of node.specifiers) {
        if (s.type !== 'ImportSpecifier') return null;
        names.push(s.imported.type === 'Identifier' ? s.imported.name : s.imported.value);
      }
      return names;
    };

    return {
      ImportDeclaration: (node) => check(node, node.source, namesOf(node)),
      ExportNamedDeclaration: (node) => check(node, node.source, null),
      ExportAllDeclaration: (node) => check(node, node.source, null),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source : null, null),
      TSImportType: (node) => {
        const literal = node.argument?.literal ?? node.argument;
        check(node, literal?.type === 'Literal' ? literal : null, null);
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', 'demo/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    plugins: { followup: { rules: { layers: layersRule } } },
    rules: { 'followup/layers': 'error' },
  },
);
