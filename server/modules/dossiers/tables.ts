import type { Generated, JSONColumnType } from 'kysely';
import type { Effect, OwnerType, ResultDelivery, SupplementRequest } from './workflow.ts';

/** Kysely row types for the dossiers module (migrations/0060_dossiers.sql). */
export interface Applicant {
  name: string;
  idNumber?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  address?: string | undefined;
}

export interface Owner {
  name: string;
  idNumber?: string | undefined;
  taxCode?: string | undefined;
  address?: string | undefined;
}

export interface DossiersTable {
  id: string;
  code: string | null;
  status: number;
  version: Generated<number>;
  channel: number;
  procedure_version_id: number;
  procedure_code: string;
  receiving_agency_id: string;
  receiving_unit_id: number | null;
  handling_agency_id: string;
  applicant_account_id: string | null;
  applicant: JSONColumnType<Applicant, string, string>;
  owner_type: OwnerType;
  owner: JSONColumnType<Owner, string, string>;
  eform_data: JSONColumnType<Record<string, unknown>, string, string>;
  result_delivery: ResultDelivery;
  delivery_address: string | null;
  check_id4: string | null;
  check_phone4: string | null;
  submitted_at: Date;
  accepted_at: Date | null;
  starts_at: Date | null;
  due_at: Date | null;
  paused_at: Date | null;
  processed_at: Date | null;
  result_signed_at: Date | null;
  finished_at: Date | null;
  returned_at: Date | null;
  return_method: ResultDelivery | null;
  step_index: number | null;
  step_role: string | null;
  step_assignee_id: string | null;
  step_available_at: Date | null;
  step_due_at: Date | null;
  step_due_ats: JSONColumnType<string[] | null, string | null, string | null>;
  approved_at: Date | null;
  supplement: JSONColumnType<SupplementRequest | null, string | null, string | null>;
  created_by: string | null;
  idempotency_key: string | null;
  search_text: Generated<string>;
}

export interface JournalFile {
  id: string;
  name: string;
  sha256: string;
}

export interface DossierEventsTable {
  dossier_id: string;
  seq: number;
  action: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  from_status: number | null;
  to_status: number;
  from_step: number | null;
  to_step: number | null;
  from_agency_id: string | null;
  to_agency_id: string;
  note: string | null;
  files: JSONColumnType<JournalFile[], string, string>;
  effect: JSONColumnType<Effect, string, string>;
}

export interface DossierFilesTable {
  id: string;
  dossier_id: string;
  kind: 'component' | 'supplement' | 'result';
  component_key: string | null;
  sha256: string;
  size_bytes: number;
  media_type: string;
  file_name: string;
  is_digitised: boolean;
  reused_from: string | null;
  created_at: Date;
}

/** One signature per result file (ADR 0017); its columns are the signed statement's fields. */
export interface ResultSignaturesTable {
  file_id: string;
  /** `{dossier code}-KQ{n}` (Decree 45/2020 Art. 14(3)). */
  result_code: string;
  dossier_id: string;
  sha256: string;
  agency_id: string;
  signer_id: string;
  signer_name: string;
  signed_at: Date;
  algorithm: string;
  key_id: string;
  signature: string;
}

export interface DossierCodeCountersTable {
  agency_id: string;
  day: string;
  last: number;
}

export interface DossiersTables {
  dossiers: DossiersTable;
  dossier_events: DossierEventsTable;
  dossier_files: DossierFilesTable;
  dossier_code_counters: DossierCodeCountersTable;
  result_signatures: ResultSignaturesTable;
}
