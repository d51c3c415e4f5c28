import type { Condition, EformDefinition, EformField, LocalText, ScalarField } from '../schemas/eform.ts';
import { checkCccd, isEmail, isVietnamesePhone } from './identity-numbers.ts';

/** One problem with submitted e-form data: the field's dotted path (`children.0.name`) and vi/en text. */
export interface SubmissionError {
  field: string;
  code: 'required' | 'type' | 'format' | 'tooShort' | 'tooLong' | 'tooSmall' | 'tooBig' | 'option' | 'unknown';
  message: LocalText;
}

export interface ValidateOptions {
  /** Today in Asia/Ho_Chi_Minh, 'YYYY-MM-DD' (the validator is pure: the caller owns the clock). */
  today?: string;
  /** Whether a commune code exists in the unit tree in force; without it only the shape is checked. */
  isKnownCommune?: (code: string) => boolean;
}

export interface SubmissionResult {
  ok: boolean;
  errors: SubmissionError[];
}

type Data = Record<string, unknown>;

/**
 * Checks e-form data against its definition and returns EVERY problem (not the first), each with a
 * Vietnamese and an English message naming the field by its label. Hidden fields (visibleWhen false)
 * are neither required nor checked; keys the form does not define are refused.
 */
export function validateSubmission(
  definition: EformDefinition,
  data: unknown,
  options: ValidateOptions = {},
): SubmissionResult {
  const errors: SubmissionError[] = [];
  if (!isRecord(data)) {
    errors.push({
      field: '',
      code: 'type',
      message: { vi: 'Dữ liệu tờ khai phải là một đối tượng.', en: 'The form data must be an object.' },
    });
    return { ok: false, errors };
  }
  checkFields(definition.fields, data, data, '', options, errors);
  return { ok: errors.length === 0, errors };
}

function checkFields(
  fields: readonly EformField[],
  values: Data,
  root: Data,
  prefix: string,
  options: ValidateOptions,
  errors: SubmissionError[],
): void {
  const known = new Set(fields.map((f) => f.name));
  for (const key of Object.keys(values)) {
    if (!known.has(key)) {
      errors.push({
        field: prefix + key,
        code: 'unknown',
        message: { vi: `Trường "${key}" không có trong tờ khai.`, en: `"${key}" is not a field of this form.` },
      });
    }
  }
  for (const field of fields) {
    if (field.visibleWhen && !holds(field.visibleWhen, values, root)) continue;
    const path = prefix + field.name;
    const value = values[field.name];
    const required = field.required || (field.requiredWhen ? holds(field.requiredWhen, values, root) : false);
    if (isEmpty(value)) {
      if (required) errors.push(problem(field, path, 'required'));
      continue;
    }
    if (field.type === 'table') {
      checkTable(field, value, root, path, options, errors);
    } else if (field.type === 'upload') {
      const ok = Array.isArray(value) && value.every((v) => typeof v === 'string' && v.length > 0 && v.length <= 200);
      if (!ok) errors.push(problem(field, path, 'type'));
      else if (field.maxFiles !== undefined && value.length > field.maxFiles) {
        errors.push(problem(field, path, 'tooBig', field.maxFiles));
      }
    } else {
      const code = checkScalar(field, value, options);
      if (code) errors.push(problem(field, path, code.code, code.limit));
    }
  }
}

function checkTable(
  field: Extract<EformField, { type: 'table' }>,
  value: unknown,
  root: Data,
  path: string,
  options: ValidateOptions,
  errors: SubmissionError[],
): void {
  if (!Array.isArray(value) || !value.every(isRecord)) {
    errors.push(problem(field, path, 'type'));
    return;
  }
  if (field.minRows !== undefined && value.length < field.minRows) {
    errors.push(problem(field, path, 'tooShort', field.minRows));
  }
  if (field.maxRows !== undefined && value.length > field.maxRows) {
    errors.push(problem(field, path, 'tooBig', field.maxRows));
    return;
  }
  value.forEach((row, i) => checkFields(field.columns, row, root, `${path}.${i}.`, options, errors));
}

