/**
 * Reports at scale (issue 11), on the PostgreSQL server: generates a dossier history up to BENCH_DOSSIERS
 * (default 1,000,000) in its own database, then times form 06a for every unit of the city over a year
 * (target < 1 s) and the public dashboard endpoint (target p95 < 100 ms).
 *
 *   BENCH_DOSSIERS=1000000 node bench/reports.bench.ts
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/motcua_bench (default; created when missing)
 *
 * The generator runs in its fast mode (row triggers off, one set-based roll-up rebuild at the end) and
 * without the journal when BENCH_EVENTS is not 1: the reports read the roll-up and the dossiers only.
 */
import pg from 'pg';
import pino from 'pino';
import { sql } from 'kysely';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import type { AppContext } from '../server/context.ts';
import { openDatabase } from '../server/db/client.ts';
import { prepareDatabase } from '../server/db/setup.ts';
import { createManualClock } from '../server/lib/clock.ts';
import { seedCatalogue } from '../server/modules/catalogue/seed.ts';
import { buildForm } from '../server/modules/reports/forms.ts';
import { generateDossiers } from '../server/modules/reports/service.ts';

const url = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/motcua_bench';
const target = Number(process.env['BENCH_DOSSIERS'] ?? 1_000_000);
const out = (line: string) => process.stdout.write(`${line}\n`);

const admin = new pg.Client({ connectionString: new URL('/postgres', url).toString() });
await admin.connect();
const dbName = new URL(url).pathname.slice(1);
const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${dbName}`);
await admin.end();

// The history ends on 30/06/2025, the last day of the 2018 three-tier units (the 2025 communes have no
// agencies in the reference data yet); the app's clock is set to that day for the dashboard.
const until = new Date('2025-06-30T17:00:00+07:00');
const clock = createManualClock(until);
const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', WEB_DIST_DIR: './no-web' });
const database = await openDatabase(url, '');
await prepareDatabase(database);
const ctx: AppContext = { db: database.db, dbKind: database.kind, config, clock, log: pino({ level: 'silent' }) };
await seedCatalogue(ctx);

const have = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM dossiers`.execute(ctx.db)).rows[0]?.n ?? 0);
if (have < target) {
  await sql`CHECKPOINT`.execute(ctx.db);
  const r = await generateDossiers(ctx, {
    dossiers: target - have,
    seed: 1000 + have,
    from: new Date('2022-07-01T00:00:00+07:00'),
    until,
    fast: true,
    events: process.env['BENCH_EVENTS'] === '1',
    batchSize: 1000,
  });
  out(
    `generator: ${r.dossiers} dossiers in ${r.seconds.toFixed(1)} s = ${Math.round(r.dossiers / r.seconds)} dossiers/s (${Math.round(r.rowsPerSecond)} rows/s)`,
  );
  await sql`VACUUM ANALYZE dossiers`.execute(ctx.db);
  await sql`VACUUM ANALYZE report_daily`.execute(ctx.db);
}
const total = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM dossiers`.execute(ctx.db)).rows[0]?.n ?? 0);
const rollupRows = Number(
  (await sql<{ n: number }>`SELECT count(*) AS n FROM report_daily`.execute(ctx.db)).rows[0]?.n ?? 0,
);
out(`database: ${total} dossiers, ${rollupRows} roll-up rows`);

const all = { permission: 'reports.read', all: true, ownerId: null, unitIds: [], agencyIds: [] };
const year = { from: '2024-01-01', to: '2024-12-31', label: '2024' };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

const times: number[] = [];
let rows = 0;
for (let i = 0; i < 7; i++) {
  const t0 = performance.now();
  const report = await buildForm(ctx, all, '06a', year, '01');
  times.push(performance.now() - t0);
  rows = report.rows.length;
  if (!report.invariant.holds) out('06a: INVARIANT BROKEN');
}
out(
  `06a, city '01' subtree (${rows} unit rows), 2024: median ${median(times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms over 7 runs`,
);

const app = await buildApp({ config, database, clock });
await app.ready();
// First request of the process: everything computed while the visitor waits (speed table included).
let t0 = performance.now();
const first = await app.inject('/api/public/dashboard');
if (first.statusCode !== 200) throw new Error(`dashboard ${first.statusCode}`);
out(
  `dashboard, first request (cold, speed table included): ${(performance.now() - t0).toFixed(0)} ms, ${first.body.length} bytes`,
);
const cold: number[] = [];
for (let i = 0; i < 5; i++) {
  clock.advance(11 * 60_000); // too stale to serve: recomputed while the visitor waits (speed table cached hourly)
  t0 = performance.now();
  await app.inject('/api/public/dashboard');
  cold.push(performance.now() - t0);
}
out(
  `dashboard, recomputation (roll-up reads): median ${median(cold).toFixed(0)} ms, max ${Math.max(...cold).toFixed(0)} ms over 5`,
);
const warm: number[] = [];
for (let i = 0; i < 2000; i++) {
  clock.advance(100); // ten visitors a second: one recomputation a minute
  const t0 = performance.now();
  await app.inject('/api/public/dashboard');
  warm.push(performance.now() - t0);
}
out(
  `dashboard, 2000 requests at 10/s of clock time: p50 ${pct(warm, 0.5).toFixed(1)} ms, p95 ${pct(warm, 0.95).toFixed(1)} ms, p99 ${pct(warm, 0.99).toFixed(1)} ms, max ${Math.max(...warm).toFixed(0)} ms`,
);
await app.close();
await database.close();
