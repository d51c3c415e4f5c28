import ExcelJS from 'exceljs';
import type { Text } from '../../http/errors.ts';
import { headerKey, type CellKind, type SheetSpec } from './excel-format.ts';

/** A problem in the workbook, by sheet, row (1-based, as Excel shows it) and column (`E (name)`). */
export interface SheetProblem {
  sheet: string;
  row: number;
  column: string;
  message: Text;
}

export interface ReadRow {
  row: number;
  values: Record<string, unknown>;
}

export interface ReadSheet {
  rows: ReadRow[];
  /** Column letter of each key, to name the place of later problems. */
  letters: Map<string, string>;
}

const MAX_COLUMNS = 60;
const MAX_TEXT = 20_000;

type Read = { value: unknown } | { problem: Text };

/** Reads one sheet by its spec: header by key, every cell converted to its kind, problems collected. */
export function readSheet(
  workbook: ExcelJS.Workbook,
  spec: SheetSpec,
  problems: SheetProblem[],
): ReadSheet | undefined {
  const sheet = workbook.worksheets.find((w) => w.name.trim().toLowerCase() === spec.name);
  const at = (row: number, column: string, message: Text) => problems.push({ sheet: spec.name, row, column, message });
  if (!sheet) {
    if (spec.required)
      at(0, '', { vi: `Thiếu trang tính "${spec.name}".`, en: `The sheet "${spec.name}" is missing.` });
    return undefined;
  }
  // Refuse oversized sheets before reading a single data cell.
  if (sheet.rowCount - 1 > spec.maxRows || sheet.columnCount > MAX_COLUMNS) {
    at(0, '', {
      vi: `Trang tính quá lớn (${sheet.rowCount} dòng, ${sheet.columnCount} cột; tối đa ${spec.maxRows} dòng, ${MAX_COLUMNS} cột).`,
      en: `The sheet is too large (${sheet.rowCount} rows, ${sheet.columnCount} columns; at most ${spec.maxRows} rows, ${MAX_COLUMNS} columns).`,
    });
    return undefined;
  }
  const byKey = new Map(spec.columns.map((c) => [c.key, c]));
  const columnOf = new Map<number, string>();
  const letters = new Map<string, string>();
  sheet.getRow(1).eachCell((cell, col) => {
    const raw = cellText(cell);
    if (raw === '') return;
    const key = headerKey(raw);
    if (!byKey.has(key) || letters.has(key)) {
      at(1, cell.address, {
        vi: `Tiêu đề cột "${raw}" không hợp lệ hoặc bị trùng.`,
        en: `The column header "${raw}" is unknown or repeated.`,
      });
      return;
    }
    columnOf.set(col, key);
    letters.set(key, cell.address.replace(/\d+$/, ''));
  });
  for (const c of spec.columns) {
    if (c.required && !letters.has(c.key)) {
      at(1, '', { vi: `Thiếu cột "${c.label} (${c.key})".`, en: `The column "${c.key}" is missing.` });
    }
  }
  const rows: ReadRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const values: Record<string, unknown> = {};
    let filled = false;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const key = columnOf.get(col);
      if (!key) {
        if (cell.type !== ExcelJS.ValueType.Null && cellText(cell) !== '') {
          at(rowNumber, cell.address, {
            vi: 'Ô nằm ngoài các cột đã khai báo.',
            en: 'The cell is outside the declared columns.',
          });
        }
        return;
      }
      const read = readCell(cell, byKey.get(key)!.kind);
      if ('problem' in read) at(rowNumber, `${cell.address} (${key})`, read.problem);
      else if (read.value !== null) {
        values[key] = read.value;
        filled = true;
      }
    });
    if (filled) rows.push({ row: rowNumber, values });
  });
  return { rows, letters };
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((r) => r.text)
      .join('')
      .trim();
  return String(cell.text ?? '').trim();
}

const TRUE = new Set(['true', 'có', 'co', 'x', 'yes', '1']);
const FALSE = new Set(['false', 'không', 'khong', 'no', '0']);

