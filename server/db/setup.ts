import type { DatabaseHandle } from './client.ts';
import { migrateDatabase } from './migrate.ts';
import { loadCalendarReference } from '../modules/calendar/reference.ts';
import { loadUnitsReference } from '../modules/units/reference.ts';

/** Brings a database to the current schema and reference data: what every environment needs. */
export async function prepareDatabase(
  handle: DatabaseHandle,
): Promise<{ migrations: string[]; referenceLoaded: boolean }> {
  const migrations = await migrateDatabase(handle);
  const referenceLoaded = await loadUnitsReference(handle.db);
  await loadCalendarReference(handle.db);
  return { migrations, referenceLoaded };
}
