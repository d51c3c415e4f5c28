// Dossier submissions and public tracking look-ups per second, over HTTP with wrk, beside the machine's own
// ceilings measured in the same run: pgbench single-row inserts of a dossier-shaped row (8 clients, prepared)
// and a bare Fastify route (one process) under the same wrk settings.
//
// PostgreSQL: the product as deployed — `node server/main.ts http` processes (RUN_WORKER=false, sharing the port
// with HTTP_REUSE_PORT) and one `node server/main.ts worker` (which seals the audit trail meanwhile), measured
// with 1 HTTP process and with one per core. PGlite: the app inside this process, its worker too.
//
// Run: node_modules/.bin/node bench/dossiers.bench.ts
//      DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node_modules/.bin/node bench/dossiers.bench.ts
// Needs `wrk` (Debian package) and `pgbench`. BENCH_SECONDS (default 10), BENCH_RUNS (default "1x50,1x16,<cores>x50":
// HTTP processes × wrk connections; PGlite runs one process), BENCH_ROUNDS (default 3: each figure is the median of the rounds,
// each ratio the median of the rounds' ratios to their own ceilings).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { startWorker } from '../server/jobs/worker.ts';
import { systemClock } from '../server/lib/clock.ts';
import { createTestApp } from '../test/helpers/app.ts';
import {
  createCitizen,
  createCommune,
  createProcedure,
  eformFor,
  loginAs,
  submission,
} from '../test/helpers/dossiers.ts';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
// The ceilings are measured with 50 connections, as the app's first run; the app is measured again with 16, which
// is already enough to saturate this machine: more connections only queue (Little's law: latency = in flight ÷ rate).
const CONNECTIONS = 50;
const SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
const onServer = /^postgres(ql)?:\/\//.test(process.env['DATABASE_URL'] ?? '');
interface Run {
  processes: number;
  connections: number;
}
const RUNS: Run[] = (process.env['BENCH_RUNS'] ?? `1x50,1x16,${availableParallelism()}x50`)
  .split(',')
  .map((r) => r.split('x').map(Number) as [number, number])
  .map(([processes, connections]) => ({ processes, connections }))
  .filter(
    (r, i, all) =>
      (onServer || r.processes === 1) &&
      all.findIndex((o) => o.processes === r.processes && o.connections === r.connections) === i,
  );
const work = mkdtempSync(join(tmpdir(), 'motcua-bench-'));
const run = promisify(execFile);

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

// Asynchronous: on PGlite the server under test runs in this very process and must keep answering.
async function wrk(url: string, script?: string, seconds = SECONDS, connections = CONNECTIONS): Promise<WrkResult> {
  const args = ['-t2', `-c${connections}`, `-d${seconds}s`, '--latency', ...(script ? ['-s', script] : []), url];
  const { stdout: out } = await run('wrk', args, { encoding: 'utf8' });
  const line = (re: RegExp) => re.exec(out)?.[1] ?? '';
  return {
    perSecond: Math.round(Number(line(/Requests\/sec:\s+([\d.]+)/))),
    p50ms: +toMs(line(/^\s+50%\s+(\S+)/m)).toFixed(2),
    p99ms: +toMs(line(/^\s+99%\s+(\S+)/m)).toFixed(2),
    errors: Number(line(/Non-2xx or 3xx responses:\s+(\d+)/) || 0),
  };
}

