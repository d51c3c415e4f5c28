import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EformDefinition } from '../schemas/eform.ts';
import { checkEformDefinition } from './check-definition.ts';
import { checkCccd, isVietnamesePhone } from './identity-numbers.ts';
import { validateSubmission } from './validate-submission.ts';

const form = EformDefinition.parse({
  fields: [
    { name: 'fullName', type: 'text', label: { vi: 'Họ và tên', en: 'Full name' }, required: true, maxLength: 10 },
    { name: 'idNumber', type: 'cccd', label: { vi: 'Số CCCD', en: 'ID number' }, required: true },
    { name: 'phone', type: 'phone', label: { vi: 'Điện thoại', en: 'Phone' } },
    { name: 'email', type: 'email', label: { vi: 'Thư điện tử', en: 'E-mail' } },
    { name: 'birthDate', type: 'date', label: { vi: 'Ngày sinh', en: 'Birth date' }, notAfterToday: true },
    { name: 'age', type: 'number', label: { vi: 'Tuổi', en: 'Age' }, integer: true, min: 0, max: 150 },
    {
      name: 'relation',
      type: 'select',
      label: { vi: 'Quan hệ', en: 'Relationship' },
      required: true,
      options: [
        { value: 'me', label: { vi: 'Mẹ', en: 'Mother' } },
        { value: 'khac', label: { vi: 'Khác', en: 'Other' } },
      ],
    },
    {
      name: 'relationOther',
      type: 'text',
      label: { vi: 'Ghi rõ quan hệ', en: 'Relationship details' },
      visibleWhen: { field: 'relation', op: 'eq', value: 'khac' },
      requiredWhen: { field: 'relation', op: 'eq', value: 'khac' },
    },
    { name: 'married', type: 'yesno', label: { vi: 'Đã kết hôn', en: 'Married' } },
    {
      name: 'spouse',
      type: 'text',
      label: { vi: 'Tên vợ/chồng', en: 'Spouse' },
      requiredWhen: { field: 'married', op: 'eq', value: 'true' },
    },
    { name: 'address', type: 'address', label: { vi: 'Nơi cư trú', en: 'Residence' }, streetRequired: true },
    {
      name: 'children',
      type: 'table',
      label: { vi: 'Con', en: 'Children' },
      maxRows: 2,
      columns: [
        { name: 'name', type: 'text', label: { vi: 'Tên con', en: 'Child name' }, required: true },
        { name: 'idNumber', type: 'cccd', label: { vi: 'CCCD của con', en: 'Child ID' } },
      ],
    },
    { name: 'scan', type: 'upload', component: 'to-khai', label: { vi: 'Tờ khai', en: 'Form' }, maxFiles: 1 },
  ],
});
const today = '2023-10-27';
const valid = { fullName: 'Lê Văn A', idNumber: '001090123456', relation: 'me' };

