import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { DB } from '../../db/schema.ts';
import type { AgenciesTable, UnitsTable } from './tables.ts';

export type UnitRow = Selectable<UnitsTable> & { parent_code: string | null };
export type AgencyRow = Selectable<AgenciesTable> & { unit_code: string | null };

export interface UnitFilter {
  at: string;
  level?: 'city' | 'district' | 'commune' | undefined;
  parentCode?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

function validAt<T extends 'units' | 'agencies'>(table: T, at: string) {
  return (eb: ExpressionBuilder<DB, T>) =>
    eb.and([
      eb(sql.ref(`${table}.valid_from`), '<=', at),
      eb.or([eb(sql.ref(`${table}.valid_to`), 'is', null), eb(sql.ref(`${table}.valid_to`), '>', at)]),
    ]);
}

export async function findUnits(db: Database, filter: UnitFilter): Promise<{ total: number; rows: UnitRow[] }> {
  let query = db
    .selectFrom('units')
    .leftJoin('units as parent', 'parent.id', 'units.parent_id')
    .where(validAt('units', filter.at));
  if (filter.level) query = query.where('units.level', '=', filter.level);
  if (filter.parentCode) query = query.where('parent.code', '=', filter.parentCode);
  if (filter.q) query = query.where(sql<boolean>`units.search_text LIKE '%' || vn_fold(${filter.q}) || '%'`);
  const [count, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    query
      .selectAll('units')
      .select('parent.code as parent_code')
      .orderBy('units.level')
      .orderBy('units.code')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
  ]);
  return { total: Number(count.n), rows };
}

export async function findUnitByCode(db: Database, code: string, at: string): Promise<UnitRow | undefined> {
  return db
    .selectFrom('units')
    .leftJoin('units as parent', 'parent.id', 'units.parent_id')
    .where('units.code', '=', code)
    .where(validAt('units', at))
    .selectAll('units')
    .select('parent.code as parent_code')
    .executeTakeFirst();
}

export interface AgencyFilter {
  at: string;
  unitId?: number | undefined;
  parentId?: string | undefined;
  level?: AgenciesTable['level'] | undefined;
  kind?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

export async function findAgencies(db: Database, filter: AgencyFilter): Promise<{ total: number; rows: AgencyRow[] }> {
  let query = db
    .selectFrom('agencies')
    .leftJoin('units', 'units.id', 'agencies.unit_id')
    .where(validAt('agencies', filter.at));
  if (filter.unitId !== undefined) query = query.where('agencies.unit_id', '=', filter.unitId);
  if (filter.parentId) query = query.where('agencies.parent_id', '=', filter.parentId);
  if (filter.level) query = query.where('agencies.level', '=', filter.level);
  if (filter.kind) query = query.where('agencies.kind', '=', filter.kind);
  if (filter.q) query = query.where(sql<boolean>`agencies.search_text LIKE '%' || vn_fold(${filter.q}) || '%'`);
  const [count, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    query
      .selectAll('agencies')
      .select('units.code as unit_code')
      .orderBy('agencies.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
  ]);
  return { total: Number(count.n), rows };
}

export async function findAgencyById(db: Database, id: string): Promise<AgencyRow | undefined> {
  return db
    .selectFrom('agencies')
    .leftJoin('units', 'units.id', 'agencies.unit_id')
    .where('agencies.id', '=', id)
    .selectAll('agencies')
    .select('units.code as unit_code')
    .executeTakeFirst();
}

/** Compare-and-set on the version: undefined when the agency moved on (or does not exist). */
export async function updateAgency(
  db: Database,
  id: string,
  version: number,
  changes: Partial<Pick<AgenciesTable, 'name' | 'short_name' | 'address' | 'phone' | 'email' | 'opening_hours'>>,
): Promise<{ version: number } | undefined> {
  return db
    .updateTable('agencies')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
}