/** CPU seconds used so far by every process, summed by command name (postgres, node, wrk …), from /proc. */
function cpuByCommand(): Map<string, number> {
  const tick = 100; // USER_HZ on Linux
  const out = new Map<string, number>();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const seconds = (Number(fields[11]) + Number(fields[12])) / tick; // utime + stime
      const key = name === 'MainThread' || name.startsWith('node') ? 'node' : name;
      out.set(key, (out.get(key) ?? 0) + seconds);
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

/** Runs wrk and reports, beside its figures, the CPU milliseconds per request of the app and of PostgreSQL. */
async function wrkWithCpu(url: string, script: string, connections: number) {
  const before = cpuByCommand();
  const result = await wrk(url, script, SECONDS, connections);
  const after = cpuByCommand();
  const used = (name: string) => (after.get(name) ?? 0) - (before.get(name) ?? 0);
  const requests = result.perSecond * SECONDS;
  const perRequest = (name: string) => +((used(name) * 1000) / requests).toFixed(3);
  return { ...result, cpuMsPerRequest: { node: perRequest('node'), postgres: perRequest('postgres') } };
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
  const { stdout } = await run(
    'pgbench',
    ['-n', '-M', 'prepared', '-c', '8', '-j', '2', '-T', String(SECONDS), '-f', script, url],
    { encoding: 'utf8' },
  );
  await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
  await admin.end();
  return Math.round(Number(/tps = ([\d.]+)/.exec(stdout)?.[1] ?? NaN));
}

/** Ceiling 2: a bare Fastify route, one process of its own (bench/bare-route.ts), under the same wrk settings. */
async function bareRoute(): Promise<WrkResult> {
  const child = spawn(process.execPath, [new URL('./bare-route.ts', import.meta.url).pathname], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const m = /listening (\d+)/.exec(chunk.toString());
      if (m) resolve(m[1]!);
    });
    child.once('exit', () => reject(new Error('bare route process exited')));
  });
  try {
    return await wrk(`http://127.0.0.1:${port}/`);
  } finally {
    await stop([child]);
  }
}

