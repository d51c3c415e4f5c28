import ExcelJS from 'exceljs';
import { ProcedureVersionInput, type ProcedureVersionData } from '../../../shared/schemas/procedure.ts';
import type { AppContext } from '../../context.ts';
import { AppError, type Text } from '../../http/errors.ts';
import { assembleVersions, at, type Assembled, type Sheets } from './excel-assemble.ts';
import { SHEETS } from './excel-format.ts';
import { readSheet, zipInflatedSize, type SheetProblem } from './excel-read.ts';
import * as repo from './repository.ts';
import {
  collectVersionProblems,
  conflicts,
  createDraft,
  inTransaction,
  publishVersion,
  toVersion,
  toVersionData,
  unknownAgencies,
  updateDraft,
} from './service.ts';

export const MAX_WORKBOOK_BYTES = 5 * 1024 * 1024;
// An .xlsx is a zip of XML; 40 MB of XML is far above any real catalogue and far below a zip bomb.
const MAX_INFLATED_BYTES = 40 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 200;

export interface ImportReport {
  applied: boolean;
  created: number;
  updated: number;
  published: number;
  unchanged: number;
  problems: [];
}

type Plan = { data: ProcedureVersionData; publish: boolean; existing?: repo.VersionRow; unchanged: boolean };

/**
 * Imports a workbook all or nothing: reads and checks every sheet, row and cell, every version's rules,
 * agencies and validity overlaps first; if anything is wrong, throws VALIDATION listing every problem
 * by sheet, row and column and changes nothing; otherwise applies all versions in one transaction.
 */
export async function importWorkbook(ctx: AppContext, buffer: Buffer): Promise<ImportReport> {
  const problems: SheetProblem[] = [];
  const workbook = await openWorkbook(buffer);
  const sheets: Sheets = {};
  for (const key of Object.keys(SHEETS) as Array<keyof typeof SHEETS>) {
    const read = readSheet(workbook, SHEETS[key], problems);
    if (read) sheets[key] = read;
  }
  const assembled = assembleVersions(sheets, problems);
  const plans: Plan[] = [];
  for (const a of assembled) {
    const parsed = ProcedureVersionInput.safeParse(a.input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(locate(a, issue.path, sheets, zodText(issue.message)));
      // The rules need a well-formed version, but unknown agencies can still be named now.
      for (const p of await unknownAgencies(ctx, rawAgencyMentions(a.input))) {
        problems.push(
          locate(
            a,
            p.path.split('.').map((x) => (/^\d+$/.test(x) ? Number(x) : x)),
            sheets,
            p.message,
          ),
        );
      }
      continue;
    }
    for (const p of await collectVersionProblems(ctx, parsed.data)) {
      problems.push(
        locate(
          a,
          p.path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
          sheets,
          p.message,
        ),
      );
    }
    plans.push({ data: parsed.data, publish: a.status === 'published', unchanged: false });
  }
  await checkAgainstDatabase(ctx, plans, assembled, sheets, problems);
  if (problems.length > 0) throw reportError(unique(problems));
  return apply(ctx, plans);
}

async function openWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const notXlsx = (en: string, vi: string) =>
    new AppError('VALIDATION', { vi: 'Tệp không đọc được.', en: 'The file cannot be read.' }, [
      { field: 'body', sheet: '', row: 0, column: '', message: { vi, en } },
    ]);
  const size = zipInflatedSize(buffer);
  if (!size) throw notXlsx('This is not an .xlsx workbook.', 'Đây không phải tệp Excel .xlsx.');
  if (size.bytes > MAX_INFLATED_BYTES || size.entries > MAX_ZIP_ENTRIES) {
    throw notXlsx(
      `The workbook unpacks to ${size.bytes} bytes in ${size.entries} parts (at most ${MAX_INFLATED_BYTES} bytes, ${MAX_ZIP_ENTRIES} parts).`,
      `Tệp giải nén ra ${size.bytes} byte, ${size.entries} phần (tối đa ${MAX_INFLATED_BYTES} byte, ${MAX_ZIP_ENTRIES} phần).`,
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw notXlsx('The workbook is damaged or not an Excel file.', 'Tệp Excel bị hỏng hoặc không đúng định dạng.');
  }
  return workbook;
}

