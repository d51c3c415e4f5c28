import { sql, type Insertable, type Selectable } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { AuditLogTable, AuditSealsTable } from './tables.ts';

/** The only SQL of the audit module. */
export type AuditRow = Selectable<AuditLogTable>;
export type AuditInsert = Insertable<AuditLogTable>;
export type SealRow = Selectable<AuditSealsTable>;
/** A chain position with the row it seals; the row is missing when someone deleted it. */
export type SealedRow = SealRow & Partial<Omit<AuditRow, 'id'>> & { row_id: number | null };
export interface SealCursor {
  txid: number;
  auditId: number;
}

export async function insertRow(db: Database, row: AuditInsert): Promise<void> {
  await appendQuery(db, row).execute();
}

/** The INSERT alone, for a caller that writes its change and its audit row in one statement. */
export function appendQuery(db: Database, row: AuditInsert) {
  return db.insertInto('audit_log').values(row);
}

// One sealer at a time, across processes; a second one finds the lock taken and leaves the work.
const AUDIT_SEAL_LOCK = 727_003;

export async function tryLockSealer(trx: Database): Promise<boolean> {
  const r = await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(${AUDIT_SEAL_LOCK}::int4, -1) AS ok`.execute(
    trx,
  );
  return r.rows[0]?.ok === true;
}

export async function findCursor(db: Database): Promise<SealCursor> {
  const row = await db.selectFrom('audit_seal_cursor').select(['txid', 'audit_id']).executeTakeFirstOrThrow();
  return { txid: Number(row.txid), auditId: Number(row.audit_id) };
}

export async function updateCursor(trx: Database, cursor: SealCursor): Promise<void> {
  await trx.updateTable('audit_seal_cursor').set({ txid: cursor.txid, audit_id: cursor.auditId }).execute();
}

/**
 * Rows after the cursor whose transaction is older than every transaction still running: they are
 * committed (or gone with a rollback) and no row of their transactions can appear any more.
 */
export function findSealable(trx: Database, after: SealCursor, limit: number): Promise<AuditRow[]> {
  return trx
    .selectFrom('audit_log')
    .selectAll()
    .where(sql<boolean>`(txid, id) > (${after.txid}::bigint, ${after.auditId}::bigint)`)
    .where(sql<boolean>`txid < (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint`)
    .orderBy('txid')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The last seal of each chain (one index probe per chain). */
export async function findHeads(trx: Database, chains: number): Promise<Map<number, { seq: number; hash: string }>> {
  const r = await sql<{ chain: number; seq: number; hash: string }>`
    SELECT c.chain, h.seq, h.hash FROM generate_series(0, ${chains - 1}::int) AS c(chain)
    CROSS JOIN LATERAL (SELECT seq, hash FROM audit_seals s WHERE s.chain = c.chain ORDER BY seq DESC LIMIT 1) h`.execute(
    trx,
  );
  return new Map(r.rows.map((h) => [Number(h.chain), { seq: Number(h.seq), hash: h.hash }]));
}

export async function insertSeals(trx: Database, rows: Insertable<AuditSealsTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await trx
      .insertInto('audit_seals')
      .values(rows.slice(i, i + 1000))
      .execute();
}

export async function findChains(db: Database): Promise<number[]> {
  const rows = await db.selectFrom('audit_seals').select('chain').distinct().orderBy('chain').execute();
  return rows.map((r) => Number(r.chain));
}

/** A chain's seals in order, each with the row it seals (LEFT JOIN: a deleted row shows as missing). */
export async function findSealBatch(
  db: Database,
  chain: number,
  afterSeq: number,
  limit: number,
): Promise<SealedRow[]> {
  const rows = await db
    .selectFrom('audit_seals as s')
    .leftJoin('audit_log as a', 'a.id', 's.audit_id')
    .select([
      's.chain',
      's.seq',
      's.audit_id',
      's.prev_hash',
      's.hash',
      's.sealed_at',
      'a.id as row_id',
      'a.occurred_at',
      'a.actor_id',
      'a.actor_kind',
      'a.action',
      'a.record_type',
      'a.record_id',
      'a.unit_id',
      'a.agency_id',
      'a.ip',
      'a.user_agent',
      'a.before',
      'a.after',
    ])
    .where('s.chain', '=', chain)
    .where('s.seq', '>', afterSeq)
    .orderBy('s.seq')
    .limit(limit)
    .execute();
  return rows as SealedRow[];
}

/** Rows waiting for the sealer (after the cursor), and rows before it that no seal covers (slipped in). */
export async function countUnsealed(
  db: Database,
  cursor: SealCursor,
): Promise<{ pending: number; oldestPending: Date | null; outside: number }> {
  const r = await sql<{ pending: number; oldest: Date | null; outside: number }>`
    SELECT
      (SELECT count(*) FROM audit_log WHERE (txid, id) > (${cursor.txid}::bigint, ${cursor.auditId}::bigint))::int AS pending,
      (SELECT min(occurred_at) FROM audit_log WHERE (txid, id) > (${cursor.txid}::bigint, ${cursor.auditId}::bigint)) AS oldest,
      (SELECT count(*) FROM audit_log a WHERE (a.txid, a.id) <= (${cursor.txid}::bigint, ${cursor.auditId}::bigint)
         AND NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s.audit_id = a.id))::int AS outside`.execute(db);
  const row = r.rows[0];
  return { pending: Number(row?.pending ?? 0), oldestPending: row?.oldest ?? null, outside: Number(row?.outside ?? 0) };
}

export interface AuditFilter {
  actorId?: string | undefined;
  person?: string | undefined;
  recordType?: string | undefined;
  recordId?: string | undefined;
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
  offset: number;
}

export type SearchRow = AuditRow & { chain: number | null; seq: number | null; hash: string | null };

export async function searchRows(db: Database, f: AuditFilter): Promise<{ total: number; rows: SearchRow[] }> {
  const base = db
    .selectFrom('audit_log')
    .$if(f.actorId !== undefined, (q) => q.where('actor_id', '=', f.actorId ?? ''))
    .$if(f.person !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb('actor_id', '=', f.person ?? ''),
          eb.and([eb('record_type', '=', 'account'), eb('record_id', '=', f.person ?? '')]),
        ]),
      ),
    )
    .$if(f.recordType !== undefined, (q) => q.where('record_type', '=', f.recordType ?? ''))
    .$if(f.recordId !== undefined, (q) => q.where('record_id', '=', f.recordId ?? ''))
    .$if(f.action !== undefined, (q) => q.where('action', '=', f.action ?? ''))
    .$if(f.from !== undefined, (q) => q.where('occurred_at', '>=', f.from ?? new Date(0)))
    .$if(f.to !== undefined, (q) => q.where('occurred_at', '<', f.to ?? new Date(0)));
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base
      // Not yet sealed rows (the last few seconds) come without a chain position.
      .leftJoin('audit_seals', 'audit_seals.audit_id', 'audit_log.id')
      .selectAll('audit_log')
      .select(['audit_seals.chain', 'audit_seals.seq', 'audit_seals.hash'])
      .orderBy('audit_log.occurred_at', 'desc')
      .orderBy('audit_log.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
  ]);
  return { total: Number(count.n), rows };
}
