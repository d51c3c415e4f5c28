import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import { chainHash, GENESIS_HASH, type ChainedFields } from './canonical.ts';
import * as repo from './repository.ts';
import type { AuditSearchQuery, AuditSearchResult } from './schemas.ts';

export interface AuditEntry {
  at: Date;
  actor?: { id: string; kind: string } | null | undefined;
  /** `<module>.<verb>`, e.g. 'account.register', 'dossier.read'. */
  action: string;
  record?: { type: string; id: string } | undefined;
  unitId?: number | null | undefined;
  agencyId?: string | null | undefined;
  ip?: string | null | undefined;
  userAgent?: string | null | undefined;
  before?: unknown;
  after?: unknown;
}

/** Where a request came from, to spread into an AuditEntry. */
export function requestOrigin(request: FastifyRequest): { ip: string; userAgent: string | null } {
  return { ip: request.ip, userAgent: request.headers['user-agent']?.slice(0, 300) ?? null };
}

/**
 * Independent hash chains: a record's events always land in the same chain (in order), unrelated
 * records append in parallel. Changing the number later is safe: every chain stays valid on its own.
 */
export const AUDIT_CHAINS = 16;

export function chainOf(entry: Pick<AuditEntry, 'record' | 'actor'>): number {
  const key = entry.record ? `${entry.record.type}:${entry.record.id}` : (entry.actor?.id ?? '');
  return createHash('sha256').update(key).digest().readUInt16BE(0) % AUDIT_CHAINS;
}

/** The row an entry becomes (jsonb gives back what JSON gives back: store that, not the caller's live objects). */
function rowOf(entry: AuditEntry): repo.AuditInsert {
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
  return {
    occurred_at: entry.at,
    actor_id: entry.actor?.id ?? null,
    actor_kind: entry.actor?.kind ?? null,
    action: entry.action,
    record_type: entry.record?.type ?? null,
    record_id: entry.record?.id ?? null,
    unit_id: entry.unitId ?? null,
    agency_id: entry.agencyId ?? null,
    ip: entry.ip ?? null,
    user_agent: entry.userAgent ?? null,
    before: json(entry.before),
    after: json(entry.after),
  };
}

/**
 * Appends one row to the audit trail. Call it with the transaction that makes the change, so the change
 * and its record commit or vanish together. No lock is taken: the sealer (sealAuditLog, every few
 * seconds in the worker) links committed rows into their hash chains (ADR 0016).
 */
export async function recordAudit(db: Database, entry: AuditEntry): Promise<void> {
  await repo.insertRow(db, rowOf(entry));
}

/**
 * The audit INSERT as a query, not run: a hot path that writes its change in one statement adds it as a
 * common table expression, so the change and its record still commit together (dossier submission).
 */
export function auditAppendQuery(db: Database, entry: AuditEntry) {
  return repo.appendQuery(db, rowOf(entry));
}

export interface SealResult {
  sealed: number;
  /** false when another sealer held the lock (it does the work). */
  ran: boolean;
}

/**
 * Links committed rows into their chains, in (transaction id, id) order, up to `maxRows` per call:
 * seq = head + 1, hash = SHA-256(head hash + canonical row). Only rows of transactions older than every
 * running one are taken, so a transaction committing later can never need a place before the cursor.
 */