/** Existing versions: identical published ones are unchanged, changed ones are refused; overlaps simulated. */
async function checkAgainstDatabase(
  ctx: AppContext,
  plans: Plan[],
  assembled: Assembled[],
  sheets: Sheets,
  problems: SheetProblem[],
): Promise<void> {
  const origin = new Map(assembled.map((a) => [a.key, a.origin.procedures]));
  const rows = await repo.findVersionsByCodes(ctx.db, [...new Set(plans.map((p) => p.data.code))]);
  plans.sort((a, b) => a.data.code.localeCompare(b.data.code) || a.data.validFrom.localeCompare(b.data.validFrom));
  const state = new Map<string, repo.VersionRow[]>();
  for (const r of rows) state.set(r.code, [...(state.get(r.code) ?? []), { ...r }]);
  for (const plan of plans) {
    const { code, validFrom } = plan.data;
    const row = origin.get(`${code}|${validFrom}`) ?? 0;
    const versions = state.get(code) ?? [];
    plan.existing = versions.find((r) => r.valid_from === validFrom);
    if (plan.existing?.status === 'published') {
      plan.unchanged = canonical(toVersionData(toVersion(plan.existing))) === canonical(plan.data) && plan.publish;
      if (!plan.unchanged) {
        problems.push(
          at('procedures', row, 'validFrom', sheets, {
            vi: `Phiên bản #${plan.existing.id} đã công bố, không thể sửa; hãy đổi ngày hiệu lực để tạo phiên bản mới.`,
            en: `Version #${plan.existing.id} is published and cannot change; use a new start date for a new version.`,
          }),
        );
      }
      continue;
    }
    const { closable, clash } = conflicts(plan.data, versions, plan.existing?.id);
    if (clash.length > 0) {
      const names = clash
        .map((o) => `#${o.id > 0 ? o.id : '(mới/new)'} (${o.valid_from} → ${o.valid_to ?? '…'})`)
        .join(', ');
      problems.push(
        at('procedures', row, 'validFrom', sheets, {
          vi: `Thời gian hiệu lực trùng với phiên bản đã công bố ${names}.`,
          en: `The validity overlaps published version(s) ${names}.`,
        }),
      );
      continue;
    }
    if (plan.publish) {
      if (closable) closable.valid_to = validFrom;
      versions.push({
        ...(plan.existing ?? ({} as repo.VersionRow)),
        id: -1,
        code,
        status: 'published',
        valid_from: validFrom,
        valid_to: plan.data.validTo,
      });
      state.set(code, versions);
    }
  }
}

async function apply(ctx: AppContext, plans: Plan[]): Promise<ImportReport> {
  const report: ImportReport = { applied: true, created: 0, updated: 0, published: 0, unchanged: 0, problems: [] };
  await inTransaction(ctx, async (trx) => {
    const tctx = { ...ctx, db: trx };
    for (const plan of plans) {
      if (plan.unchanged) {
        report.unchanged++;
        continue;
      }
      const version = plan.existing
        ? await updateDraft(tctx, plan.data.code, plan.existing.id, plan.data)
        : await createDraft(tctx, plan.data);
      report[plan.existing ? 'updated' : 'created']++;
      if (plan.publish) {
        await publishVersion(tctx, plan.data.code, version.id);
        report.published++;
      }
    }
  });
  ctx.log.info({ ...report }, 'catalogue workbook imported');
  return report;
}