/** One cell as the value of its kind, or what is wrong with it (formulas are never evaluated). */
export function readCell(cell: ExcelJS.Cell, kind: CellKind): Read {
  switch (cell.type) {
    case ExcelJS.ValueType.Formula:
      return {
        problem: { vi: 'Không nhận công thức; hãy nhập giá trị.', en: 'Formulas are not accepted; enter a value.' },
      };
    case ExcelJS.ValueType.Error:
      return { problem: { vi: 'Ô có lỗi (#…).', en: 'The cell holds an error value (#…).' } };
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return { value: null };
    case ExcelJS.ValueType.Boolean:
    case ExcelJS.ValueType.Date:
    case ExcelJS.ValueType.Hyperlink:
    case ExcelJS.ValueType.Number:
    case ExcelJS.ValueType.RichText:
    case ExcelJS.ValueType.SharedString:
    case ExcelJS.ValueType.String:
      break;
  }
  const v = cell.value;
  if (v instanceof Date) {
    if (kind === 'date' || kind === 'text') return { value: v.toISOString().slice(0, 10) };
    return wrongType(kind);
  }
  if (typeof v === 'number') {
    if (kind === 'int') return Number.isInteger(v) ? { value: v } : wrongType(kind);
    if (kind === 'number') return Number.isFinite(v) ? { value: v } : wrongType(kind);
    if (kind === 'bool' && (v === 0 || v === 1)) return { value: v === 1 };
    if (kind === 'text') return { value: String(v) };
    return wrongType(kind);
  }
  if (typeof v === 'boolean') return kind === 'bool' ? { value: v } : wrongType(kind);
  const text = cellText(cell);
  if (text.length > MAX_TEXT) {
    return {
      problem: {
        vi: `Nội dung quá dài (tối đa ${MAX_TEXT} ký tự).`,
        en: `The text is too long (at most ${MAX_TEXT}).`,
      },
    };
  }
  if (text === '') return { value: null };
  switch (kind) {
    case 'text':
      return { value: text };
    case 'list':
      return {
        value: text
          .split(/[,;\n]/)
          .map((s) => s.trim())
          .filter(Boolean),
      };
    case 'int':
      return /^-?\d+$/.test(text) ? { value: Number(text) } : wrongType(kind);
    case 'number':
      return /^-?\d+([.,]\d+)?$/.test(text) ? { value: Number(text.replace(',', '.')) } : wrongType(kind);
    case 'bool': {
      const t = text.toLowerCase();
      return TRUE.has(t) ? { value: true } : FALSE.has(t) ? { value: false } : wrongType(kind);
    }
    case 'date': {
      if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return { value: text };
      const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
      return m ? { value: `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` } : wrongType(kind);
    }
    default: {
      const exhaustive: never = kind;
      return exhaustive;
    }
  }
}

const KIND_TEXT: Record<CellKind, Text> = {
  text: { vi: 'chữ', en: 'text' },
  list: { vi: 'danh sách cách nhau bởi dấu phẩy', en: 'a comma-separated list' },
  int: { vi: 'số nguyên', en: 'a whole number' },
  number: { vi: 'số', en: 'a number' },
  bool: { vi: 'Có/Không (TRUE/FALSE)', en: 'yes/no (TRUE/FALSE)' },
  date: { vi: 'ngày YYYY-MM-DD hoặc dd/mm/yyyy', en: 'a date YYYY-MM-DD or dd/mm/yyyy' },
};

function wrongType(kind: CellKind): Read {
  return { problem: { vi: `Cần nhập ${KIND_TEXT[kind].vi}.`, en: `Expected ${KIND_TEXT[kind].en}.` } };
}

/**
 * Declared uncompressed size of a zip (an .xlsx) from its central directory, read before exceljs
 * inflates anything, so a zip bomb is refused cheaply. Undefined when the buffer is not a zip.
 */
export function zipInflatedSize(buffer: Buffer): { entries: number; bytes: number } | undefined {
  const from = Math.max(0, buffer.length - 65_557);
  let eocd = -1;
  for (let i = buffer.length - 22; i >= from; i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const entries = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  let bytes = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== 0x02014b50) return undefined;
    const size = buffer.readUInt32LE(offset + 24);
    if (size === 0xffffffff) return { entries, bytes: Number.MAX_SAFE_INTEGER };
    bytes += size;
    offset +=
      46 + buffer.readUInt16LE(offset + 28) + buffer.readUInt16LE(offset + 30) + buffer.readUInt16LE(offset + 32);
  }
  return { entries, bytes };
}
