import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/helpers/database.ts';
import type { DatabaseHandle } from './db/client.ts';

// The production layout on one machine: several stateless HTTP processes on one port (HTTP_REUSE_PORT),
// the kernel spreading connections between them. Only on a PostgreSQL server (PGlite: one process).
const url = process.env['DATABASE_URL'];
const onServer = url !== undefined && /^postgres(ql)?:\/\//.test(url);
const children: ChildProcess[] = [];
let database: DatabaseHandle | undefined;
afterAll(async () => {
  for (const c of children) c.kill('SIGTERM');
  await Promise.all(children.filter((c) => c.exitCode === null).map((c) => once(c, 'exit')));
  await database?.close();
});

async function freePort(): Promise<number> {
  const s = createServer().listen(0, '127.0.0.1');
  await once(s, 'listening');
  const port = (s.address() as { port: number }).port;
  s.close();
  return port;
}

function startHttp(env: Record<string, string>): Promise<{ ok: boolean; output: string }> {
  const child = spawn(process.execPath, ['server/main.ts', 'http'], {
    cwd: new URL('..', import.meta.url).pathname,
    env: { ...process.env, RUN_WORKER: 'false', LOG_LEVEL: 'info', WEB_DIST_DIR: './no-web', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  return new Promise((resolve) => {
    const seen = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('"listening"')) resolve({ ok: true, output });
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', seen);
    child.on('exit', () => resolve({ ok: false, output }));
  });
}

describe.skipIf(!onServer)('several HTTP processes on one machine', () => {
  it('share one port with HTTP_REUSE_PORT; a process without it is refused the port', { timeout: 60_000 }, async () => {
    database = await createTestDatabase();
    const name = (
      await database.db.selectNoFrom((eb) => eb.fn<string>('current_database').as('d')).executeTakeFirstOrThrow()
    ).d;
    const target = new URL(url!);
    target.pathname = `/${name}`;
    const port = String(await freePort());
    const env = { DATABASE_URL: target.toString(), PORT: port, HOST: '127.0.0.1' };
    const first = await startHttp({ ...env, HTTP_REUSE_PORT: 'true' });
    expect(first.ok, first.output).toBe(true);
    const second = await startHttp({ ...env, HTTP_REUSE_PORT: 'true' });
    expect(second.ok, second.output).toBe(true);
    const third = await startHttp(env);
    expect(third.ok).toBe(false);
    expect(third.output).toMatch(/EADDRINUSE/);
    for (let i = 0; i < 10; i += 1) {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`, { headers: { connection: 'close' } });
      expect(await res.json()).toMatchObject({ status: 'ok', database: 'postgres' });
    }
  });
});
