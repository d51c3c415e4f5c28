import type { Text } from '../../http/errors.ts';
import { parseCondition, parseOptions, parseTemplates } from './excel-mapping.ts';
import type { ReadRow, ReadSheet, SheetProblem } from './excel-read.ts';

/** Where each part of an assembled version came from, to name the cell of a later problem. */
export interface Origin {
  procedures: number;
  channels: number[];
  fees: number[][];
  components: number[];
  fields: number[];
  columns: number[][];
  workflow: number[];
}

export interface Assembled {
  key: string;
  status: 'draft' | 'published';
  input: Record<string, unknown>;
  origin: Origin;
}

export type Sheets = Partial<
  Record<'procedures' | 'channels' | 'fees' | 'components' | 'formFields' | 'workflow', ReadSheet>
>;

const str = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const keyOf = (v: Record<string, unknown>) => `${str(v['code'])}|${str(v['validFrom'])}`;

/** Groups the rows of all sheets into one input object per version, in the shape ProcedureVersionInput parses. */
export function assembleVersions(sheets: Sheets, problems: SheetProblem[]): Assembled[] {
  const out = new Map<string, Assembled>();
  for (const { row, values: v } of sheets.procedures?.rows ?? []) {
    const key = keyOf(v);
    if (out.has(key)) {
      problems.push(
        at('procedures', row, 'validFrom', sheets, {
          vi: 'Phiên bản (mã thủ tục, hiệu lực từ) bị trùng.',
          en: 'This version (code, start date) is listed twice.',
        }),
      );
      continue;
    }
    const status = v['status'] ?? 'draft';
    if (status !== 'draft' && status !== 'published') {
      problems.push(
        at('procedures', row, 'status', sheets, {
          vi: 'Trạng thái là draft hoặc published.',
          en: 'The status is draft or published.',
        }),
      );
    }
    out.set(key, {
      key,
      status: status === 'published' ? 'published' : 'draft',
      input: {
        code: v['code'],
        validFrom: v['validFrom'],
        validTo: v['validTo'] ?? null,
        name: v['name'],
        sector: v['sector'],
        tiers: v['tiers'],
        agencyId: v['agencyId'] ?? null,
        applicantTypes: v['applicantTypes'],
        steps: v['steps'] ?? '',
        timeLimit: { value: v['timeLimitValue'], unit: v['timeLimitUnit'] },
        channels: [],
        components: [],
        resultType: v['resultType'] ?? '',
        legalBasis: v['legalBasis'] ?? '',
        onlineLevel: v['onlineLevel'],
        cutoff15: v['cutoff15'] ?? false,
        supplementMode: v['supplementMode'] ?? 'RESTART',
        eform: null,
        workflow: [],
      },
      origin: { procedures: row, channels: [], fees: [], components: [], fields: [], columns: [], workflow: [] },
    });
  }
  const owner = (sheet: keyof Sheets, r: ReadRow): Assembled | undefined => {
    const found = out.get(keyOf(r.values));
    if (!found) {
      problems.push(
        at(sheet, r.row, 'code', sheets, {
          vi: 'Không có dòng tương ứng (mã thủ tục, hiệu lực từ) ở trang "procedures".',
          en: 'No row with this (code, start date) on the "procedures" sheet.',
        }),
      );
    }
    return found;
  };
  for (const r of sheets.channels?.rows ?? []) {
    const a = owner('channels', r);
    if (!a) continue;
    const v = r.values;
    const time =
      v['timeValue'] === undefined && v['timeUnit'] === undefined
        ? null
        : { value: v['timeValue'], unit: v['timeUnit'] };
    (a.input['channels'] as unknown[]).push({ channel: v['channel'], time, timeNote: v['timeNote'] ?? null, fees: [] });
    a.origin.channels.push(r.row);
    a.origin.fees.push([]);
  }
  for (const r of sheets.fees?.rows ?? []) {
    const a = owner('fees', r);
    if (!a) continue;
    const channels = a.input['channels'] as Array<{ channel: unknown; fees: unknown[] }>;
    const i = channels.findIndex((c) => c.channel === r.values['channel']);
    if (i < 0) {
      problems.push(
        at('fees', r.row, 'channel', sheets, {
          vi: 'Kênh này chưa khai ở trang "channels".',
          en: 'This channel is not on the "channels" sheet.',
        }),
      );
      continue;
    }
    const v = r.values;
    channels[i]!.fees.push({
      label: v['label'],
      amountVnd: v['amountVnd'] ?? null,
      setByProvincialCouncil: v['setByProvincialCouncil'] ?? false,
      note: v['note'] ?? null,
    });
    a.origin.fees[i]!.push(r.row);
  }
  for (const r of sheets.components?.rows ?? []) {
    const a = owner('components', r);
    if (!a) continue;
    const v = r.values;
    const templates = typeof v['templates'] === 'string' ? parseTemplates(v['templates']) : [];
    if (!templates)
      problems.push(
        at('components', r.row, 'templates', sheets, {
          vi: 'Mỗi dòng mẫu có dạng "tên | địa chỉ".',
          en: 'Each template line reads "name | url".',
        }),
      );
    (a.input['components'] as unknown[]).push({
      key: v['key'],
      name: v['name'],
      group: v['group'] ?? null,
      originals: v['originals'],
      certifiedCopies: v['certifiedCopies'],
      photocopies: v['photocopies'],
      required: v['required'] ?? true,
      templates: templates ?? [],
    });
    a.origin.components.push(r.row);
  }
  for (const r of sheets.formFields?.rows ?? []) {
    const a = owner('formFields', r);
    if (!a) continue;
    const field = fieldFromRow(r, sheets, problems);
    const eform = (a.input['eform'] ??= { fields: [] }) as { fields: Array<Record<string, unknown>> };
    const parent = r.values['parent'];
    if (parent === undefined) {
      eform.fields.push(field);
      a.origin.fields.push(r.row);
      a.origin.columns.push([]);
      continue;
    }
    const i = eform.fields.findIndex((f) => f['name'] === parent && f['type'] === 'table');
    if (i < 0) {
      problems.push(
        at('formFields', r.row, 'parent', sheets, {
          vi: `Không có trường bảng "${str(parent)}" ở dòng trước.`,
          en: `No table field "${str(parent)}" on an earlier row.`,
        }),
      );
      continue;
    }
    ((eform.fields[i]!['columns'] ??= []) as unknown[]).push(field);
    a.origin.columns[i]!.push(r.row);
  }
  for (const r of sheets.workflow?.rows ?? []) {
    const a = owner('workflow', r);
    if (!a) continue;
    const v = r.values;
    (a.input['workflow'] as unknown[]).push({
      name: { vi: v['nameVi'], en: v['nameEn'] },
      agencyId: v['agencyId'] ?? null,
      tier: v['tier'] ?? null,
      division: v['division'] ?? null,
      role: v['role'],
      budgetDays: v['budgetDays'],
    });
    a.origin.workflow.push(r.row);
  }
  return [...out.values()];
}

