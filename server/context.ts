import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import type { Database, DatabaseKind } from './db/client.ts';
import type { Clock } from './lib/clock.ts';

/** What every use case may depend on, passed explicitly (no container): `findUnits(ctx, query)`. */
export interface AppContext {
  db: Database;
  dbKind: DatabaseKind;
  config: Config;
  clock: Clock;
  log: FastifyBaseLogger;
}
