import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

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
    // The dependency rule (architecture guide): the domain imports nothing of ours outside itself.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../ports/*', '../store/*', '../providers/*', '../worker/*', '../http/*', '../cli/*', '../app/*', '../templates/*', '../config*', '../../*'], message: 'src/domain is pure: it may import only itself, luxon, zod and pure libraries.' },
          ],
          paths: [
            { name: 'node:fs', message: 'src/domain is pure: no I/O.' },
            { name: 'fs', message: 'src/domain is pure: no I/O.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/ports/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../store/*', '../providers/*', '../worker/*', '../http/*', '../cli/*', '../app/*'], message: 'ports import only the domain.' }] }],
    },
  },
  {
    files: ['src/worker/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../providers/*', '../store/*', '../app/*'], message: 'the worker depends on ports; only src/app (the composition root) imports concrete providers and stores.' }] }],
    },
  },
);
