import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatabaseHandle, RawSession } from './client.ts';

export const MIGRATIONS_DIR = new URL('../../migrations/', import.meta.url).pathname;
const MIGRATION_LOCK = 727_001;

/**
 * Applies numbered, forward-only SQL migrations in file-name order, each in its own transaction.
 * An applied migration whose file later changed stops start-up: migrations are history, not code
 * to edit. Returns the names applied by this call.
 */
export async function migrateDatabase(handle: DatabaseHandle, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  return handle.withLockedSession(MIGRATION_LOCK, async (session) => {
    await session.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const applied = new Map(
      (await session.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations')).map(
        (r) => [r.name, r.checksum],
      ),
    );
    const appliedNow: string[] = [];
    for (const file of files) {
      const text = await readFile(join(dir, file), 'utf8');
      const checksum = createHash('sha256').update(text).digest('hex');
      const previous = applied.get(file);
      if (previous !== undefined) {
        if (previous !== checksum)
          throw new Error(`Migration ${file} was changed after it was applied; add a new one.`);
        continue;
      }
      await applyOne(session, file, text, checksum);
      appliedNow.push(file);
    }
    return appliedNow;
  });
}

async function applyOne(session: RawSession, file: string, text: string, checksum: string): Promise<void> {
  try {
    await session.exec(
      `BEGIN;\n${text}\n;\nINSERT INTO schema_migrations (name, checksum) VALUES ('${file}', '${checksum}');\nCOMMIT;`,
    );
  } catch (error) {
    await session.exec('ROLLBACK').catch(() => undefined);
    throw new Error(`Migration ${file} failed: ${(error as Error).message}`, { cause: error });
  }
}
