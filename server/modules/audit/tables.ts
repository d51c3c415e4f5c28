/** Kysely row types for the audit module (migrations/0011_audit_log.sql). */
import type { ColumnType } from 'kysely';

type Json = ColumnType<unknown, string | null, string | null>;

export interface AuditLogTable {
  /** Which of the independent chains (migrations/0012_audit_chains.sql); not part of the hash. */
  chain: number;
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
  before: Json | null;
  after: Json | null;
  prev_hash: string;
  hash: string;
}

export interface AuditTables {
  audit_log: AuditLogTable;
}
