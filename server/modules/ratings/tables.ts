import type { Generated } from 'kysely';

/** Kysely row types for migrations/0081_ratings_feedback.sql. */
export interface DossierRatingsTable {
  dossier_id: string;
  account_id: string;
  is_satisfied: boolean;
  comment: string | null;
  receiving_agency_id: string;
  receiving_unit_id: number | null;
  rated_at: Date;
}

export interface FeedbackReportsTable {
  id: string;
  reference: string;
  account_id: string | null;
  dossier_code: string | null;
  category: 'dossier' | 'portal' | 'conduct' | 'other';
  message: string;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  status: Generated<string>;
  received_at: Date;
}

export interface RatingsTables {
  dossier_ratings: DossierRatingsTable;
  feedback_reports: FeedbackReportsTable;
}
