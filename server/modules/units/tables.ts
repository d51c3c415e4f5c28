import type { Generated } from 'kysely';

/** Kysely row types for the units module's tables (migrations/0002_units_agencies.sql). */
export interface UnitsTable {
  id: Generated<number>;
  code: string;
  name: string;
  full_name: string;
  type: string;
  type_label: string;
  level: 'city' | 'district' | 'commune';
  parent_id: number | null;
  unit_set: string;
  valid_from: string;
  valid_to: string | null;
  search_text: Generated<string>;
}

export interface UnitSuccessionsTable {
  predecessor_id: number;
  successor_id: number;
  whole: boolean;
}

export interface AgenciesTable {
  id: string;
  key: string;
  id_status: 'real' | 'synthetic';
  name: string;
  short_name: string;
  kind: string;
  level: 'central' | 'city' | 'district' | 'commune';
  unit_id: number | null;
  parent_id: string | null;
  valid_from: string;
  valid_to: string | null;
  search_text: Generated<string>;
  /** Contact details of the agency (its one-stop desk's, for a desk), kept by administrators (0094). */
  address: string | null;
  phone: string | null;
  email: string | null;
  opening_hours: string | null;
  version: Generated<number>;
}

export interface ReferenceLoadsTable {
  name: string;
  sha256: string;
  loaded_at: Generated<Date>;
}

export interface UnitsTables {
  units: UnitsTable;
  unit_successions: UnitSuccessionsTable;
  agencies: AgenciesTable;
  reference_loads: ReferenceLoadsTable;
}
