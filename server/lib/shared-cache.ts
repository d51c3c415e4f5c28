import { sql } from 'kysely';
import type { Database, DatabaseHandle } from '../db/client.ts';

/**
 * Per-process caches of reference rows that every request reads and few change (published procedure
 * versions, agencies), kept correct across processes: a change announces itself with NOTIFY in the
 * changing transaction, and every process — this one included — drops the key when the notice arrives
 * after commit. A cache works only while its database is being listened to (installSharedCaches);
 * otherwise, and inside a transaction (which must see its own writes), every get loads.
 */
const CHANNEL = 'motcua_cache';
const MAX_AGE_MS = 5 * 60_000; // a safety net only: notices are the invalidation

interface Entry<V> {
  value: V;
  at: number;
}

interface Store {
  entries: Map<string, Entry<unknown>>;
  /** Bumped by every notice for a key (epoch: for all keys): a load that started before does not store. */
  generations: Map<string, number>;
  epoch: number;
  /** Keys this process changed in a transaction not yet known to be committed: load, do not store. */
  held: Map<string, number>;
}

// Keyed by the database's Kysely adapter: one instance per database, shared by its transactions (so a
// change announced inside a transaction finds the stores of the database it belongs to).
const listening = new WeakMap<object, Map<string, Store>>();
const keyOf = (db: Database): object => db.getExecutor().adapter;

export interface SharedCache<V> {
  get(db: Database, key: string, load: () => Promise<V | undefined>): Promise<V | undefined>;
  /** Drops a key in this process only (its own change that other processes need not hear of). */
  forget(db: Database, key: string): void;
}

export interface SharedCacheOptions<V> {
  /** Which loaded values may be kept (default: all). */
  keep?: (value: V) => boolean;
  /** How long a value may be served without a notice (default 5 minutes; a safety net only). */
  maxAgeMs?: number;
}

export function sharedCache<V>(name: string, options: SharedCacheOptions<V> = {}): SharedCache<V> {
  if (name.includes(':')) throw new Error(`cache name "${name}" may not contain ":"`);
  const keep = options.keep ?? (() => true);
  const maxAge = options.maxAgeMs ?? MAX_AGE_MS;
  return {
    forget(db, key) {
      if (listening.has(keyOf(db))) forget(storeFor(db, name), key);
    },
    async get(db, key, load) {
      if (db.isTransaction || !listening.has(keyOf(db))) return load();
      const store = storeFor(db, name);
      const now = Date.now();
      const hit = store.entries.get(key);
      if (hit && now - hit.at < maxAge) return hit.value as V;
      const heldAt = store.held.get(key) ?? store.held.get('*');
      if (heldAt !== undefined && now - heldAt < MAX_AGE_MS) return load();
      const seen = `${store.epoch}/${store.generations.get(key) ?? 0}`;
      const value = await load();
      // Misses are not cached: a row created a moment later must be found.
      if (value !== undefined && keep(value) && `${store.epoch}/${store.generations.get(key) ?? 0}` === seen)
        store.entries.set(key, { value: deepFreeze(value), at: now });
      return value;
    },
  };
}

function storeFor(db: Database, name: string): Store {
  return storeIn(listening.get(keyOf(db))!, name);
}

function storeIn(stores: Map<string, Store>, name: string): Store {
  let store = stores.get(name);
  if (!store) stores.set(name, (store = { entries: new Map(), generations: new Map(), epoch: 0, held: new Map() }));
  return store;
}

/**
 * Announces, inside the changing transaction, that `key` of cache `name` changed ('*': all of it). Every
 * process drops it when the notice arrives after commit; this process also stops storing it at once, so
 * that its own next request after the commit reads the change even before the notice is back.
 */
export async function announceChange(trx: Database, name: string, key: string): Promise<void> {
  await announceChanges(trx, name, [key]);
}

/** The same for several keys, in one statement. */
export async function announceChanges(trx: Database, name: string, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await sql`SELECT pg_notify(${CHANNEL}, ${`${name}:`} || k) FROM unnest(${[...keys]}::text[]) AS k`.execute(trx);
  const stores = listening.get(keyOf(trx));
  if (!stores) return;
  // Until its notice is back, this process loads the key without keeping it (a rolled-back change, whose
  // notice never comes, holds it for MAX_AGE_MS: a few extra loads, never a stale value).
  const store = storeIn(stores, name);
  for (const key of keys) {
    forget(store, key);
    store.held.set(key, Date.now());
  }
}

function forget(store: Store, key: string): void {
  if (key === '*') {
    store.entries.clear();
    store.epoch += 1;
  } else {
    store.entries.delete(key);
    store.generations.set(key, (store.generations.get(key) ?? 0) + 1);
  }
}

/** Listens for change notices on this database (app start); the returned function stops. */
export async function installSharedCaches(database: DatabaseHandle): Promise<() => Promise<void>> {
  const stores = new Map<string, Store>();
  const dropAll = () => {
    for (const store of stores.values()) forget(store, '*');
  };
  const stop = await database.listen(
    CHANNEL,
    (payload) => {
      const cut = payload.indexOf(':');
      const store = stores.get(payload.slice(0, cut));
      if (!store) return;
      const key = payload.slice(cut + 1);
      forget(store, key);
      if (key === '*') store.held.clear();
      else store.held.delete(key);
    },
    dropAll,
  );
  listening.set(keyOf(database.db), stores);
  return async () => {
    listening.delete(keyOf(database.db));
    await stop();
  };
}

/** Values are shared by every request: freezing them turns an accidental mutation into an error. */
function deepFreeze<V>(value: V): V {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
