import { z } from 'zod';

/**
 * The e-form definition of a procedure version: a declarative list of fields that both the server
 * (validateSubmission in shared/eform/) and the web app (the rendered form) read. Clerks author it in
 * Excel (docs/catalogue.md); nothing here is code.
 */
export const LocalText = z.object({
  vi: z.string().trim().min(1, 'Cần nội dung tiếng Việt | Vietnamese text is required').max(1000),
  en: z.string().trim().min(1, 'Cần nội dung tiếng Anh | English text is required').max(1000),
});
export type LocalText = z.infer<typeof LocalText>;

export const FieldName = z
  .string()
  .regex(
    /^[a-z][a-zA-Z0-9_]{0,62}$/,
    'Tên trường bắt đầu bằng chữ thường, chỉ gồm chữ, số, "_" (tối đa 63) | A field name starts with a lower-case letter and has only letters, digits and "_" (at most 63)',
  );

/** A rule on another field's value: `relation = other`, `relation in a, b`, `spouseName filled`. */
export const Condition = z.object({
  field: FieldName,
  op: z.enum(['eq', 'ne', 'in', 'filled', 'empty']),
  value: z.union([z.string().max(200), z.array(z.string().max(200)).max(50)]).optional(),
});
export type Condition = z.infer<typeof Condition>;

const Messages = z
  .object({ required: LocalText.optional(), invalid: LocalText.optional() })
  .strict()
  .describe('Own messages replacing the generic ones');

const base = {
  name: FieldName,
  label: LocalText,
  help: LocalText.optional(),
  required: z.boolean().default(false),
  visibleWhen: Condition.optional(),
  requiredWhen: Condition.optional(),
  messages: Messages.optional(),
};

const IsoDate = z.iso.date('Ngày có dạng YYYY-MM-DD | A date is written YYYY-MM-DD');

export const SelectOption = z.object({ value: z.string().trim().min(1).max(100), label: LocalText });

const TextField = z.object({
  ...base,
  type: z.literal('text'),
  minLength: z.number().int().min(0).max(10000).optional(),
  maxLength: z.number().int().min(1).max(10000).optional(),
  pattern: z.string().max(200).optional().describe('A regular expression the whole value must match'),
  multiline: z.boolean().optional(),
});
const NumberField = z.object({
  ...base,
  type: z.literal('number'),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
});
const DateField = z.object({
  ...base,
  type: z.literal('date'),
  min: IsoDate.optional(),
  max: IsoDate.optional(),
  notAfterToday: z.boolean().optional(),
});
const SelectField = z.object({
  ...base,
  type: z.literal('select'),
  options: z.array(SelectOption).min(1).max(500),
  multiple: z.boolean().optional(),
});
const YesNoField = z.object({ ...base, type: z.literal('yesno') });
const AddressField = z.object({
  ...base,
  type: z.literal('address'),
  /** The value is a commune code of the unit tree (GSO, 5 digits) plus a street line. */
  streetRequired: z.boolean().optional(),
});
const CccdField = z.object({ ...base, type: z.literal('cccd') });
const PhoneField = z.object({ ...base, type: z.literal('phone') });
const EmailField = z.object({ ...base, type: z.literal('email') });
const UploadField = z.object({
  ...base,
  type: z.literal('upload'),
  component: z.string().min(1).max(64).describe('Key of the procedure component this upload fulfils'),
  maxFiles: z.number().int().min(1).max(50).optional(),
});

const ScalarField = z.discriminatedUnion('type', [
  TextField,
  NumberField,
  DateField,
  SelectField,
  YesNoField,
  AddressField,
  CccdField,
  PhoneField,
  EmailField,
]);
export type ScalarField = z.infer<typeof ScalarField>;

const TableField = z.object({
  ...base,
  type: z.literal('table'),
  columns: z.array(ScalarField).min(1).max(30),
  minRows: z.number().int().min(0).max(500).optional(),
  maxRows: z.number().int().min(1).max(500).optional(),
});

export const EformField = z.discriminatedUnion('type', [
  TextField,
  NumberField,
  DateField,
  SelectField,
  YesNoField,
  AddressField,
  CccdField,
  PhoneField,
  EmailField,
  UploadField,
  TableField,
]);
export type EformField = z.infer<typeof EformField>;
export type EformFieldType = EformField['type'];
export const EFORM_FIELD_TYPES = [
  'text',
  'number',
  'date',
  'select',
  'yesno',
  'address',
  'cccd',
  'phone',
  'email',
  'upload',
  'table',
] as const satisfies readonly EformFieldType[];

export const EformDefinition = z.object({
  fields: z.array(EformField).min(1).max(300),
});
export type EformDefinition = z.infer<typeof EformDefinition>;

/** Value of an address field in submitted data. */
export const AddressValue = z.object({
  unitCode: z.string(),
  street: z.string().optional(),
});
export type AddressValue = z.infer<typeof AddressValue>;
