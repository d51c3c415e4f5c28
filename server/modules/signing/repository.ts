import type { Insertable, Selectable } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { SigningKeysTable } from './tables.ts';

export type SigningKeyRow = Selectable<SigningKeysTable>;

export function findKey(db: Database, keyId: string): Promise<SigningKeyRow | undefined> {
  return db.selectFrom('signing_keys').selectAll().where('key_id', '=', keyId).executeTakeFirst();
}

export function findGeneratedKey(db: Database): Promise<SigningKeyRow | undefined> {
  return db.selectFrom('signing_keys').selectAll().where('origin', '=', 'generated').executeTakeFirst();
}

/** Inserts a key unless it (or, for a generated key, another generated key) is already there. */
export async function insertKey(db: Database, row: Insertable<SigningKeysTable>): Promise<void> {
  await db
    .insertInto('signing_keys')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export function listKeys(db: Database): Promise<SigningKeyRow[]> {
  return db.selectFrom('signing_keys').selectAll().orderBy('created_at').execute();
}
