import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PGliteDialect, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';

/**
 * The one place that knows whether we run on embedded PGlite or on a PostgreSQL server.
 * Everything else sees a Kysely<DB> plus `exec` for multi-statement SQL (migrations).
 */
export type DatabaseKind = 'pglite' | 'postgres';

export type Database = Kysely<DB>;

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  /** Runs a multi-statement SQL script (no parameters), e.g. a seed. */
  exec(sqlText: string): Promise<void>;
  /**
   * Runs fn on one dedicated session that holds an advisory lock for its whole duration, so that
   * several processes starting at once apply migrations one after the other.
   */
  withLockedSession<T>(lockId: number, fn: (session: RawSession) => Promise<T>): Promise<T>;
  /**
   * Receives NOTIFY payloads of a channel (sent by any process, delivered after the sender commits).
   * `onGap` is called whenever notices may have been missed (the listening connection dropped), and
   * again once it listens anew. Resolves when listening; the returned function stops.
   */
  listen(channel: string, onNotice: (payload: string) => void, onGap: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface RawSession {
  exec(sqlText: string): Promise<void>;
  query<R>(sqlText: string, params?: unknown[]): Promise<R[]>;
}

// Normalise the drivers (PLATFORM.md fact 4): bigint as a JS number (our counters stay far below
// 2^53), DATE as the plain 'YYYY-MM-DD' string (never a Date in the process's local time zone).
const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;

export async function openDatabase(url: string | undefined, pgliteDir: string): Promise<DatabaseHandle> {
  if (url && /^postgres(ql)?:\/\//.test(url)) return openPostgres(url);
  const dataDir =
    url === 'memory://' ? undefined : url?.startsWith('file://') ? url.slice('file://'.length) : pgliteDir;
  return openPglite(dataDir);
}

async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
  if (dataDir) {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(dataDir, { recursive: true });
  }
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    extensions: { pg_trgm, unaccent },
    parsers: {
      [INT8]: (v: string) => Number(v),
      [DATE]: (v: string) => v,
      [NUMERIC]: (v: string) => v,
    },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    kind: 'pglite',
    exec: async (sqlText) => {
      await pglite.exec(sqlText);
    },
    // PGlite is one connection in one process (PLATFORM.md fact 3): nobody else can race us.
    withLockedSession: (_lockId, fn) =>
      fn({
        exec: async (sqlText) => {
          await pglite.exec(sqlText);
        },
        query: async <R>(sqlText: string, params?: unknown[]) => (await pglite.query<R>(sqlText, params)).rows,
      }),
    // One process, one connection: nothing is ever missed while the database is open.
    listen: async (channel, onNotice) => {
      const stop = await pglite.listen(channel, onNotice);
      return async () => {
        if (!pglite.closed) await stop();
      };
    },
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const types = new pg.TypeOverrides();
  types.setTypeParser(INT8, (v: string) => Number(v));
  types.setTypeParser(DATE, (v: string) => v);
  const pool = new pg.Pool({ connectionString: url, max: 10, types });
  // An idle client can be cut by the server (restart, DROP DATABASE … WITH (FORCE), failover): that must
  // not crash the process; the pool replaces the client on the next query.
  pool.on('error', () => undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparing(pool) }) });
  return {
    db,
    kind: 'postgres',
    exec: async (sqlText) => {
      // No parameters → node-postgres uses the simple query protocol, which accepts many statements.
      await pool.query(sqlText);
    },
    withLockedSession: async (lockId, fn) => {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [lockId]);
        try {
          return await fn({
            exec: async (sqlText) => {
              await client.query(sqlText);
            },
            query: async <R>(sqlText: string, params?: unknown[]) => (await client.query(sqlText, params)).rows as R[],
          });
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [lockId]);
        }
      } finally {
        client.release();
      }
    },
    listen: (channel, onNotice, onGap) => listenOnServer(url, types, channel, onNotice, onGap),
    close: async () => {
      await db.destroy();
    },
  };
}

// Distinct statement texts given a name; beyond it (texts built with variable IN lists), statements run unnamed.
const MAX_NAMED_STATEMENTS = 2000;

/**
 * The pool as Kysely sees it, with every repeated statement text sent as a named (prepared) statement:
 * each connection parses a text once and then only binds and runs it (PLATFORM.md: +12 % for single-row
 * inserts, +21 % for point reads on this machine). The server's plan_cache_mode decides when a generic plan
 * replaces per-call planning (default `auto`: only when it costs no more; measured on public tracking: the
 * server's CPU per look-up 0.19 → 0.10 ms). Set `plan_cache_mode=force_custom_plan` on the database should a
 * generic plan ever misbehave.
 */
function preparing(pool: pg.Pool): PostgresPool {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    let name = names.get(text);
    if (name === undefined && names.size < MAX_NAMED_STATEMENTS) names.set(text, (name = `k${names.size}`));
    return name;
  };
  return {
    options: pool.options,
    end: () => pool.end(),
    connect: async () => {
      const client = await pool.connect();
      const query = (q: unknown, values?: readonly unknown[]) => {
        if (typeof q !== 'string') return client.query(q as pg.Submittable);
        const name = nameOf(q);
        return client.query(
          name ? { name, text: q, values: values as unknown[] } : { text: q, values: values as unknown[] },
        );
      };
      return {
        query: query as unknown as PostgresPoolClient['query'],
        release: (destroy?: boolean) => client.release(destroy),
      };
    },
  };
}

/**
 * A dedicated connection (LISTEN cannot share a pooled one) that reconnects after a drop, reporting the
 * gap so that callers drop whatever the missed notices would have invalidated.
 */
async function listenOnServer(
  url: string,
  types: pg.CustomTypesConfig,
  channel: string,
  onNotice: (payload: string) => void,
  onGap: () => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url, types });
    let lost = false;
    const reconnect = () => {
      if (lost || stopped) return;
      lost = true;
      onGap();
      retry = setTimeout(() => void connect().catch(() => undefined), 1000);
    };
    c.on('notification', (n) => {
      if (n.channel === channel) onNotice(n.payload ?? '');
    });
    c.on('error', reconnect);
    c.on('end', reconnect);
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      reconnect();
      throw error;
    }
    client = c;
    onGap(); // anything sent before LISTEN took effect was not seen
  };
  try {
    await connect();
  } catch (error) {
    stopped = true;
    clearTimeout(retry);
    throw error;
  }
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}
