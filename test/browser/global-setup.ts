import { spawnSync } from 'node:child_process';

/** Builds the web app once before the browser tests, so they test what `npm start` serves. */
export default function setup(): void {
  const root = new URL('../..', import.meta.url).pathname;
  const result = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
      // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build: test what ships.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (result.status !== 0) throw new Error('web build failed');
}
