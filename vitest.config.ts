import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    // The Dockerfile test builds and installs the package (minutes): `npm run test:deploy`, run by .ci/run on Node 22.
    exclude: ['**/node_modules/**', 'tests/deploy/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Store suites share one PostgreSQL database; files run in parallel but each suite uses its own schema.
    pool: 'forks',
  },
});
