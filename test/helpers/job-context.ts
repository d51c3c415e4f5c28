import pino from 'pino';
import { loadConfig, type Config } from '../../server/config.ts';
import type { AppContext } from '../../server/context.ts';
import type { DatabaseHandle } from '../../server/db/client.ts';
import { createManualClock } from '../../server/lib/clock.ts';
import { createTestDatabase } from './database.ts';

export interface TestContext {
  ctx: AppContext;
  clock: ReturnType<typeof createManualClock>;
  database: DatabaseHandle;
  close(): Promise<void>;
}

/** A fresh migrated database and a context with a manual clock, without the HTTP app (jobs, sweeps). */
export async function createTestContext(
  overrides: Partial<Record<keyof Config, string>> = {},
  start = new Date('2023-10-27T02:32:00Z'),
): Promise<TestContext> {
  const database = await createTestDatabase();
  const clock = createManualClock(start);
  const ctx: AppContext = {
    db: database.db,
    dbKind: database.kind,
    config: loadConfig({ LOG_LEVEL: 'silent', ...overrides }),
    clock,
    log: pino({ level: 'silent' }),
  };
  return { ctx, clock, database, close: () => database.close() };
}