function rawAgencyMentions(input: Record<string, unknown>): Array<{ path: string; id: string }> {
  const out: Array<{ path: string; id: string }> = [];
  if (typeof input['agencyId'] === 'string') out.push({ path: 'agencyId', id: input['agencyId'] });
  const steps = Array.isArray(input['workflow']) ? (input['workflow'] as Array<Record<string, unknown>>) : [];
  steps.forEach((s, i) => {
    if (typeof s['agencyId'] === 'string') out.push({ path: `workflow.${i}.agencyId`, id: s['agencyId'] });
  });
  return out;
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

function zodText(message: string): Text {
  const parts = message.split(' | ');
  return parts.length === 2
    ? { vi: parts[0]!, en: parts[1]! }
    : { vi: `Giá trị không hợp lệ: ${message}`, en: message };
}

const FIELD_COLUMNS = new Set(['name', 'type', 'required', 'visibleWhen', 'requiredWhen', 'options']);

/** The sheet, row and column a path inside an assembled version came from. */
function locate(a: Assembled, path: PropertyKey[], sheets: Sheets, message: Text): SheetProblem {
  const [head, i, ...rest] = path;
  const o = a.origin;
  const n = typeof i === 'number' ? i : -1;
  const s = (k: PropertyKey | undefined, fallback: string) => (typeof k === 'string' ? k : fallback);
  if (head === 'channels' && n >= 0) {
    if (rest[0] === 'fees' && typeof rest[1] === 'number') {
      return at('fees', o.fees[n]?.[rest[1]] ?? o.procedures, s(rest[2], 'label'), sheets, message);
    }
    const key = rest[0] === 'time' ? (rest[1] === 'unit' ? 'timeUnit' : 'timeValue') : s(rest[0], 'channel');
    return at('channels', o.channels[n] ?? o.procedures, key, sheets, message);
  }
  if (head === 'components' && n >= 0)
    return at('components', o.components[n] ?? o.procedures, s(rest[0], 'key'), sheets, message);
  if (head === 'workflow') {
    if (n < 0) return at('workflow', o.workflow[0] ?? o.procedures, 'budgetDays', sheets, message);
    const key = rest[0] === 'name' ? (rest[1] === 'en' ? 'nameEn' : 'nameVi') : s(rest[0], 'role');
    return at('workflow', o.workflow[n] ?? o.procedures, key, sheets, message);
  }
  if (head === 'eform') {
    const f = typeof rest[0] === 'number' ? rest[0] : -1;
    if (f < 0) return at('formFields', o.fields[0] ?? o.procedures, 'name', sheets, message);
    const inColumn = rest[1] === 'columns' && typeof rest[2] === 'number';
    const row = inColumn ? o.columns[f]?.[rest[2] as number] : o.fields[f];
    const sub = inColumn ? rest.slice(3) : rest.slice(1);
    const key =
      sub[0] === 'label'
        ? sub[1] === 'en'
          ? 'labelEn'
          : 'labelVi'
        : FIELD_COLUMNS.has(s(sub[0], ''))
          ? s(sub[0], 'name')
          : sub.length === 0
            ? 'name'
            : 'settings';
    return at('formFields', row ?? o.procedures, key, sheets, message);
  }
  const top = s(head, 'code');
  const key =
    top === 'timeLimit'
      ? i === 'unit'
        ? 'timeLimitUnit'
        : 'timeLimitValue'
      : SHEETS.procedures.columns.some((c) => c.key === top)
        ? top
        : 'code';
  return at('procedures', o.procedures, key, sheets, message);
}

/** One problem per cell: a cell that could not be read is not reported again as missing. */
function unique(problems: SheetProblem[]): SheetProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.sheet}|${p.row}|${p.column}`;
    if (p.row > 0 && seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function reportError(problems: SheetProblem[]): AppError {
  return new AppError(
    'VALIDATION',
    {
      vi: `Tệp có ${problems.length} lỗi; chưa có thay đổi nào được ghi. Sửa các ô được nêu rồi nhập lại.`,
      en: `The workbook has ${problems.length} problem(s); nothing was changed. Fix the cells listed and import again.`,
    },
    problems.map((p) => ({
      field: `${p.sheet}!${p.column}`,
      sheet: p.sheet,
      row: p.row,
      column: p.column,
      message: p.message,
    })),
  );
}
