/** Kysely row types of the reports module (migrations/0070_reports.sql). */
export interface ReportDailyTable {
  agency_id: string;
  unit_id: number;
  sector: string;
  day: string;
  received_online: number;
  received_other: number;
  resolved_early: number;
  resolved_on_time: number;
  resolved_late: number;
  ended_other: number;
  pending_delta: number;
  overdue_delta: number;
}

export interface ReportsTables {
  report_daily: ReportDailyTable;
  report_working_days: ReportWorkingDaysTable;
  report_monthly: ReportMonthlyTable;
}

export interface ReportWorkingDaysTable {
  day: string;
  is_working: boolean;
  ordinal: number;
}

export type ReportMonthlyTable = Omit<ReportDailyTable, 'day'> & { month: string };
