import { defineConfig } from 'vitest/config';

/** `npm run test:deploy`: the deployment tests (they build and install the package; minutes). */
export default defineConfig({
  test: {
    include: ['tests/deploy/**/*.test.ts'],
    testTimeout: 1_500_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