export async function sealAuditLog(
  db: Database,
  options: { batchSize?: number; maxRows?: number } = {},
): Promise<SealResult> {
  if (!db.isTransaction) return db.transaction().execute((trx) => sealAuditLog(trx, options));
  if (!(await repo.tryLockSealer(db))) return { sealed: 0, ran: false };
  const batchSize = options.batchSize ?? 2000;
  const maxRows = options.maxRows ?? 50_000;
  let cursor = await repo.findCursor(db);
  const heads = await repo.findHeads(db, AUDIT_CHAINS);
  let sealed = 0;
  while (sealed < maxRows) {
    const rows = await repo.findSealable(db, cursor, Math.min(batchSize, maxRows - sealed));
    if (rows.length === 0) break;
    const now = new Date();
    const seals = rows.map((row) => {
      const chain = chainOf({
        record:
          row.record_type !== null && row.record_id !== null ? { type: row.record_type, id: row.record_id } : undefined,
        actor: row.actor_id !== null ? { id: row.actor_id, kind: row.actor_kind ?? '' } : null,
      });
      const head = heads.get(chain);
      const seq = (head?.seq ?? 0) + 1;
      const prevHash = head?.hash ?? GENESIS_HASH;
      const hash = chainHash(prevHash, { ...row, seq });
      heads.set(chain, { seq, hash });
      return { chain, seq, audit_id: row.id, prev_hash: prevHash, hash, sealed_at: now };
    });
    await repo.insertSeals(db, seals);
    const last = rows[rows.length - 1]!;
    cursor = { txid: last.txid, auditId: last.id };
    sealed += rows.length;
    if (rows.length < batchSize) break;
  }
  if (sealed > 0) await repo.updateCursor(db, cursor);
  return { sealed, ran: true };
}

export type ChainCheck =
  | { ok: true; rows: number; chains: number; pending: number; oldestPending: Date | null }
  | { ok: false; rows: number; brokenChain: number; brokenSeq: number; reason: string };

/**
 * Walks every chain in order and names the first seal (chain, seq) whose row is missing, edited, or
 * whose link does not match; then checks that no row before the sealer's cursor escaped its chain.
 * Rows after the cursor are reported as pending (the sealer has not reached them yet).
 */
export async function verifyAuditChain(db: Database, batchSize = 1000): Promise<ChainCheck> {
  const chains = await repo.findChains(db);
  let rows = 0;
  for (const chain of chains) {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    for (;;) {
      const batch = await repo.findSealBatch(db, chain, expectedSeq - 1, batchSize);
      if (batch.length === 0) break;
      for (const seal of batch) {
        const broken = (reason: string): ChainCheck => ({
          ok: false,
          rows,
          brokenChain: chain,
          brokenSeq: seal.seq,
          reason,
        });
        if (seal.seq !== expectedSeq) return broken(`row ${expectedSeq} is missing`);
        if (seal.prev_hash !== prevHash) return broken('previous-hash link does not match the row before');
        if (seal.row_id === null) return broken('the sealed row was deleted');
        if (chainHash(prevHash, seal as ChainedFields) !== seal.hash)
          return broken('content does not match its hash (edited row)');
        prevHash = seal.hash;
        expectedSeq += 1;
        rows += 1;
      }
    }
  }
  const cursor = await repo.findCursor(db);
  const unsealed = await repo.countUnsealed(db, cursor);
  if (unsealed.outside > 0)
    return {
      ok: false,
      rows,
      brokenChain: -1,
      brokenSeq: -1,
      reason: `${unsealed.outside} row(s) before the sealer's cursor are in no chain (inserted behind it)`,
    };
  return { ok: true, rows, chains: chains.length, pending: unsealed.pending, oldestPending: unsealed.oldestPending };
}

export async function searchAudit(ctx: AppContext, query: AuditSearchQuery): Promise<AuditSearchResult> {
  const { total, rows } = await repo.searchRows(ctx.db, {
    actorId: query.actor,
    person: query.person,
    recordType: query.recordType,
    recordId: query.recordId,
    action: query.action,
    from: query.from,
    to: query.to,
    limit: query.limit,
    offset: query.offset,
  });
  return {
    total,
    items: rows.map((r) => ({
      chain: r.chain === null ? null : Number(r.chain),
      seq: r.seq === null ? null : Number(r.seq),
      at: r.occurred_at.toISOString(),
      actorId: r.actor_id,
      actorKind: r.actor_kind,
      action: r.action,
      recordType: r.record_type,
      recordId: r.record_id,
      unitId: r.unit_id,
      agencyId: r.agency_id,
      ip: r.ip,
      userAgent: r.user_agent,
      before: r.before ?? null,
      after: r.after ?? null,
      hash: r.hash,
    })),
  };
}
