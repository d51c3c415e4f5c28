import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import { chainHash, GENESIS_HASH } from './canonical.ts';
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

/**
 * Appends one row to its hash chain. Call it with the transaction that makes the change, so the change
 * and its record commit or vanish together; given a plain connection it opens its own transaction.
 * Appends to one chain are serialised by a transaction-scoped advisory lock (see repository.lockChain):
 * a concurrent writer to the same chain waits here until the earlier one commits — call it last.
 */
export async function recordAudit(db: Database, entry: AuditEntry): Promise<void> {
  if (!db.isTransaction) return db.transaction().execute((trx) => recordAudit(trx, entry));
  const chain = chainOf(entry);
  await repo.lockChain(db, chain);
  const head = await repo.findHead(db, chain);
  // jsonb gives back what JSON gives back: hash that, not the caller's live objects.
  const before = entry.before === undefined ? null : (JSON.parse(JSON.stringify(entry.before)) as unknown);
  const after = entry.after === undefined ? null : (JSON.parse(JSON.stringify(entry.after)) as unknown);
  const fields = {
    seq: (head?.seq ?? 0) + 1,
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
    before,
    after,
  };
  const prevHash = head?.hash ?? GENESIS_HASH;
  await repo.insertRow(db, {
    chain,
    ...fields,
    before: before === null ? null : JSON.stringify(before),
    after: after === null ? null : JSON.stringify(after),
    prev_hash: prevHash,
    hash: chainHash(prevHash, fields),
  });
}

export type ChainCheck =
  | { ok: true; rows: number; chains: number }
  | { ok: false; rows: number; brokenChain: number; brokenSeq: number; reason: string };

/** Walks every chain in order; names the first row (chain, seq) whose link or content does not match. */
export async function verifyAuditChain(db: Database, batchSize = 1000): Promise<ChainCheck> {
  const chains = await repo.findChains(db);
  let rows = 0;
  for (const chain of chains) {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    for (;;) {
      const batch = await repo.findBatch(db, chain, expectedSeq - 1, batchSize);
      if (batch.length === 0) break;
      for (const row of batch) {
        const broken = (reason: string): ChainCheck => ({
          ok: false,
          rows,
          brokenChain: chain,
          brokenSeq: row.seq,
          reason,
        });
        if (row.seq !== expectedSeq) return broken(`row ${expectedSeq} is missing`);
        if (row.prev_hash !== prevHash) return broken('previous-hash link does not match the row before');
        if (chainHash(prevHash, row) !== row.hash) return broken('content does not match its hash (edited row)');
        prevHash = row.hash;
        expectedSeq += 1;
        rows += 1;
      }
    }
  }
  return { ok: true, rows, chains: chains.length };
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
      chain: r.chain,
      seq: r.seq,
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