interface Failure {
  code: SubmissionError['code'];
  limit?: number | string;
}

function checkScalar(field: ScalarField, value: unknown, options: ValidateOptions): Failure | undefined {
  switch (field.type) {
    case 'text': {
      if (typeof value !== 'string') return { code: 'type' };
      const length = [...value.trim()].length;
      if (field.minLength !== undefined && length < field.minLength)
        return { code: 'tooShort', limit: field.minLength };
      if (field.maxLength !== undefined && length > field.maxLength) return { code: 'tooLong', limit: field.maxLength };
      if (field.pattern && !new RegExp(`^(?:${field.pattern})$`, 'u').test(value.trim())) return { code: 'format' };
      return undefined;
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return { code: 'type' };
      if (field.integer && !Number.isInteger(value)) return { code: 'format' };
      if (field.min !== undefined && value < field.min) return { code: 'tooSmall', limit: field.min };
      if (field.max !== undefined && value > field.max) return { code: 'tooBig', limit: field.max };
      return undefined;
    }
    case 'date': {
      if (typeof value !== 'string' || !isIsoDate(value)) return { code: 'format' };
      if (field.min && value < field.min) return { code: 'tooSmall', limit: formatDate(field.min) };
      const max =
        field.notAfterToday && options.today && (!field.max || options.today < field.max) ? options.today : field.max;
      if (max && value > max) return { code: 'tooBig', limit: formatDate(max) };
      return undefined;
    }
    case 'select': {
      const allowed = new Set(field.options.map((o) => o.value));
      if (field.multiple) {
        if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return { code: 'type' };
        return value.every((v) => allowed.has(v)) ? undefined : { code: 'option' };
      }
      if (typeof value !== 'string') return { code: 'type' };
      return allowed.has(value) ? undefined : { code: 'option' };
    }
    case 'yesno':
      return typeof value === 'boolean' ? undefined : { code: 'type' };
    case 'address': {
      if (!isRecord(value) || typeof value['unitCode'] !== 'string') return { code: 'type' };
      const street = value['street'];
      if (street !== undefined && (typeof street !== 'string' || street.length > 300)) return { code: 'format' };
      if (field.streetRequired && (typeof street !== 'string' || street.trim() === '')) return { code: 'required' };
      const code = value['unitCode'];
      if (!/^\d{5}$/.test(code)) return { code: 'format' };
      if (options.isKnownCommune && !options.isKnownCommune(code)) return { code: 'option' };
      return undefined;
    }
    case 'cccd': {
      if (typeof value !== 'string') return { code: 'type' };
      return checkCccd(value.trim(), options.today) ? { code: 'format' } : undefined;
    }
    case 'phone':
      return typeof value === 'string' && isVietnamesePhone(value) ? undefined : { code: 'format' };
    case 'email':
      return typeof value === 'string' && isEmail(value.trim()) ? undefined : { code: 'format' };
    default: {
      const exhaustive: never = field;
      return exhaustive;
    }
  }
}

/** Evaluates a visibleWhen/requiredWhen rule: a sibling in the same table row first, then the top level. */
export function holds(condition: Condition, values: Data, root: Data): boolean {
  const raw = condition.field in values ? values[condition.field] : root[condition.field];
  const actual = Array.isArray(raw) ? raw.map(String) : isEmpty(raw) ? undefined : String(raw);
  const expected = condition.value;
  switch (condition.op) {
    case 'filled':
      return actual !== undefined;
    case 'empty':
      return actual === undefined;
    case 'eq':
      return matches(actual, expected);
    case 'ne':
      return !matches(actual, expected);
    case 'in': {
      const list = Array.isArray(expected) ? expected : expected === undefined ? [] : [expected];
      return list.some((v) => matches(actual, v));
    }
    default: {
      const exhaustive: never = condition.op;
      return exhaustive;
    }
  }
}

function matches(actual: string | string[] | undefined, expected: string | string[] | undefined): boolean {
  if (actual === undefined || expected === undefined) return actual === expected;
  const want = Array.isArray(expected) ? expected : [expected];
  return Array.isArray(actual) ? actual.some((a) => want.includes(a)) : want.includes(actual);
}

