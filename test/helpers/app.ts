import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { loadConfig, type Config } from '../../server/config.ts';
import type { AppContext } from '../../server/context.ts';
import type { DatabaseHandle } from '../../server/db/client.ts';
import { createManualClock, type Clock } from '../../server/lib/clock.ts';
import { createTestDatabase } from './database.ts';
import pino from 'pino';

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  ctx: AppContext;
  clock: ReturnType<typeof createManualClock>;
  close(): Promise<void>;
}

/** The real app on a fresh database, with a manual clock; one per test file (beforeAll/afterAll). */
export async function createTestApp(
  overrides: Partial<Record<keyof Config, string>> = {},
  clock?: Clock,
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    WEB_DIST_DIR: './no-web-in-api-tests',
    ...overrides,
  });
  const manual = createManualClock(new Date('2023-10-27T02:32:00Z'));
  const app = await buildApp({ config, database, clock: clock ?? manual });
  await app.ready();
  const ctx: AppContext = {
    db: database.db,
    dbKind: database.kind,
    config,
    clock: clock ?? manual,
    log: pino({ level: 'silent' }),
  };
  return {
    app,
    database,
    ctx,
    clock: manual,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
