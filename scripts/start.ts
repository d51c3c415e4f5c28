import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * `npm start`: the whole product on the embedded database with demo data. Builds the web app
 * first when it has not been built, then runs the server (which migrates and seeds on start).
 */
const root = new URL('..', import.meta.url).pathname;
const node = process.execPath;

if (!existsSync(`${root}web/dist/index.html`)) {
  process.stdout.write('Building the web app (first start only)…\n');
  const vite = `${root}node_modules/vite/bin/vite.js`;
  const build = spawnSync(node, [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(node, ['server/main.ts', 'http'], {
  cwd: root,
  stdio: 'inherit',
  // Demo data, and the development mailbox so a demo user can read the codes sent to them.
  env: { SEED_DEMO: 'true', DEV_MAILBOX: 'true', ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
