import type { Database } from '../../db/client.ts';
import { readReferenceFile } from '../../db/reference-files.ts';
import type { OfficialDayKind } from '../../../shared/calendar/holiday-tables.ts';
import { hasOfficialYear, replaceOfficialYear } from './repository.ts';

interface ReferenceYear {
  status: string;
  provisional: boolean;
  sources: string[];
  days: Array<{ date: string; kind: OfficialDayKind; name: string }>;
}

const FILE = 'vn-holidays.json';
const LOADED_BY = 'reference/vn-holidays.json';

/**
 * Seeds the official yearly tables from reference/vn-holidays.json, once per content version. Only years
 * not in the database yet are inserted: a table an administrator has edited is never overwritten by a
 * newer reference file. Returns whether the file was (re)read.
 */
export async function loadCalendarReference(db: Database): Promise<boolean> {
  const { text, sha256 } = await readReferenceFile(FILE);
  const loaded = await db
    .selectFrom('reference_loads')
    .select('sha256')
    .where('name', '=', 'calendar')
    .executeTakeFirst();
  if (loaded?.sha256 === sha256) return false;
  const years = (JSON.parse(text) as { years: Record<string, ReferenceYear> }).years;
  await db.transaction().execute(async (trx) => {
    for (const [key, table] of Object.entries(years)) {
      const year = Number(key);
      if (await hasOfficialYear(trx, year)) continue;
      const source = `${LOADED_BY} (${table.status})`;
      await replaceOfficialYear(
        trx,
        { year, status: table.status, provisional: table.provisional, sources: table.sources },
        table.days.map((d) => ({ ...d, year, source })),
        null,
        LOADED_BY,
      );
    }
    await trx
      .insertInto('reference_loads')
      .values({ name: 'calendar', sha256 })
      .onConflict((oc) => oc.column('name').doUpdateSet({ sha256, loaded_at: new Date() }))
      .execute();
  });
  return true;
}
