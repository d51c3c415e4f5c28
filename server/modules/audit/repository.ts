import { sql, type Selectable } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { AuditLogTable } from './tables.ts';

/** The only SQL of the audit module. */
export type AuditRow = Selectable<AuditLogTable>;

// One writer per chain at a time: the lock is held until the caller's transaction ends, so the next
// writer of that chain reads this row as the head only once it is committed.
const AUDIT_CHAIN_LOCK = 727_003;

export async function lockChain(trx: Database, chain: number): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK}::int4, ${chain}::int4)`.execute(trx);
}

export function findHead(trx: Database, chain: number): Promise<{ seq: number; hash: string } | undefined> {
  return trx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .where('chain', '=', chain)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function findChains(db: Database): Promise<number[]> {
  const rows = await db.selectFrom('audit_log').select('chain').distinct().orderBy('chain').execute();
  return rows.map((r) => r.chain);
}

export async function insertRow(
  trx: Database,
  row: Omit<AuditRow, 'before' | 'after'> & { before: string | null; after: string | null },
): Promise<void> {
  await trx.insertInto('audit_log').values(row).execute();
}

export function findBatch(db: Database, chain: number, afterSeq: number, limit: number): Promise<AuditRow[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('chain', '=', chain)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
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

export async function searchRows(db: Database, f: AuditFilter): Promise<{ total: number; rows: AuditRow[] }> {
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
      .selectAll()
      .orderBy('occurred_at', 'desc')
      .orderBy('chain')
      .orderBy('seq', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
  ]);
  return { total: Number(count.n), rows };
}
