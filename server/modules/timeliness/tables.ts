/** Kysely row types for the SLA watch and apology letters (migrations/0085_timeliness.sql). */
export type AlertKind =
  'waiting_acceptance' | 'due_soon' | 'overdue' | 'step_due_soon' | 'step_overdue' | 'apology_needed';

export interface TimelinessAlertsTable {
  dossier_id: string;
  kind: AlertKind;
  subject: string;
  agency_id: string;
  due_at: Date | null;
  step_index: number | null;
  assignee_id: string | null;
  raised_at: Date;
  notified_at: Date | null;
  recipients: number | null;
}

export interface DossierApologiesTable {
  id: string;
  dossier_id: string;
  agency_id: string;
  reason: string;
  previous_due_at: Date;
  new_due_at: Date;
  state: 'draft' | 'approved';
  drafted_by: string;
  drafted_at: Date;
  approved_by: string | null;
  approved_at: Date | null;
}

export interface TimelinessTables {
  timeliness_alerts: TimelinessAlertsTable;
  dossier_apologies: DossierApologiesTable;
}
