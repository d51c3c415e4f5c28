// Dossier submissions and public tracking look-ups per second, over HTTP with wrk, beside the machine's own
// ceilings measured in the same run: pgbench single-row inserts of a dossier-shaped row (8 clients, prepared)
// and a bare Fastify route under the same wrk settings.
// Run: node_modules/.bin/node bench/dossiers.bench.ts
//      DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node_modules/.bin/node bench/dossiers.bench.ts
// Needs `wrk` (Debian package) and `pgbench`; BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 50).
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import pg from 'pg';
import { createTestApp } from '../test/helpers/app.ts';
import { createCitizen, createCommune, createProcedure, loginAs, submission } from '../test/helpers/dossiers.ts';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 50);
const SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
const work = mkdtempSync(join(tmpdir(), 'motcua-bench-'));

interface WrkResult {
  perSecond: number;
  p50ms: number;
  p99ms: number;
  errors: number;
}

function toMs(text: string): number {
  const m = /([\d.]+)(us|ms|s)/.exec(text);
  if (!m) return NaN;
  const v = Number(m[1]);
  return m[2] === 'us' ? v / 1000 : m[2] === 's' ? v * 1000 : v;
}

// Asynchronous: the server under test runs in this very process and must keep answering.
async function wrk(url: string, script?: string): Promise<WrkResult> {
  const args = ['-t2', `-c${CONNECTIONS}`, `-d${SECONDS}s`, '--latency', ...(script ? ['-s', script] : []), url];
  const { stdout: out } = await promisify(execFile)('wrk', args, { encoding: 'utf8' });
  const line = (re: RegExp) => re.exec(out)?.[1] ?? '';
  return {
    perSecond: Math.round(Number(line(/Requests\/sec:\s+([\d.]+)/))),
    p50ms: +toMs(line(/^\s+50%\s+(\S+)/m)).toFixed(2),
    p99ms: +toMs(line(/^\s+99%\s+(\S+)/m)).toFixed(2),
    errors: Number(line(/Non-2xx or 3xx responses:\s+(\d+)/) || 0),
  };
}

/** Ceiling 1: pgbench single-row INSERT of a ≈ 1 KB jsonb row, 8 clients, prepared (PLATFORM.md). */
async function pgbenchInserts(): Promise<number> {
  const name = `motcua_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = SERVER.replace(/\/postgres$/, `/${name}`);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(
    'CREATE TABLE rows (id bigserial PRIMARY KEY, code text NOT NULL, data jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now())',
  );
  await c.query('CHECKPOINT');
  await c.end();
  const doc = JSON.stringify({ applicant: { name: 'Nguyễn Văn An', phone: '0912345678' }, text: 'x'.repeat(900) });
  const script = join(work, 'insert.sql');
  writeFileSync(script, `INSERT INTO rows (code, data) VALUES (md5(random()::text), '${doc}'::jsonb);\n`);
  const out = execFileSync(
    'pgbench',
    ['-n', '-M', 'prepared', '-c', '8', '-j', '2', '-T', String(SECONDS), '-f', script, url],
    {
      encoding: 'utf8',
    },
  );
  await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
  await admin.end();
  return Math.round(Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? NaN));
}

/** Ceiling 2: a bare Fastify route under the same wrk settings. */
async function bareRoute(): Promise<WrkResult> {
  const app = Fastify();
  app.get('/', async () => ({ ok: true }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const result = await wrk(`http://127.0.0.1:${port}/`);
  await app.close();
  return result;
}

const pgbench = await pgbenchInserts();
const bare = await bareRoute();

const t = await createTestApp({ FILES_DIR: join(work, 'files'), RATE_LIMIT_LOOKUP_MAX: '1000000000' });
const commune = await createCommune(t.ctx);
const proc = await createProcedure(t.ctx, {
  components: [
    {
      key: 'to-khai',
      name: 'Tờ khai',
      group: null,
      originals: 1,
      certifiedCopies: 0,
      photocopies: 0,
      required: false,
      templates: [],
    },
  ],
});
const citizen = await loginAs(t.ctx, await createCitizen(t.ctx));
const clerk = await loginAs(t.ctx, commune.receptionist);
await t.app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;

// Codes to track: 200 accepted dossiers.
const codes: string[] = [];
for (let i = 0; i < 200; i++) {
  const d = (
    await t.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: clerk,
      payload: submission(proc.code, commune.agencyId),
    })
  ).json<{ id: string; version: number }>();
  const accepted = await t.app.inject({
    method: 'POST',
    url: `/api/dossiers/${d.id}/actions/accept`,
    headers: clerk,
    payload: { version: d.version },
  });
  codes.push(accepted.json<{ code: string }>().code);
}

const headerLines = Object.entries({ ...citizen, 'content-type': 'application/json' })
  .map(([k, v]) => `wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`)
  .join('\n');
const submitScript = join(work, 'submit.lua');
writeFileSync(
  submitScript,
  `wrk.method = "POST"\nwrk.body = ${JSON.stringify(JSON.stringify(submission(proc.code, commune.agencyId)))}\n${headerLines}\n`,
);
const trackScript = join(work, 'track.lua');
writeFileSync(
  trackScript,
  `local codes = {${codes.map((c) => JSON.stringify(c)).join(',')}}\nrequest = function()\n  return wrk.format("GET", "/api/track/" .. codes[math.random(#codes)] .. "?check=2345")\nend\n`,
);

if (t.database.kind === 'postgres') await t.database.exec('CHECKPOINT');
const before = Number(
  (
    await t.ctx.db
      .selectFrom('dossiers')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
  ).n,
);
const submit = await wrk(`${base}/api/dossiers`, submitScript);
const after = Number(
  (
    await t.ctx.db
      .selectFrom('dossiers')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
  ).n,
);
const track = await wrk(`${base}/api/track/x`, trackScript);

console.log(
  JSON.stringify({
    database: t.database.kind,
    seconds: SECONDS,
    connections: CONNECTIONS,
    ceilings: { pgbenchInsertsPerSecond: pgbench, bareFastify: bare },
    submissions: { ...submit, dossiersWritten: after - before, ofPgbench: +(submit.perSecond / pgbench).toFixed(3) },
    tracking: { ...track, ofBareRoute: +(track.perSecond / bare.perSecond).toFixed(3) },
    loadAverage: execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).trim(),
  }),
);
await t.close();
rmSync(work, { recursive: true, force: true });