function isRecord(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function formatDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

function problem(
  field: EformField,
  path: string,
  code: SubmissionError['code'],
  limit?: number | string,
): SubmissionError {
  const own = code === 'required' ? field.messages?.required : field.messages?.invalid;
  return { field: path, code, message: own ?? genericMessage(field, code, limit) };
}

function genericMessage(field: EformField, code: SubmissionError['code'], limit?: number | string): LocalText {
  const vi = field.label.vi;
  const en = field.label.en;
  const n = String(limit ?? '');
  switch (code) {
    case 'required':
      return { vi: `Vui lòng nhập "${vi}".`, en: `"${en}" is required.` };
    case 'tooShort':
      return field.type === 'table'
        ? { vi: `"${vi}" cần ít nhất ${n} dòng.`, en: `"${en}" needs at least ${n} rows.` }
        : { vi: `"${vi}" cần ít nhất ${n} ký tự.`, en: `"${en}" needs at least ${n} characters.` };
    case 'tooLong':
      return { vi: `"${vi}" tối đa ${n} ký tự.`, en: `"${en}" has at most ${n} characters.` };
    case 'tooSmall':
      return { vi: `"${vi}" không được nhỏ hơn ${n}.`, en: `"${en}" must not be less than ${n}.` };
    case 'tooBig':
      if (field.type === 'table') return { vi: `"${vi}" tối đa ${n} dòng.`, en: `"${en}" has at most ${n} rows.` };
      if (field.type === 'upload') return { vi: `"${vi}" tối đa ${n} tệp.`, en: `"${en}" takes at most ${n} files.` };
      return { vi: `"${vi}" không được lớn hơn ${n}.`, en: `"${en}" must not be more than ${n}.` };
    case 'option':
      return field.type === 'address'
        ? { vi: `"${vi}": xã/phường không có trong danh mục.`, en: `"${en}": the commune is not in the unit list.` }
        : {
            vi: `"${vi}": giá trị không có trong danh sách chọn.`,
            en: `"${en}": the value is not one of the choices.`,
          };
    case 'type':
    case 'format':
    case 'unknown':
      return formatMessage(field, vi, en);
    default: {
      const exhaustive: never = code;
      return exhaustive;
    }
  }
}

function formatMessage(field: EformField, vi: string, en: string): LocalText {
  switch (field.type) {
    case 'cccd':
      return {
        vi: `"${vi}" không phải số định danh cá nhân (CCCD) hợp lệ: 12 chữ số, mã tỉnh và năm sinh đúng.`,
        en: `"${en}" is not a valid personal ID (CCCD) number: 12 digits with a real province code and birth year.`,
      };
    case 'phone':
      return {
        vi: `"${vi}" không phải số điện thoại Việt Nam hợp lệ.`,
        en: `"${en}" is not a valid Vietnamese phone number.`,
      };
    case 'email':
      return { vi: `"${vi}" không phải địa chỉ thư điện tử hợp lệ.`, en: `"${en}" is not a valid e-mail address.` };
    case 'date':
      return { vi: `"${vi}" phải là ngày hợp lệ.`, en: `"${en}" must be a valid date.` };
    case 'number':
      return field.integer
        ? { vi: `"${vi}" phải là số nguyên.`, en: `"${en}" must be a whole number.` }
        : { vi: `"${vi}" phải là số.`, en: `"${en}" must be a number.` };
    case 'yesno':
      return { vi: `"${vi}" phải là Có hoặc Không.`, en: `"${en}" must be yes or no.` };
    case 'address':
      return {
        vi: `"${vi}" phải gồm mã xã/phường (5 chữ số) và địa chỉ chi tiết.`,
        en: `"${en}" needs a commune code (5 digits) and a street line.`,
      };
    case 'text':
    case 'select':
    case 'upload':
    case 'table':
      return { vi: `"${vi}" không đúng định dạng.`, en: `"${en}" is not in the expected format.` };
    default: {
      const exhaustive: never = field;
      return exhaustive;
    }
  }
}
