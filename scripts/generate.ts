import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadConfig } from '../server/config.ts';
import type { AppContext } from '../server/context.ts';
import { openDatabase } from '../server/db/client.ts';
import { prepareDatabase } from '../server/db/setup.ts';
import { systemClock } from '../server/lib/clock.ts';
import { seedCatalogue } from '../server/modules/catalogue/seed.ts';
import { generateDossiers } from '../server/modules/reports/service.ts';

/**
 * `npm run generate -- --dossiers N [--seed S] [--from 2022-07-01] [--until 2025-06-30] [--no-events] [--fast]`:
 * a realistic dossier history on the configured database (DATABASE_URL or the embedded PGlite directory),
 * for demos and benchmarks. `--fast` (PostgreSQL superuser or PGlite) skips row triggers while inserting and
 * rebuilds the report roll-up once at the end; `--no-events` writes dossiers only (no journal, no files).
 */
const { values } = parseArgs({
  options: {
    dossiers: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    from: { type: 'string' },
    until: { type: 'string' },
    'no-events': { type: 'boolean', default: false },
    fast: { type: 'boolean', default: false },
    batch: { type: 'string', default: '1000' },
  },
});
const count = Number(values.dossiers);
if (!Number.isInteger(count) || count <= 0) throw new Error('--dossiers: expected a positive integer');
const day = (s: string | undefined) => (s ? new Date(`${s}T00:00:00+07:00`) : undefined);

const config = loadConfig();
const database = await openDatabase(config.DATABASE_URL, config.PGLITE_DIR);
try {
  await prepareDatabase(database);
  const ctx: AppContext = {
    db: database.db,
    dbKind: database.kind,
    config,
    clock: systemClock,
    log: pino({ level: 'warn' }),
  };
  await seedCatalogue(ctx);
  let last = performance.now();
  const result = await generateDossiers(ctx, {
    dossiers: count,
    seed: Number(values.seed),
    ...(values.from ? { from: day(values.from)! } : {}),
    ...(values.until ? { until: day(values.until)! } : {}),
    events: !values['no-events'],
    fast: values.fast,
    batchSize: Number(values.batch),
    onProgress: (done) => {
      if (performance.now() - last > 5000 || done === count) {
        last = performance.now();
        process.stdout.write(`  ${done.toLocaleString('en')} / ${count.toLocaleString('en')} dossiers\n`);
      }
    },
  });
  process.stdout.write(
    `Generated ${result.dossiers.toLocaleString('en')} dossiers, ${result.events.toLocaleString('en')} journal events, ` +
      `${result.files.toLocaleString('en')} files, ${result.ratings.toLocaleString('en')} ratings on ${database.kind} in ${result.seconds.toFixed(1)} s ` +
      `(${Math.round(result.rowsPerSecond).toLocaleString('en')} rows/s, ` +
      `${Math.round(result.dossiers / result.seconds).toLocaleString('en')} dossiers/s).\n`,
  );
} finally {
  await database.close();
}
