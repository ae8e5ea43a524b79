import { defineConfig } from 'vitest/config';

// Two projects: fast unit/data tests, and tests on a built site (one build shared through globalSetup).
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 600_000,
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'tests/unit/**/*.test.ts',
            'tests/studio/**/*.test.ts',
            'tests/dataset/**/*.test.ts',
            'tests/trust/**/*.test.ts',
            'tests/roundtrip/*.test.ts',
          ],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'site',
          include: [
            'tests/site/**/*.test.ts',
            'tests/e2e/**/*.test.ts',
            'tests/roundtrip/site/*.test.ts',
          ],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
