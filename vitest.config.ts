import { defineConfig } from 'vitest/config';

// Unit and API tests. The same suite runs on PGlite (default) and on a PostgreSQL server
// when DATABASE_URL is set (see scripts/with-test-postgres.ts). Browser tests have their own config.
export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'shared/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**'],
    env: { TZ: 'UTC' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