function fieldFromRow(r: ReadRow, sheets: Sheets, problems: SheetProblem[]): Record<string, unknown> {
  const v = r.values;
  let settings: Record<string, unknown> = {};
  if (typeof v['settings'] === 'string') {
    try {
      const parsed: unknown = JSON.parse(v['settings']);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      settings = parsed as Record<string, unknown>;
    } catch {
      problems.push(
        at('formFields', r.row, 'settings', sheets, {
          vi: 'Thiết lập phải là một đối tượng JSON.',
          en: 'Settings must be a JSON object.',
        }),
      );
    }
  }
  const field: Record<string, unknown> = {
    ...settings,
    name: v['name'],
    type: v['type'],
    label: { vi: v['labelVi'], en: v['labelEn'] },
    required: v['required'] ?? false,
  };
  for (const key of ['visibleWhen', 'requiredWhen'] as const) {
    if (typeof v[key] !== 'string') continue;
    const condition = parseCondition(v[key]);
    if (condition) field[key] = condition;
    else
      problems.push(
        at('formFields', r.row, key, sheets, {
          vi: 'Điều kiện có dạng "trường = giá trị", "trường != giá trị", "trường in a, b", "trường filled".',
          en: 'A rule reads "field = value", "field != value", "field in a, b" or "field filled".',
        }),
      );
  }
  if (typeof v['options'] === 'string') {
    const options = parseOptions(v['options']);
    if (options) field['options'] = options;
    else
      problems.push(
        at('formFields', r.row, 'options', sheets, {
          vi: 'Mỗi dòng lựa chọn có dạng "giá trị | nhãn vi | nhãn en".',
          en: 'Each option line reads "value | vi label | en label".',
        }),
      );
  }
  return field;
}

const SHEET_NAMES: Record<keyof Sheets, string> = {
  procedures: 'procedures',
  channels: 'channels',
  fees: 'fees',
  components: 'components',
  formFields: 'form_fields',
  workflow: 'workflow',
};

export function at(sheet: keyof Sheets, row: number, key: string, sheets: Sheets, message: Text): SheetProblem {
  const letter = sheets[sheet]?.letters.get(key);
  return { sheet: SHEET_NAMES[sheet], row, column: letter ? `${letter}${row} (${key})` : key, message };
}
