/** Kysely row types for the audit module (migrations 0011, 0012, 0090). */
import type { ColumnType, Generated } from 'kysely';

type Json = ColumnType<unknown, string | null, string | null>;

/** What happened: appended by whoever makes the change, in its transaction; never updated. */
export interface AuditLogTable {
  id: ColumnType<number, never, never>;
  /** The inserting transaction (pg_current_xact_id), by default: the sealer's ordering key. */
  txid: Generated<number>;
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
}

/** Where a row sits in its chain and the hashes that link it (written by the sealer only). */
export interface AuditSealsTable {
  /** Which of the independent chains; not part of the hash. */
  chain: number;
  seq: number;
  audit_id: number;
  prev_hash: string;
  hash: string;
  sealed_at: Date;
}

export interface AuditSealCursorTable {
  singleton: Generated<boolean>;
  txid: number;
  audit_id: number;
}

export interface AuditTables {
  audit_log: AuditLogTable;
  audit_seals: AuditSealsTable;
  audit_seal_cursor: AuditSealCursorTable;
}
