/**
 * The workbook clerks author procedures in (docs/catalogue.md): one sheet per concern, one header row
 * written `Vietnamese label (key)`, so columns may be reordered and the import finds them by key.
 * Versions are identified on every sheet by (code, validFrom).
 */
export type CellKind = 'text' | 'int' | 'number' | 'bool' | 'date' | 'list';

export interface ColumnSpec {
  key: string;
  label: string;
  kind: CellKind;
  required?: boolean;
  width?: number;
}

export interface SheetSpec {
  name: string;
  required: boolean;
  /** Row cap: a bigger sheet is refused before anything is read from it. */
  maxRows: number;
  columns: ColumnSpec[];
}

const id: ColumnSpec[] = [
  { key: 'code', label: 'Mã thủ tục', kind: 'text', required: true, width: 14 },
  { key: 'validFrom', label: 'Hiệu lực từ', kind: 'date', required: true, width: 12 },
];

export const SHEETS = {
  procedures: {
    name: 'procedures',
    required: true,
    maxRows: 2000,
    columns: [
      ...id,
      { key: 'validTo', label: 'Hiệu lực đến', kind: 'date', width: 12 },
      { key: 'status', label: 'Trạng thái', kind: 'text', width: 10 },
      { key: 'name', label: 'Tên thủ tục', kind: 'text', required: true, width: 50 },
      { key: 'sector', label: 'Lĩnh vực', kind: 'text', required: true, width: 24 },
      { key: 'tiers', label: 'Cấp thực hiện', kind: 'list', required: true, width: 14 },
      { key: 'agencyId', label: 'Mã cơ quan', kind: 'text', width: 16 },
      { key: 'applicantTypes', label: 'Đối tượng', kind: 'list', required: true, width: 16 },
      { key: 'timeLimitValue', label: 'Thời hạn', kind: 'number', required: true, width: 9 },
      { key: 'timeLimitUnit', label: 'Đơn vị thời hạn', kind: 'text', required: true, width: 14 },
      { key: 'onlineLevel', label: 'Mức DVC', kind: 'int', required: true, width: 8 },
      { key: 'cutoff15', label: 'Sau 15h tính ngày sau', kind: 'bool', width: 10 },
      { key: 'supplementMode', label: 'Bổ sung hồ sơ', kind: 'text', width: 10 },
      { key: 'resultType', label: 'Kết quả', kind: 'text', width: 30 },
      { key: 'legalBasis', label: 'Căn cứ pháp lý', kind: 'text', width: 30 },
      { key: 'steps', label: 'Trình tự thực hiện', kind: 'text', width: 40 },
    ],
  },
  channels: {
    name: 'channels',
    required: false,
    maxRows: 6000,
    columns: [
      ...id,
      { key: 'channel', label: 'Kênh nộp', kind: 'text', required: true, width: 10 },
      { key: 'timeValue', label: 'Thời gian', kind: 'number', width: 9 },
      { key: 'timeUnit', label: 'Đơn vị', kind: 'text', width: 14 },
      { key: 'timeNote', label: 'Ghi chú thời gian', kind: 'text', width: 30 },
    ],
  },
  fees: {
    name: 'fees',
    required: false,
    maxRows: 10000,
    columns: [
      ...id,
      { key: 'channel', label: 'Kênh nộp', kind: 'text', required: true, width: 10 },
      { key: 'label', label: 'Khoản phí, lệ phí', kind: 'text', required: true, width: 30 },
      { key: 'amountVnd', label: 'Số tiền (đồng)', kind: 'int', width: 12 },
      { key: 'setByProvincialCouncil', label: 'Do HĐND tỉnh quy định', kind: 'bool', width: 10 },
      { key: 'note', label: 'Ghi chú', kind: 'text', width: 30 },
    ],
  },
  components: {
    name: 'components',
    required: false,
    maxRows: 20000,
    columns: [
      ...id,
      { key: 'key', label: 'Mã thành phần', kind: 'text', required: true, width: 14 },
      { key: 'name', label: 'Tên giấy tờ', kind: 'text', required: true, width: 50 },
      { key: 'group', label: 'Nhóm', kind: 'text', width: 16 },
      { key: 'originals', label: 'Bản chính', kind: 'int', required: true, width: 8 },
      { key: 'certifiedCopies', label: 'Bản sao chứng thực', kind: 'int', required: true, width: 8 },
      { key: 'photocopies', label: 'Bản photo', kind: 'int', required: true, width: 8 },
      { key: 'required', label: 'Bắt buộc', kind: 'bool', width: 8 },
      { key: 'templates', label: 'Mẫu đơn (tên | địa chỉ, mỗi dòng một mẫu)', kind: 'text', width: 30 },
    ],
  },
  formFields: {
    name: 'form_fields',
    required: false,
    maxRows: 20000,
    columns: [
      ...id,
      { key: 'parent', label: 'Thuộc bảng', kind: 'text', width: 12 },
      { key: 'name', label: 'Tên trường', kind: 'text', required: true, width: 16 },
      { key: 'type', label: 'Kiểu', kind: 'text', required: true, width: 10 },
      { key: 'labelVi', label: 'Nhãn tiếng Việt', kind: 'text', required: true, width: 30 },
      { key: 'labelEn', label: 'Nhãn tiếng Anh', kind: 'text', required: true, width: 30 },
      { key: 'required', label: 'Bắt buộc', kind: 'bool', width: 8 },
      { key: 'visibleWhen', label: 'Hiện khi', kind: 'text', width: 18 },
      { key: 'requiredWhen', label: 'Bắt buộc khi', kind: 'text', width: 18 },
      { key: 'options', label: 'Lựa chọn (giá trị | nhãn vi | nhãn en)', kind: 'text', width: 30 },
      { key: 'settings', label: 'Thiết lập khác (JSON)', kind: 'text', width: 30 },
    ],
  },
  workflow: {
    name: 'workflow',
    required: false,
    maxRows: 10000,
    columns: [
      ...id,
      { key: 'nameVi', label: 'Bước (tiếng Việt)', kind: 'text', required: true, width: 30 },
      { key: 'nameEn', label: 'Bước (tiếng Anh)', kind: 'text', required: true, width: 30 },
      { key: 'agencyId', label: 'Mã cơ quan', kind: 'text', width: 16 },
      { key: 'tier', label: 'Cấp (so với nơi tiếp nhận)', kind: 'text', width: 12 },
      { key: 'division', label: 'Phòng chuyên môn', kind: 'text', width: 14 },
      { key: 'role', label: 'Vai trò', kind: 'text', required: true, width: 14 },
      { key: 'budgetDays', label: 'Thời gian (ngày làm việc)', kind: 'number', required: true, width: 10 },
    ],
  },
} as const satisfies Record<string, SheetSpec>;

export type SheetKey = keyof typeof SHEETS;
/** One sheet row as written or read: cell values by column key. */
export type SheetRow = Record<string, string | number | boolean | string[] | null>;

export function headerText(column: ColumnSpec): string {
  return `${column.label} (${column.key})`;
}

/** The key a header cell names: `Tên thủ tục (name)` or just `name`. */
export function headerKey(text: string): string {
  const match = /\(([A-Za-z][A-Za-z0-9]*)\)\s*$/.exec(text.trim());
  return match ? match[1]! : text.trim();
}
