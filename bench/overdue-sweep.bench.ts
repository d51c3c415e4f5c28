/**
 * The SLA watch over 100,000 open dossiers (issue 7), on the PostgreSQL server; target < 5 s per sweep.
 *
 *   node bench/overdue-sweep.bench.ts
 *   BENCH_OPEN=100000 BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/motcua_sweep_bench (defaults)
 *
 * A fresh database each run: realistic rows from the reports generator (2,000 dossiers over the last
 * 90 days), then cloned in bulk (one INSERT … SELECT) into BENCH_OPEN open dossiers — statuses 1/2/4/6,
 * due and step-due times spread from 5 days before to 5 days after the sweep instant, so about half are
 * overdue and a few percent due soon. Timed: the first sweep (every alert new: the worst case, as on
 * the first deployment), then steady-state sweeps (nothing new), then the dispatch of 2,000 alerts.
 */
import pg from 'pg';
import pino from 'pino';
import { sql } from 'kysely';
import { loadConfig } from '../server/config.ts';
import type { AppContext } from '../server/context.ts';
import { openDatabase } from '../server/db/client.ts';
import { prepareDatabase } from '../server/db/setup.ts';
import { createManualClock } from '../server/lib/clock.ts';
import { seedCatalogue } from '../server/modules/catalogue/seed.ts';
import { generateDossiers } from '../server/modules/reports/service.ts';
import { dispatchBatch, runSweep } from '../server/modules/timeliness/service.ts';

const url = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/motcua_sweep_bench';
const open = Number(process.env['BENCH_OPEN'] ?? 100_000);
const out = (line: string) => process.stdout.write(`${line}\n`);

const admin = new pg.Client({ connectionString: new URL('/postgres', url).toString() });
await admin.connect();
const dbName = new URL(url).pathname.slice(1);
await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${dbName}`);
await admin.end();

// A Wednesday morning in a year of the 2018 three-tier units (the reference agencies).
const now = new Date('2025-06-18T09:00:00+07:00');
const clock = createManualClock(now);
const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', WEB_DIST_DIR: './no-web' });
const database = await openDatabase(url, '');
await prepareDatabase(database);
const ctx: AppContext = { db: database.db, dbKind: database.kind, config, clock, log: pino({ level: 'silent' }) };
await seedCatalogue(ctx);
await generateDossiers(ctx, {
  dossiers: 2_000,
  seed: 7,
  from: new Date(now.getTime() - 90 * 86_400_000),
  until: now,
  fast: true,
  events: false,
});

const t0 = performance.now();
await sql`SET session_replication_role = replica`.execute(ctx.db); // report triggers off for the bulk copy
await sql`
  WITH t AS (SELECT row_number() OVER (ORDER BY id) - 1 AS rn, * FROM dossiers)
  INSERT INTO dossiers (id, code, status, channel, procedure_version_id, procedure_code, receiving_agency_id,
    receiving_unit_id, handling_agency_id, applicant, owner_type, owner, eform_data, result_delivery,
    submitted_at, accepted_at, starts_at, due_at, step_index, step_role, step_due_at, step_due_ats)
  SELECT gen_random_uuid(), CASE WHEN s.st = 1 THEN NULL ELSE 'BENCH-' || g.i END, s.st,
    CASE WHEN s.st = 1 THEN 2 ELSE t.channel END, t.procedure_version_id, t.procedure_code,
    t.receiving_agency_id, t.receiving_unit_id, t.handling_agency_id, t.applicant, t.owner_type, t.owner,
    t.eform_data, t.result_delivery,
    ${now}::timestamptz - make_interval(hours => 1 + g.i % 120),
    CASE WHEN s.st = 1 THEN NULL ELSE ${now}::timestamptz - make_interval(hours => 100) END,
    CASE WHEN s.st = 1 THEN NULL ELSE ${now}::timestamptz - make_interval(hours => 100) END,
    CASE WHEN s.st = 1 THEN NULL ELSE ${now}::timestamptz + make_interval(mins => ((g.i::bigint * 7919) % 14400)::int - 7200) END,
    CASE WHEN s.st = 1 THEN NULL ELSE 1 END, CASE WHEN s.st = 1 THEN NULL ELSE 'specialist' END,
    CASE WHEN s.st = 1 THEN NULL ELSE ${now}::timestamptz + make_interval(mins => ((g.i::bigint * 104729) % 14400)::int - 7200) END,
    NULL
  FROM generate_series(1, ${open}) AS g(i)
  CROSS JOIN LATERAL (SELECT (ARRAY[1, 2, 4, 4, 4, 4, 6, 4, 2, 4])[1 + g.i % 10] AS st) s
  JOIN t ON t.rn = g.i % (SELECT count(*) FROM t)`.execute(ctx.db);
await sql`SET session_replication_role = DEFAULT`.execute(ctx.db);
await sql`VACUUM ANALYZE dossiers`.execute(ctx.db);
const counts = (
  await sql<{ open: number; overdue: number; soon: number; waiting: number; agencies: number }>`
    SELECT count(*) FILTER (WHERE status IN (2, 4, 6))::int AS open,
      count(*) FILTER (WHERE status IN (2, 4, 6) AND due_at < ${now})::int AS overdue,
      count(*) FILTER (WHERE status IN (2, 4, 6) AND due_at >= ${now} AND due_at <= ${now}::timestamptz + interval '24 hours')::int AS soon,
      count(*) FILTER (WHERE status = 1 AND channel = 2)::int AS waiting,
      count(DISTINCT receiving_agency_id)::int AS agencies
    FROM dossiers`.execute(ctx.db)
).rows[0]!;
out(
  `setup: ${((performance.now() - t0) / 1000).toFixed(1)} s; ${counts.open} running + ${counts.waiting} waiting for acceptance; ${counts.overdue} overdue, ${counts.soon} due within 24 h; ${counts.agencies} receiving agencies`,
);

const first = await runSweep(ctx);
const raised = Object.values(first.raised).reduce((a, b) => a + b, 0);
out(
  `first sweep (every alert new): ${first.ms} ms, ${raised} alerts ${JSON.stringify(first.raised)}, ${first.calendars} calendar(s)`,
);
const steady: number[] = [];
for (let i = 0; i < 5; i++) {
  clock.advance(5 * 60_000);
  const r = await runSweep(ctx);
  steady.push(r.ms);
}
const sorted = [...steady].sort((a, b) => a - b);
out(`steady sweeps (5 min apart): median ${sorted[2]} ms, max ${sorted[4]} ms over 5`);

const d0 = performance.now();
let dispatched = 0;
while (dispatched < 2_000) {
  const n = await dispatchBatch(ctx, 200);
  if (n === 0) break;
  dispatched += n;
}
const ds = (performance.now() - d0) / 1000;
const notes = Number(
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM notifications`.execute(ctx.db)).rows[0]!.n,
);
out(
  `dispatch: ${dispatched} alerts in ${ds.toFixed(1)} s = ${Math.round(dispatched / ds)} alerts/s (${notes} outbox rows)`,
);
const load = (await import('node:os')).loadavg()[0]!.toFixed(1);
out(`load average at the end: ${load}`);
await database.close();
