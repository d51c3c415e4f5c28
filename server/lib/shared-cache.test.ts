import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers/database.ts';
import { openDatabase, type DatabaseHandle } from '../db/client.ts';
import { announceChange, installSharedCaches, sharedCache } from './shared-cache.ts';

let handle: DatabaseHandle;
let stop: () => Promise<void>;
beforeAll(async () => {
  handle = await createTestDatabase();
  await sql`CREATE TABLE cache_probe (key text PRIMARY KEY, value text NOT NULL)`.execute(handle.db);
  await sql`INSERT INTO cache_probe VALUES ('a', 'one'), ('b', 'uno')`.execute(handle.db);
});
afterAll(async () => {
  await stop?.();
  await handle.close();
});

/** A cache over cache_probe that counts its loads. */
function probe(name: string) {
  let loads = 0;
  const cache = sharedCache<string>(name);
  const read = async (h: DatabaseHandle, key: string, db = h.db) => {
    const r = await cache.get(db, key, async () => {
      loads += 1;
      const row = await db
        .selectFrom('cache_probe' as never)
        .selectAll()
        .where('key' as never, '=', key as never)
        .executeTakeFirst();
      return (row as { value: string } | undefined)?.value;
    });
    return r;
  };
  return { read, loads: () => loads };
}

const change = (db: DatabaseHandle['db'], key: string, value: string) =>
  sql`UPDATE cache_probe SET value = ${value} WHERE key = ${key}`.execute(db);

async function until(check: () => Promise<boolean>, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('shared cache', () => {
  it('loads every time while its database is not listened to', async () => {
    const p = probe('unlistened');
    await p.read(handle, 'a');
    await p.read(handle, 'a');
    expect(p.loads()).toBe(2);
  });

  it('keeps a value once listening, never a miss, never inside a transaction', async () => {
    stop = await installSharedCaches(handle);
    const p = probe('kept');
    expect(await p.read(handle, 'a')).toBe('one');
    expect(await p.read(handle, 'a')).toBe('one');
    expect(p.loads()).toBe(1);
    expect(await p.read(handle, 'missing')).toBeUndefined();
    expect(await p.read(handle, 'missing')).toBeUndefined();
    expect(p.loads()).toBe(3);
    await handle.db.transaction().execute(async (trx) => {
      await p.read(handle, 'a', trx);
    });
    expect(p.loads()).toBe(4);
  });

  it('reads a change right after its commit in the changing process, and not before', async () => {
    const p = probe('own-change');
    expect(await p.read(handle, 'b')).toBe('uno');
    if (handle.kind === 'postgres') {
      // While the change is uncommitted, other requests read the committed value and do not keep it.
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let announced!: () => void;
      const ready = new Promise<void>((r) => (announced = r));
      const tx = handle.db.transaction().execute(async (trx) => {
        await change(trx, 'b', 'dos');
        await announceChange(trx, 'own-change', 'b');
        announced();
        await held;
      });
      await ready;
      const loads = p.loads();
      expect(await p.read(handle, 'b')).toBe('uno');
      expect(await p.read(handle, 'b')).toBe('uno');
      expect(p.loads()).toBe(loads + 2); // held: loaded, not kept
      release();
      await tx;
    } else {
      await handle.db.transaction().execute(async (trx) => {
        await change(trx, 'b', 'dos');
        await announceChange(trx, 'own-change', 'b');
      });
    }
    expect(await p.read(handle, 'b')).toBe('dos');
  });

  it('drops a key in another process when the change commits, not when it rolls back', async (ctx) => {
    if (handle.kind !== 'postgres') ctx.skip(); // PGlite: one process per database
    const name = (await sql<{ d: string }>`SELECT current_database() AS d`.execute(handle.db)).rows[0]!.d;
    const url = new URL(process.env['DATABASE_URL']!);
    url.pathname = `/${name}`;
    const other = await openDatabase(url.toString(), '');
    const stopOther = await installSharedCaches(other);
    try {
      const p = probe('cross-process');
      await change(handle.db, 'a', 'one');
      expect(await p.read(other, 'a')).toBe('one');
      await expect(
        handle.db.transaction().execute(async (trx) => {
          await change(trx, 'a', 'never');
          await announceChange(trx, 'cross-process', 'a');
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      await new Promise((r) => setTimeout(r, 100));
      expect(await p.read(other, 'a')).toBe('one');
      expect(p.loads()).toBe(1);

      await handle.db.transaction().execute(async (trx) => {
        await change(trx, 'a', 'two');
        await announceChange(trx, 'cross-process', 'a');
      });
      await until(async () => (await p.read(other, 'a')) === 'two');

      // The listening connection drops: everything is forgotten (notices may have been missed) …
      const before = p.loads();
      await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND query ILIKE 'LISTEN%'`.execute(handle.db);
      await until(async () => {
        await p.read(other, 'a');
        return p.loads() > before;
      });
      // … and it listens again: a later change still reaches the other process.
      await new Promise((r) => setTimeout(r, 1500));
      await p.read(other, 'a');
      await handle.db.transaction().execute(async (trx) => {
        await change(trx, 'a', 'three');
        await announceChange(trx, 'cross-process', 'a');
      });
      await until(async () => (await p.read(other, 'a')) === 'three', 4000);
    } finally {
      await stopOther();
      await other.close();
    }
  });
});
