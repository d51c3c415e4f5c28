import ExcelJS from 'exceljs';
import type { AppContext } from '../../context.ts';
import { SHEETS, headerText, type SheetSpec } from './excel-format.ts';
import { versionToRows, type VersionRows } from './excel-mapping.ts';
import * as repo from './repository.ts';
import { toVersion, toVersionData, todayInVietnam } from './service.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ExportOptions {
  /** Procedure codes to export; default: every procedure with a version in force today. */
  codes?: string[] | undefined;
  /** Include draft versions too (published ones are always included). */
  drafts?: boolean;
}

/** Every version of the chosen procedures as a workbook of six sheets (docs/catalogue.md). */
export async function exportWorkbook(ctx: AppContext, options: ExportOptions = {}): Promise<Buffer> {
  const codes = options.codes ?? (await repo.findCodesInForce(ctx.db, todayInVietnam(ctx)));
  const rows = (await repo.findVersionsByCodes(ctx.db, codes)).filter(
    (r) => r.status === 'published' || options.drafts,
  );
  const all = rows.map((r) => versionToRows(toVersionData(toVersion(r)), r.status));

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Một Cửa';
  // A fixed date keeps two exports of the same data byte-comparable in their content.
  workbook.created = new Date(Date.UTC(2018, 10, 17));
  workbook.modified = workbook.created;
  const add = <K extends keyof VersionRows>(
    spec: SheetSpec,
    pick: (v: VersionRows) => VersionRows[K][] | VersionRows[K],
  ) => {
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = spec.columns.map((c) => ({ header: headerText(c), key: c.key, width: c.width ?? 14 }));
    sheet.getRow(1).font = { bold: true };
    for (const version of all) {
      const picked = pick(version);
      for (const row of Array.isArray(picked) ? picked : [picked]) {
        sheet.addRow(
          Object.fromEntries(
            spec.columns.map((c) => {
              const value = (row as Record<string, unknown>)[c.key];
              return [c.key, Array.isArray(value) ? value.join(', ') : (value ?? null)];
            }),
          ),
        );
      }
    }
  };
  add(SHEETS.procedures, (v) => v.procedures);
  add(SHEETS.channels, (v) => v.channels);
  add(SHEETS.fees, (v) => v.fees);
  add(SHEETS.components, (v) => v.components);
  add(SHEETS.formFields, (v) => v.formFields);
  add(SHEETS.workflow, (v) => v.workflow);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
