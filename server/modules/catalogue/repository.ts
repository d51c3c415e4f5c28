import { sql, type Insertable, type Selectable } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { ProcedureDetail, ProcedureVersionsTable } from './tables.ts';

export type VersionRow = Omit<Selectable<ProcedureVersionsTable>, 'name_fold' | 'search_text' | 'search_tokens'>;
export type VersionValues = Omit<
  Insertable<ProcedureVersionsTable>,
  'id' | 'tiers' | 'detail' | 'name_fold' | 'search_text' | 'search_tokens'
> & { tiers: string[]; detail: ProcedureDetail };

const COLUMNS = [
  'id',
  'code',
  'status',
  'valid_from',
  'valid_to',
  'name',
  'sector',
  'tiers',
  'agency_id',
  'online_level',
  'has_fee',
  'cutoff15',
  'supplement_mode',
  'time_limit_value',
  'time_limit_unit',
  'detail',
  'created_at',
  'published_at',
] as const;

// Arrays and jsonb go through explicit casts: the two drivers serialise JS arrays differently.
function encode(values: VersionValues) {
  return {
    ...values,
    tiers: sql<string[]>`string_to_array(${values.tiers.join(',')}, ',')`,
    detail: sql<ProcedureDetail>`${JSON.stringify(values.detail)}::jsonb`,
  };
}

/** Creates the procedure's row if it is new and locks it, so versions of one code are written one at a time. */
export async function lockProcedure(db: Database, code: string): Promise<void> {
  await db
    .insertInto('procedures')
    .values({ code })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  await sql`SELECT code FROM procedures WHERE code = ${code} FOR UPDATE`.execute(db);
}

export async function insertVersion(db: Database, values: VersionValues): Promise<number> {
  const row = await db
    .insertInto('procedure_versions')
    .values(encode(values))
    .returning('id')
    .executeTakeFirstOrThrow();
  await addWords(db, `${values.name} ${values.sector}`);
  return row.id;
}

/** Adds the words of a name and sector to the search vocabulary (repository-search.ts). */
async function addWords(db: Database, text: string): Promise<void> {
  await sql`INSERT INTO catalogue_words (word)
    SELECT DISTINCT w FROM regexp_split_to_table(vn_fold(${text}), '[^a-z0-9]+') AS w WHERE w <> ''
    ON CONFLICT DO NOTHING`.execute(db);
}

export async function updateDraft(db: Database, id: number, values: VersionValues): Promise<void> {
  const { created_at: _created, ...rest } = encode(values);
  await db.updateTable('procedure_versions').set(rest).where('id', '=', id).where('status', '=', 'draft').execute();
  await addWords(db, `${values.name} ${values.sector}`);
}

export async function markPublished(db: Database, id: number, at: Date): Promise<void> {
  await db
    .updateTable('procedure_versions')
    .set({ status: 'published', published_at: at })
    .where('id', '=', id)
    .execute();
}

/** Ends an open-ended published version the day the next one starts (the only change a published row takes). */
export async function closeOpenVersion(db: Database, id: number, validTo: string): Promise<void> {
  await db
    .updateTable('procedure_versions')
    .set({ valid_to: validTo })
    .where('id', '=', id)
    .where('valid_to', 'is', null)
    .execute();
}

export async function findVersionById(db: Database, id: number): Promise<VersionRow | undefined> {
  return db.selectFrom('procedure_versions').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function findVersionsByCode(db: Database, code: string): Promise<VersionRow[]> {
  return db
    .selectFrom('procedure_versions')
    .select(COLUMNS)
    .where('code', '=', code)
    .orderBy('valid_from')
    .orderBy('id')
    .execute();
}

export async function findVersionsByCodes(db: Database, codes: readonly string[]): Promise<VersionRow[]> {
  if (codes.length === 0) return [];
  return db
    .selectFrom('procedure_versions')
    .select(COLUMNS)
    .where('code', 'in', codes)
    .orderBy('code')
    .orderBy('valid_from')
    .orderBy('id')
    .execute();
}

/** Every published version of a code (a handful): the in-force one is picked by date in the service. */
export async function findPublished(db: Database, code: string): Promise<VersionRow[]> {
  return db
    .selectFrom('procedure_versions')
    .select(COLUMNS)
    .where('code', '=', code)
    .where('status', '=', 'published')
    .orderBy('valid_from')
    .execute();
}

/** Codes of every published version in force at `at` (the default export set). */
export async function findCodesInForce(db: Database, at: string): Promise<string[]> {
  const rows = await db
    .selectFrom('procedure_versions')
    .select('code')
    .where('status', '=', 'published')
    .where('valid_from', '<=', at)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', at)]))
    .orderBy('code')
    .execute();
  return rows.map((r) => r.code);
}
