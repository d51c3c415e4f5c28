/** Kysely row types for migrations/0080_drafts.sql. */
export interface DossierDraftsTable {
  account_id: string;
  procedure_code: string;
  data: unknown;
  updated_at: Date;
}

export interface DraftsTables {
  dossier_drafts: DossierDraftsTable;
}
