import {
  sql,
  type InsertQueryBuilder,
  type InsertResult,
  type Insertable,
  type RawBuilder,
  type Selectable,
} from 'kysely';
import type { Database } from '../../db/client.ts';
import type { DB } from '../../db/schema.ts';
import type { DossierEventsTable, DossierFilesTable, DossiersTable, ResultSignaturesTable } from './tables.ts';

export type DossierRow = Selectable<DossiersTable>;
export type EventRow = Selectable<DossierEventsTable>;
export type FileRow = Selectable<DossierFilesTable>;
export type SignatureRow = Selectable<ResultSignaturesTable>;

export async function insertDossier(db: Database, row: Insertable<DossiersTable>): Promise<boolean> {
  const result = await db
    .insertInto('dossiers')
    .values(row)
    .onConflict((oc) => oc.columns(['created_by', 'idempotency_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export interface NewSubmission {
  dossier: Insertable<DossiersTable>;
  files: Insertable<DossierFilesTable>[];
  event: Insertable<DossierEventsTable>;
}

/**
 * The dossier, its files and its first journal event in one statement (one round trip, atomic on its
 * own), together with `alongside` — an INSERT of another module (the audit record) run in the same
 * statement. A retry with a known Idempotency-Key fails on the unique key: see isIdempotencyClash.
 */
export async function insertSubmission<T extends keyof DB>(
  db: Database,
  { dossier, files, event }: NewSubmission,
  alongside: InsertQueryBuilder<DB, T, InsertResult>,
): Promise<void> {
  const withFiles = db
    .with('alongside', () => alongside)
    .with('submitted_event', (qc) => qc.insertInto('dossier_events').values(event));
  const query =
    files.length > 0
      ? withFiles.with('submitted_files', (qc) => qc.insertInto('dossier_files').values(files))
      : withFiles;
  await query.insertInto('dossiers').values(dossier).execute();
}

/** Whether an error is the unique (created_by, idempotency_key) of a retried submission. */
export function isIdempotencyClash(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string; message?: string } | null;
  return e?.code === '23505' && `${e.constraint ?? ''} ${e.message ?? ''}`.includes('idempotency_key');
}

export function findDossierById(db: Database, id: string): Promise<DossierRow | undefined> {
  return db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface TrackRow {
  id: string;
  code: string;
  status: number;
  procedure_code: string;
  accepted_at: Date | null;
  due_at: Date | null;
  returned_at: Date | null;
  check_id4: string | null;
  check_phone4: string | null;
  history: { at: string; action: string; status: number; agencyId: string }[];
  /** The approved apology letter (Decree 61/2018 Art. 19(9)), if any. */
  apology: { reason: string; newDueAt: string } | null;
}

/** Public tracking in one statement (it is the hottest public read): the dossier, its history, its apology. */
export async function findForTracking(db: Database, code: string): Promise<TrackRow | undefined> {
  const result = await sql<TrackRow>`
    SELECT d.id, d.code, d.status, d.procedure_code, d.accepted_at, d.due_at, d.returned_at, d.check_id4, d.check_phone4,
      (SELECT coalesce(json_agg(json_build_object('at', e.at, 'action', e.action, 'status', e.to_status, 'agencyId', e.to_agency_id) ORDER BY e.seq), '[]')
         FROM dossier_events e WHERE e.dossier_id = d.id) AS history,
      (SELECT json_build_object('reason', a.reason, 'newDueAt', a.new_due_at)
         FROM dossier_apologies a WHERE a.dossier_id = d.id AND a.state = 'approved') AS apology
    FROM dossiers d WHERE d.code = ${code}`.execute(db);
  return result.rows[0];
}

export function findDossierByCode(db: Database, code: string): Promise<DossierRow | undefined> {
  return db.selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirst();
}

export function findByIdempotencyKey(db: Database, createdBy: string, key: string): Promise<DossierRow | undefined> {
  return db
    .selectFrom('dossiers')
    .selectAll()
    .where('created_by', '=', createdBy)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/** Compare-and-set on the version: 0 rows means someone else acted first (409 CONFLICT). */
export async function updateDossier(
  db: Database,
  id: string,
  expectedVersion: number,
  patch: Partial<Insertable<DossiersTable>>,
): Promise<boolean> {
  const result = await db
    .updateTable('dossiers')
    .set({ ...patch, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertEvent(db: Database, row: Insertable<DossierEventsTable>): Promise<void> {
  await db.insertInto('dossier_events').values(row).execute();
}

export function findEvents(db: Database, dossierId: string): Promise<EventRow[]> {
  return db.selectFrom('dossier_events').selectAll().where('dossier_id', '=', dossierId).orderBy('seq').execute();
}

export async function insertFiles(db: Database, rows: Insertable<DossierFilesTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('dossier_files').values(rows).execute();
}

export function findFiles(db: Database, dossierId: string): Promise<FileRow[]> {
  return db.selectFrom('dossier_files').selectAll().where('dossier_id', '=', dossierId).orderBy('created_at').execute();
}

export function findFileById(db: Database, id: string): Promise<FileRow | undefined> {
  return db.selectFrom('dossier_files').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertSignatures(db: Database, rows: Insertable<ResultSignaturesTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('result_signatures').values(rows).execute();
}

export function findSignatures(db: Database, dossierId: string): Promise<SignatureRow[]> {
  return db.selectFrom('result_signatures').selectAll().where('dossier_id', '=', dossierId).execute();
}

/** A signature by its result code, with the signed file's current fingerprint (public verification). */
export function findSignatureByCode(
  db: Database,
  resultCode: string,
): Promise<(SignatureRow & { file_sha256: string }) | undefined> {
  return db
    .selectFrom('result_signatures as s')
    .innerJoin('dossier_files as f', 'f.id', 's.file_id')
    .selectAll('s')
    .select('f.sha256 as file_sha256')
    .where('s.result_code', '=', resultCode)
    .executeTakeFirst();
}

/** Advisory-lock class of content addresses (the second key is the hash of the SHA-256; collisions only wait). */
const BLOB_LOCK_CLASS = 727_060;

/** Shared locks on content addresses, to the end of the transaction; taken in one order, so never crosswise. */
export async function lockBlobsShared(trx: Database, sha256s: readonly string[]): Promise<void> {
  const shas = [...new Set(sha256s)].sort();
  if (shas.length === 0) return;
  await sql`SELECT pg_advisory_xact_lock_shared(${BLOB_LOCK_CLASS}::int4, hashtext(s)) FROM unnest(${shas}::text[]) AS s ORDER BY s`.execute(
    trx,
  );
}

/** The exclusive lock on one content address, to the end of the transaction: waits for every sharer's commit. */
export async function lockBlobExclusive(trx: Database, sha256: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${BLOB_LOCK_CLASS}::int4, hashtext(${sha256}))`.execute(trx);
}

export async function isShaReferenced(db: Database, sha256: string): Promise<boolean> {
  const row = await db
    .selectFrom('dossier_files')
    .select('id')
    .where('sha256', '=', sha256)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The next number of the day for a receiving agency. The upsert takes the counter row's lock until the
 * accepting transaction ends: numbers are distinct, and a rolled-back acceptance leaves no gap.
 */
export async function nextCodeNumber(db: Database, agencyId: string, day: string): Promise<number> {
  const row = await db
    .insertInto('dossier_code_counters')
    .values({ agency_id: agencyId, day, last: 1 })
    .onConflict((oc) => oc.columns(['agency_id', 'day']).doUpdateSet({ last: sql`dossier_code_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last;
}

export interface ListFilter {
  scope: RawBuilder<boolean>;
  status?: number[] | undefined;
  assigneeId?: string | null | undefined;
  unitIds?: number[] | undefined;
  q?: string | undefined;
  dueBefore?: Date | undefined;
  stepRole?: string | undefined;
  stepFinished?: boolean | undefined;
  /** A result file is attached and not signed yet (the "to sign" queue). */
  resultUnsigned?: boolean | undefined;
  /** A further scope, e.g. where the officer may sign. */
  alsoScope?: RawBuilder<boolean> | undefined;
  limit: number;
  offset: number;
}

export async function listDossiers(db: Database, f: ListFilter): Promise<{ total: number; rows: DossierRow[] }> {
  let query = db.selectFrom('dossiers').where(f.scope);
  if (f.status) query = query.where('status', 'in', f.status);
  if (f.assigneeId !== undefined)
    query =
      f.assigneeId === null
        ? query.where('step_assignee_id', 'is', null)
        : query.where('step_assignee_id', '=', f.assigneeId);
  if (f.unitIds) query = query.where('receiving_unit_id', 'in', f.unitIds.length > 0 ? f.unitIds : [-1]);
  if (f.q) query = query.where(sql<boolean>`search_text LIKE '%' || vn_fold(${f.q}) || '%'`);
  if (f.dueBefore) query = query.where('due_at', '<', f.dueBefore);
  if (f.stepRole) query = query.where('step_role', '=', f.stepRole);
  if (f.stepFinished !== undefined) query = query.where('step_index', f.stepFinished ? 'is' : 'is not', null);
  if (f.alsoScope) query = query.where(f.alsoScope);
  if (f.resultUnsigned)
    query = query
      .where('result_signed_at', 'is', null)
      .where(
        sql<boolean>`EXISTS (SELECT 1 FROM dossier_files f WHERE f.dossier_id = dossiers.id AND f.kind = 'result')`,
      );
  const [count, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    query.selectAll().orderBy('due_at', 'asc').orderBy('submitted_at', 'asc').limit(f.limit).offset(f.offset).execute(),
  ]);
  return { total: Number(count.n), rows };
}
