import { defineConfig } from 'vitest/config';

// Browser tests: the real server with the built web app, driven through Debian's Chromium.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/browser/**/*.test.ts'],
    env: { TZ: 'UTC' },
    globalSetup: ['test/browser/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    // The UI waits on a real server and database: give each poll a few seconds, not vitest's default 1 s.
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
