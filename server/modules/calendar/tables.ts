import type { ColumnType, Generated } from 'kysely';

/** Kysely row types for the calendar module's tables (migrations/0020_calendar.sql). */
export interface CalendarYearsTable {
  year: number;
  status: string;
  provisional: Generated<boolean>;
  sources: ColumnType<string[], string, string>;
  edited_by: string;
  edited_at: Generated<Date>;
}

export interface CalendarOfficialDaysTable {
  date: string;
  year: number;
  kind: 'off' | 'workday';
  name: string;
  source: string;
  edited_by: string;
  edited_at: Generated<Date>;
}

export interface CalendarOfficialDayChangesTable {
  id: Generated<number>;
  year: number;
  before: ColumnType<unknown, string, string>;
  after: ColumnType<unknown, string, string>;
  edited_by: string;
  edited_at: Generated<Date>;
}

export interface CalendarAgencyWindowsTable {
  agency_id: string;
  windows: ColumnType<Array<{ start: string; end: string }>, string, string>;
  edited_by: string;
  edited_at: Generated<Date>;
}

export interface CalendarTables {
  calendar_years: CalendarYearsTable;
  calendar_official_days: CalendarOfficialDaysTable;
  calendar_official_day_changes: CalendarOfficialDayChangesTable;
  calendar_agency_windows: CalendarAgencyWindowsTable;
}
