import type { Generated } from 'kysely';
import type { ProcedureVersionData } from '../../../shared/schemas/procedure.ts';

/** The jsonb `detail` of a version: everything not searched or filtered on. */
export type ProcedureDetail = Pick<
  ProcedureVersionData,
  'applicantTypes' | 'steps' | 'channels' | 'components' | 'resultType' | 'legalBasis' | 'eform' | 'workflow'
>;

/** Kysely row types for the catalogue (migrations/0030_catalogue.sql). */
export interface ProceduresTable {
  code: string;
  created_at: Generated<Date>;
}

export interface ProcedureVersionsTable {
  id: Generated<number>;
  code: string;
  status: 'draft' | 'published';
  valid_from: string;
  valid_to: string | null;
  name: string;
  sector: string;
  tiers: string[];
  agency_id: string | null;
  online_level: number;
  has_fee: boolean;
  cutoff15: boolean;
  supplement_mode: 'RESTART' | 'PAUSE';
  time_limit_value: number;
  time_limit_unit: 'workingDays' | 'workingHours' | 'calendarDays';
  detail: ProcedureDetail;
  created_at: Date;
  published_at: Date | null;
  name_fold: Generated<string>;
  search_text: Generated<string>;
  search_tokens: Generated<string[]>;
}

export interface CatalogueWordsTable {
  word: string;
}

export interface CatalogueTables {
  procedures: ProceduresTable;
  procedure_versions: ProcedureVersionsTable;
  catalogue_words: CatalogueWordsTable;
}