/** Starts `node server/main.ts <mode>` on the benchmark's database; resolves once it is ready. */
async function startProcess(mode: 'http' | 'worker', env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['server/main.ts', mode], {
    cwd: new URL('..', import.meta.url).pathname,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = mode === 'http' ? '"listening"' : '"database ready"';
  await new Promise<void>((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
      if (output.includes(ready)) resolve();
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', seen);
    child.once('exit', () => reject(new Error(`${mode} process exited:\n${output}`)));
  });
  // Keep draining so the pipe never blocks the child.
  child.stdout.resume();
  child.stderr.resume();
  return child;
}

async function stop(children: ChildProcess[]): Promise<void> {
  for (const c of children) c.kill('SIGTERM');
  await Promise.all(children.filter((c) => c.exitCode === null).map((c) => once(c, 'exit')));
}

// The data, spread like a Monday-morning rush: 200 citizens with their own sessions applying to 20 communes for
// 4 level-4 procedures (each with its e-form), and 200 accepted dossiers to track.
const CITIZENS = 200;
const COMMUNES = 20;
const PROCEDURES = 4;
const t = await createTestApp({ FILES_DIR: join(work, 'files'), RATE_LIMIT_LOOKUP_MAX: '1000000000' }, systemClock);
const unitCodes = (
  await t.ctx.db
    .selectFrom('units')
    .select('code')
    .where('level', '=', 'commune')
    .where('unit_set', '=', '2018')
    .orderBy('code')
    .limit(COMMUNES)
    .execute()
).map((u) => u.code);
const communes = await Promise.all(unitCodes.map((code) => createCommune(t.ctx, code)));
const procedures: Awaited<ReturnType<typeof createProcedure>>[] = [];
for (let i = 0; i < PROCEDURES; i++)
  procedures.push(
    await createProcedure(t.ctx, {
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
    }),
  );
const sessions: Record<string, string>[] = [];
for (let i = 0; i < CITIZENS; i++) sessions.push(await loginAs(t.ctx, await createCitizen(t.ctx)));
const bodies = communes.flatMap((c, i) =>
  procedures.map((p) => JSON.stringify(submission(p.code, c.agencyId, { eform: eformFor(unitCodes[i]) }))),
);
const codes: string[] = [];
for (let i = 0; i < 200; i++) {
  const commune = communes[i % COMMUNES]!;
  const clerk = await loginAs(t.ctx, commune.receptionist);
  const d = (
    await t.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: clerk,
      payload: submission(procedures[i % PROCEDURES]!.code, commune.agencyId, {
        eform: eformFor(unitCodes[i % COMMUNES]),
      }),
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

// Submissions as the portal sends them: JSON, a citizen's session cookie and CSRF header, a fresh Idempotency-Key.
const lua = (v: unknown) => JSON.stringify(v);
const submitScript = (run: string) => {
  const file = join(work, `submit-${run}.lua`);
  // Keys unique per run and per wrk thread (setup() gives each thread its own global "thread_id").
  writeFileSync(
    file,
    `local bodies = {${bodies.map(lua).join(',')}}
local sessions = {${sessions.map((h) => `{${lua(h['cookie'])},${lua(h['x-csrf-token'])}}`).join(',')}}
local threads = 0
setup = function(thread) threads = threads + 1; thread:set("thread_id", threads) end
local n = 0
request = function()
  n = n + 1
  local s = sessions[math.random(#sessions)]
  local headers = { ["content-type"] = "application/json", ["cookie"] = s[1], ["x-csrf-token"] = s[2],
    ["idempotency-key"] = "bench-${run}-" .. thread_id .. "-" .. n }
  return wrk.format("POST", nil, headers, bodies[math.random(#bodies)])
end\n`,
  );
  return file;
};
const trackScript = join(work, 'track.lua');
writeFileSync(
  trackScript,
  `local codes = {${codes.map(lua).join(',')}}\nrequest = function()\n  return wrk.format("GET", "/api/track/" .. codes[math.random(#codes)] .. "?check=2345")\nend\n`,
);

const countDossiers = async () =>
  Number(
    (
      await t.ctx.db
        .selectFrom('dossiers')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const pendingSeals = async () =>
  Number(
    (
      await t.ctx.db
        .selectFrom('audit_log')
        .leftJoin('audit_seals', 'audit_seals.audit_id', 'audit_log.id')
        .where('audit_seals.audit_id', 'is', null)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

interface CpuPerRequest {
  node: number;
  postgres: number;
}

interface Measured {
  processes: number;
  connections: number;
  submissions: WrkResult & { dossiersWritten: number; ofPgbench: number; cpuMsPerRequest: CpuPerRequest };
  tracking: WrkResult & { ofBareRoute: number; cpuMsPerRequest: CpuPerRequest };
  auditRowsUnsealedAfter5s: number;
}

async function measure(base: string, { processes, connections }: Run, round: number): Promise<Measured> {
  if (t.database.kind === 'postgres') await t.database.exec('CHECKPOINT');
  await wrk(`${base}/api/track/x`, trackScript, 2); // warm-up: connections, prepared statements, JIT
  const before = await countDossiers();
  const submit = await wrkWithCpu(
    `${base}/api/dossiers`,
    submitScript(`${process.pid}-${round}-${processes}-${connections}`),
    connections,
  );
  const written = (await countDossiers()) - before;
  const track = await wrkWithCpu(`${base}/api/track/x`, trackScript, connections);
  await new Promise((r) => setTimeout(r, 5000)); // the sealer runs every 5 s
  return {
    processes,
    connections,
    submissions: { ...submit, dossiersWritten: written, ofPgbench: 0 },
    tracking: { ...track, ofBareRoute: 0 },
    auditRowsUnsealedAfter5s: await pendingSeals(),
  };
}

/**
 * One round: the two ceilings on a quiet machine (no worker running, a checkpoint first), then the app with each
 * number of HTTP processes, and the ratios to this round's own ceilings.
 */
async function runRound(
  round: number,
  serve: (processes: number) => Promise<{ base: string; stop(): Promise<void> }>,
  worker: { start(): Promise<void>; stop(): Promise<void> },
) {
  if (t.database.kind === 'postgres') await t.database.exec('CHECKPOINT');
  const pgbench = await pgbenchInserts();
  const bare = await bareRoute();
  await worker.start();
  const measured: Measured[] = [];
  for (const run of RUNS) {
    const server = await serve(run.processes);
    const m = await measure(server.base, run, round);
    await server.stop();
    m.submissions.ofPgbench = +(m.submissions.perSecond / pgbench).toFixed(3);
    m.tracking.ofBareRoute = +(m.tracking.perSecond / bare.perSecond).toFixed(3);
    measured.push(m);
  }
  await worker.stop();
  return { round, pgbench, bare, measured };
}

const rounds: Awaited<ReturnType<typeof runRound>>[] = [];
if (onServer) {
  const name = (
    await t.ctx.db.selectNoFrom((eb) => eb.fn<string>('current_database').as('d')).executeTakeFirstOrThrow()
  ).d;
  const url = new URL(process.env['DATABASE_URL']!);
  url.pathname = `/${name}`;
  // Request logs off (LOG_REQUESTS=false, as behind a load balancer that keeps the access log).
  const env = {
    DATABASE_URL: url.toString(),
    LOG_REQUESTS: process.env['BENCH_LOG_REQUESTS'] ?? 'false',
    FILES_DIR: join(work, 'files'),
    RATE_LIMIT_LOOKUP_MAX: '1000000000',
    WEB_DIST_DIR: './no-web-in-bench',
  };
  let worker: ChildProcess | undefined;
  const workerControl = {
    start: async () => void (worker = await startProcess('worker', env)),
    stop: async () => {
      if (worker) await stop([worker]);
    },
  };
  const port = String(30000 + (process.pid % 20000));
  const serve = async (n: number) => {
    const http: ChildProcess[] = [];
    for (let i = 0; i < n; i++)
      http.push(
        await startProcess('http', {
          ...env,
          PORT: port,
          HOST: '127.0.0.1',
          RUN_WORKER: 'false',
          HTTP_REUSE_PORT: 'true',
        }),
      );
    return { base: `http://127.0.0.1:${port}`, stop: () => stop(http) };
  };
  for (let r = 1; r <= ROUNDS; r++) rounds.push(await runRound(r, serve, workerControl));
} else {
  let worker: ReturnType<typeof startWorker> | undefined;
  const workerControl = {
    start: async () => void (worker = startWorker(t.ctx)),
    stop: async () => worker?.stop(),
  };
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  for (let r = 1; r <= ROUNDS; r++)
    rounds.push(await runRound(r, async () => ({ base, stop: async () => {} }), workerControl));
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : +((s[m - 1]! + s[m]!) / 2).toFixed(3);
};
const summary = RUNS.map(({ processes, connections }) => {
  const of = rounds.map((r) => r.measured.find((m) => m.processes === processes && m.connections === connections)!);
  const med = (f: (m: Measured) => number) => median(of.map(f));
  return {
    processes,
    connections,
    submissionsPerSecond: med((m) => m.submissions.perSecond),
    submissionsP50ms: med((m) => m.submissions.p50ms),
    submissionsP99ms: med((m) => m.submissions.p99ms),
    submissionCpuMs: {
      node: med((m) => m.submissions.cpuMsPerRequest.node),
      postgres: med((m) => m.submissions.cpuMsPerRequest.postgres),
    },
    submissionsOfPgbench: med((m) => m.submissions.ofPgbench),
    trackingPerSecond: med((m) => m.tracking.perSecond),
    trackingP50ms: med((m) => m.tracking.p50ms),
    trackingP99ms: med((m) => m.tracking.p99ms),
    trackingCpuMs: {
      node: med((m) => m.tracking.cpuMsPerRequest.node),
      postgres: med((m) => m.tracking.cpuMsPerRequest.postgres),
    },
    trackingOfBareRoute: med((m) => m.tracking.ofBareRoute),
    errors: of.reduce((sum, m) => sum + m.submissions.errors + m.tracking.errors, 0),
    auditRowsUnsealedAfter5s: Math.max(...of.map((m) => m.auditRowsUnsealedAfter5s)),
  };
});
const pgbenchMedian = median(rounds.map((r) => r.pgbench));
const bareMedian = median(rounds.map((r) => r.bare.perSecond));

console.log(
  JSON.stringify({
    database: t.database.kind,
    seconds: SECONDS,
    rounds,
    medians: { pgbenchInsertsPerSecond: pgbenchMedian, bareRoutePerSecond: bareMedian, results: summary },
    loadAverage: (await run('cat', ['/proc/loadavg'], { encoding: 'utf8' })).stdout.trim(),
  }),
);
console.log(
  '| database | HTTP processes | connections | submissions/s (p50 / p99 ms) | CPU ms per submission (app + PostgreSQL) | pgbench inserts/s | ratio | tracking/s (p50 / p99 ms) | CPU ms per look-up | bare route/s | ratio |',
);
for (const r of summary)
  console.log(
    `| ${t.database.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'} | ${r.processes} | ${r.connections} | ${r.submissionsPerSecond} (${r.submissionsP50ms} / ${r.submissionsP99ms}) | ${r.submissionCpuMs.node} + ${r.submissionCpuMs.postgres} | ${pgbenchMedian} | ${r.submissionsOfPgbench} | ${r.trackingPerSecond} (${r.trackingP50ms} / ${r.trackingP99ms}) | ${r.trackingCpuMs.node} + ${r.trackingCpuMs.postgres} | ${bareMedian} | ${r.trackingOfBareRoute} |`,
  );
await t.close();
rmSync(work, { recursive: true, force: true });
