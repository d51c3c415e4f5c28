// The official tables shipped with the product (reference/vn-holidays.json, copied from the research
// data; see reference/SOURCES.md). A static import, not I/O: the same code runs in the browser.
import reference from '../../reference/vn-holidays.json' with { type: 'json' };
import type { HolidayTables, OfficialDayKind } from './holiday-tables.ts';

type ReferenceYear = {
  status: string;
  provisional: boolean;
  days: { date: string; kind: string; name: string }[];
};

/** The 2018–2027 tables of reference/vn-holidays.json (2020 is missing there and computed by rule). */
export function getReferenceHolidayTables(): HolidayTables {
  const years = reference.years as Record<string, ReferenceYear>;
  return Object.entries(years).map(([year, table]) => ({
    year: Number(year),
    status: table.status,
    provisional: table.provisional,
    days: table.days.map((d) => ({ date: d.date, kind: d.kind as OfficialDayKind, name: d.name })),
  }));
}
