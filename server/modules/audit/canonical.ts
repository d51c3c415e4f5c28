import { createHash } from 'node:crypto';

/**
 * Canonical serialisation for the hash chain: JSON with object keys sorted (recursively), no
 * whitespace, dates as ISO-8601 UTC with milliseconds, undefined dropped. Values pass through
 * JSON first so what is hashed equals what jsonb gives back.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

export interface ChainedFields {
  seq: number;
  occurred_at: Date;
  actor_id: string | null;
  actor_kind: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  unit_id: number | null;
  agency_id: string | null;
  ip: string | null;
  user_agent: string | null;
  before: unknown;
  after: unknown;
}

export const GENESIS_HASH = '0'.repeat(64);

/** hash(n) = SHA-256(hash(n-1) + "\n" + canonicalJson(row n without its hashes)). */
export function chainHash(prevHash: string, row: ChainedFields): string {
  const fields = {
    seq: row.seq,
    occurred_at: row.occurred_at,
    actor_id: row.actor_id,
    actor_kind: row.actor_kind,
    action: row.action,
    record_type: row.record_type,
    record_id: row.record_id,
    unit_id: row.unit_id,
    agency_id: row.agency_id,
    ip: row.ip,
    user_agent: row.user_agent,
    before: row.before ?? null,
    after: row.after ?? null,
  };
  return createHash('sha256')
    .update(`${prevHash}\n${canonicalJson(fields)}`)
    .digest('hex');
}