describe('validateSubmission', () => {
  it('accepts a valid submission', () => {
    expect(validateSubmission(form, valid, { today })).toEqual({ ok: true, errors: [] });
  });

  it('returns every problem at once, each naming its field in vi and en', () => {
    const result = validateSubmission(
      form,
      {
        fullName: 'Nguyễn Thị Minh Khai Dài',
        idNumber: '123',
        phone: '12345',
        email: 'a@b',
        birthDate: '2024-01-01',
        age: 3.5,
        relation: 'chu',
        married: 'yes',
        address: { unitCode: '00001' },
        children: [{ idNumber: '999090123456' }],
        scan: ['a', 'b'],
        extra: 1,
      },
      { today },
    );
    const byField = Object.fromEntries(result.errors.map((e) => [e.field, e.code]));
    expect(byField).toEqual({
      extra: 'unknown',
      fullName: 'tooLong',
      idNumber: 'format',
      phone: 'format',
      email: 'format',
      birthDate: 'tooBig',
      age: 'format',
      relation: 'option',
      married: 'type',
      address: 'required',
      'children.0.name': 'required',
      'children.0.idNumber': 'format',
      scan: 'tooBig',
    });
    const id = result.errors.find((e) => e.field === 'idNumber')!;
    expect(id.message.vi).toContain('Số CCCD');
    expect(id.message.en).toContain('ID number');
    expect(result.errors.find((e) => e.field === 'birthDate')!.message.vi).toContain('27/10/2023');
  });

  it('requires and shows a field only when its rule holds', () => {
    expect(validateSubmission(form, { ...valid, relation: 'khac' }).errors.map((e) => e.field)).toEqual([
      'relationOther',
    ]);
    // Hidden: neither required nor checked.
    expect(validateSubmission(form, { ...valid, relationOther: 'x'.repeat(5000) }).ok).toBe(true);
    expect(validateSubmission(form, { ...valid, married: true }).errors.map((e) => e.field)).toEqual(['spouse']);
    expect(validateSubmission(form, { ...valid, married: false }).ok).toBe(true);
  });

  it('checks commune codes against the unit tree when given one', () => {
    const data = { ...valid, address: { unitCode: '99999', street: '1 Tràng Tiền' } };
    expect(validateSubmission(form, data).ok).toBe(true);
    const result = validateSubmission(form, data, { isKnownCommune: (c) => c === '00001' });
    expect(result.errors).toMatchObject([{ field: 'address', code: 'option' }]);
  });

  it('uses the form’s own messages when it has them', () => {
    const own = EformDefinition.parse({
      fields: [
        {
          name: 'x',
          type: 'text',
          required: true,
          label: { vi: 'X', en: 'X' },
          messages: { required: { vi: 'Bắt buộc nhập X', en: 'X, please' } },
        },
      ],
    });
    expect(validateSubmission(own, {}).errors[0]!.message).toEqual({ vi: 'Bắt buộc nhập X', en: 'X, please' });
  });

  it('never throws and always explains itself, whatever the data (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (data) => {
        const result = validateSubmission(form, data, { today });
        return (
          result.errors.every((e) => e.message.vi.length > 0 && e.message.en.length > 0) &&
          result.ok === (result.errors.length === 0)
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe('checkEformDefinition', () => {
  it('names duplicate fields, unknown rule targets, bad patterns and unknown components', () => {
    const def = EformDefinition.parse({
      fields: [
        { name: 'a', type: 'text', label: { vi: 'A', en: 'A' }, pattern: '(' },
        { name: 'a', type: 'number', label: { vi: 'A2', en: 'A2' }, min: 5, max: 1 },
        { name: 'b', type: 'text', label: { vi: 'B', en: 'B' }, visibleWhen: { field: 'nope', op: 'filled' } },
        { name: 'c', type: 'upload', component: 'khong-co', label: { vi: 'C', en: 'C' } },
      ],
    });
    const paths = checkEformDefinition(def, ['to-khai']).map((p) => p.path);
    expect(paths).toEqual([
      'fields.1.name',
      'fields.0.pattern',
      'fields.1.min',
      'fields.2.visibleWhen.field',
      'fields.3.component',
    ]);
  });
});

describe('identity numbers', () => {
  it('checks a CCCD’s province code and birth year', () => {
    expect(checkCccd('001090123456')).toBeUndefined(); // Hà Nội, male, born 1990
    expect(checkCccd('079301123456', '2023-10-27')).toBeUndefined(); // HCMC, female, born 2001
    expect(checkCccd('003090123456')).toBe('province');
    expect(checkCccd('001230123456', '2023-10-27')).toBe('birthYear'); // 2030
    expect(checkCccd('00109012345')).toBe('format');
  });

  it('recognises Vietnamese mobile and fixed numbers', () => {
    expect(isVietnamesePhone('0912 345 678')).toBe(true);
    expect(isVietnamesePhone('+84912345678')).toBe(true);
    expect(isVietnamesePhone('02438253536')).toBe(true);
    expect(isVietnamesePhone('0112345678')).toBe(false);
  });
});
