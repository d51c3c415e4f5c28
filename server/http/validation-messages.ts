import type { ErrorDetail, Text } from './errors.ts';

/** The part of a zod issue (as fastify-type-provider-zod hands it over) that we turn into words. */
export interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
}

/**
 * Messages written for people, in Vietnamese and English, naming the field. A schema may give its own
 * message as `vi | en` (e.g. `z.string().regex(re, 'Số CCCD gồm 12 chữ số | The ID number has 12 digits')`).
 */
export function describeIssue(context: string, issue: ValidationIssue): ErrorDetail {
  const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const field = [context, path].filter(Boolean).join('.');
  const name = path || context;
  return { field, message: ownMessage(issue.message) ?? genericMessage(name, issue) };
}

function ownMessage(message: string): Text | undefined {
  const parts = message.split(' | ');
  if (parts.length !== 2) return undefined;
  return { vi: parts[0]!, en: parts[1]! };
}

function genericMessage(name: string, issue: ValidationIssue): Text {
  const p = issue.params;
  switch (issue.keyword) {
    case 'invalid_type':
      if (p['input'] === undefined) return { vi: `Thiếu trường bắt buộc "${name}".`, en: `"${name}" is required.` };
      return {
        vi: `Trường "${name}" phải có kiểu ${String(p['expected'])}.`,
        en: `"${name}" must be of type ${String(p['expected'])}.`,
      };
    case 'invalid_value': {
      const values = Array.isArray(p['values']) ? p['values'].map(String).join(', ') : '';
      return {
        vi: `Giá trị của "${name}" không hợp lệ; chỉ nhận: ${values}.`,
        en: `"${name}" has an invalid value; expected one of: ${values}.`,
      };
    }
    case 'too_small':
      return p['origin'] === 'string'
        ? {
            vi: `"${name}" phải có ít nhất ${String(p['minimum'])} ký tự.`,
            en: `"${name}" must have at least ${String(p['minimum'])} characters.`,
          }
        : {
            vi: `"${name}" phải lớn hơn hoặc bằng ${String(p['minimum'])}.`,
            en: `"${name}" must be at least ${String(p['minimum'])}.`,
          };
    case 'too_big':
      return p['origin'] === 'string'
        ? {
            vi: `"${name}" chỉ được tối đa ${String(p['maximum'])} ký tự.`,
            en: `"${name}" must have at most ${String(p['maximum'])} characters.`,
          }
        : {
            vi: `"${name}" phải nhỏ hơn hoặc bằng ${String(p['maximum'])}.`,
            en: `"${name}" must be at most ${String(p['maximum'])}.`,
          };
    case 'invalid_format':
      return {
        vi: `"${name}" không đúng định dạng (${String(p['format'])}).`,
        en: `"${name}" is not in the expected format (${String(p['format'])}).`,
      };
    case 'unrecognized_keys': {
      const keys = Array.isArray(p['keys']) ? p['keys'].join(', ') : '';
      return { vi: `Trường không được hỗ trợ: ${keys}.`, en: `Unsupported field(s): ${keys}.` };
    }
    default:
      return { vi: `Giá trị của "${name}" không hợp lệ.`, en: `"${name}" is invalid.` };
  }
}
