import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { openDatabase } from './db/client.ts';
import { seedDemoData } from './db/demo-seed.ts';
import { prepareDatabase } from './db/setup.ts';
import { startWorker } from './jobs/worker.ts';
import { systemClock } from './lib/clock.ts';

/** Entry point: `node server/main.ts http | worker | migrate | seed`. The app itself is built in app.ts. */
const MODES = ['http', 'worker', 'migrate', 'seed'] as const;
type Mode = (typeof MODES)[number];

async function main(): Promise<void> {
  const started = performance.now();
  const mode = (process.argv[2] ?? 'http') as Mode;
  if (!MODES.includes(mode)) {
    process.stderr.write(`Unknown mode "${mode}". Use one of: ${MODES.join(', ')}\n`);
    process.exit(2);
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  if (mode === 'worker' && !/^postgres(ql)?:\/\//.test(config.DATABASE_URL ?? '')) {
    // PGlite is one process per data directory (PLATFORM.md fact 3): there the HTTP process runs the worker.
    process.stderr.write('Mode "worker" needs DATABASE_URL=postgres://…; on PGlite use http with RUN_WORKER=true.\n');
    process.exit(2);
  }
  const log = pino({ level: config.LOG_LEVEL });
  const database = await openDatabase(config.DATABASE_URL, config.PGLITE_DIR);
  const prepared = await prepareDatabase(database);
  log.info(
    { database: database.kind, migrations: prepared.migrations, referenceLoaded: prepared.referenceLoaded },
    'database ready',
  );

  if (mode === 'migrate') {
    await database.close();
    return;
  }
  const ctx = { db: database.db, dbKind: database.kind, config, clock: systemClock, log };
  if (mode === 'seed' || config.SEED_DEMO) {
    const lines = await seedDemoData(ctx);
    if (lines.length > 0) process.stdout.write(`\n${lines.join('\n')}\n\n`);
  }
  if (mode === 'seed') {
    await database.close();
    return;
  }

  // `worker` runs the job queue alone (production: one or more beside the HTTP processes); docs/jobs.md.
  if (mode === 'worker') {
    const worker = startWorker(ctx);
    const stopWorker = async (signal: string) => {
      log.info({ signal }, 'shutting down');
      await worker.stop();
      await database.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stopWorker('SIGINT'));
    process.once('SIGTERM', () => void stopWorker('SIGTERM'));
    return;
  }

  const app = await buildApp({ config, database, ownsDatabase: true });
  let worker: ReturnType<typeof startWorker> | undefined;
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await worker?.stop();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  // Fastify hands the options to net.Server.listen as they are; its types do not list reusePort (Node ≥ 22.12).
  const listenOptions = { port: config.PORT, host: config.HOST, reusePort: config.HTTP_REUSE_PORT };
  await app.listen(listenOptions);
  app.log.info({ startupMs: Math.round(performance.now() - started), url: config.PUBLIC_URL }, 'listening');
  if (config.RUN_WORKER) worker = startWorker(ctx);
}

main().catch((error: unknown) => {
  process.stderr.write(`Start-up failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
