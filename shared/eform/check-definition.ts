import type { Condition, EformDefinition, EformField, LocalText } from '../schemas/eform.ts';

/** A problem in an e-form definition, at a path such as `fields.3.name` or `fields.2.columns.0.options`. */
export interface DefinitionProblem {
  path: string;
  message: LocalText;
}

/**
 * What zod's shape check cannot see: duplicate field names, rules naming unknown fields, bad patterns,
 * min above max, duplicate options, uploads for components the version does not list.
 */
export function checkEformDefinition(
  definition: EformDefinition,
  componentKeys?: readonly string[],
): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  checkLevel(definition.fields, 'fields', new Set(), problems, componentKeys);
  return problems;
}

function checkLevel(
  fields: readonly EformField[],
  prefix: string,
  outer: ReadonlySet<string>,
  problems: DefinitionProblem[],
  componentKeys?: readonly string[],
): void {
  const seen = new Set<string>();
  fields.forEach((field, i) => {
    const at = `${prefix}.${i}`;
    if (seen.has(field.name)) {
      problems.push({
        path: `${at}.name`,
        message: {
          vi: `Tên trường "${field.name}" bị trùng.`,
          en: `The field name "${field.name}" is used twice.`,
        },
      });
    }
    seen.add(field.name);
  });
  const visible = new Set([...outer, ...seen]);
  fields.forEach((field, i) => {
    const at = `${prefix}.${i}`;
    for (const key of ['visibleWhen', 'requiredWhen'] as const) {
      const rule = field[key];
      if (rule) checkCondition(rule, field.name, visible, `${at}.${key}`, problems);
    }
    checkField(field, at, problems, componentKeys);
    if (field.type === 'table') checkLevel(field.columns, `${at}.columns`, visible, problems);
  });
}

function checkCondition(
  rule: Condition,
  self: string,
  names: ReadonlySet<string>,
  at: string,
  problems: DefinitionProblem[],
): void {
  if (rule.field === self || !names.has(rule.field)) {
    problems.push({
      path: `${at}.field`,
      message: {
        vi: `Điều kiện tham chiếu trường "${rule.field}" không hợp lệ (không tồn tại hoặc là chính nó).`,
        en: `The rule refers to "${rule.field}", which does not exist or is the field itself.`,
      },
    });
  }
  const needsValue = rule.op === 'eq' || rule.op === 'ne' || rule.op === 'in';
  if (needsValue && (rule.value === undefined || (Array.isArray(rule.value) && rule.value.length === 0))) {
    problems.push({
      path: `${at}.value`,
      message: { vi: 'Điều kiện cần giá trị so sánh.', en: 'The rule needs a value to compare with.' },
    });
  }
}

function minMax(at: string, min: number | string | undefined, max: number | string | undefined): DefinitionProblem[] {
  if (min === undefined || max === undefined || min <= max) return [];
  return [
    {
      path: `${at}.min`,
      message: {
        vi: `Giá trị nhỏ nhất (${min}) lớn hơn giá trị lớn nhất (${max}).`,
        en: `The minimum (${min}) is above the maximum (${max}).`,
      },
    },
  ];
}

function checkField(
  field: EformField,
  at: string,
  problems: DefinitionProblem[],
  componentKeys?: readonly string[],
): void {
  switch (field.type) {
    case 'text':
      problems.push(...minMax(at, field.minLength, field.maxLength));
      if (field.pattern !== undefined) {
        try {
          new RegExp(field.pattern, 'u');
        } catch {
          problems.push({
            path: `${at}.pattern`,
            message: { vi: 'Biểu thức kiểm tra không hợp lệ.', en: 'The pattern is not a valid regular expression.' },
          });
        }
      }
      return;
    case 'number':
      problems.push(...minMax(at, field.min, field.max));
      return;
    case 'date':
      problems.push(...minMax(at, field.min, field.max));
      return;
    case 'table':
      problems.push(...minMax(at, field.minRows, field.maxRows));
      return;
    case 'select': {
      const values = field.options.map((o) => o.value);
      const duplicate = values.find((v, i) => values.indexOf(v) !== i);
      if (duplicate !== undefined) {
        problems.push({
          path: `${at}.options`,
          message: { vi: `Lựa chọn "${duplicate}" bị trùng.`, en: `The option "${duplicate}" is listed twice.` },
        });
      }
      return;
    }
    case 'upload':
      if (componentKeys && !componentKeys.includes(field.component)) {
        problems.push({
          path: `${at}.component`,
          message: {
            vi: `Thành phần hồ sơ "${field.component}" không có trong thủ tục.`,
            en: `The procedure has no component "${field.component}".`,
          },
        });
      }
      return;
    case 'yesno':
    case 'address':
    case 'cccd':
    case 'phone':
    case 'email':
      return;
    default: {
      const exhaustive: never = field;
      return exhaustive;
    }
  }
}
