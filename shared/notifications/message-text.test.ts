import { describe, expect, it } from 'vitest';
import {
  draftProblems,
  fillPlaceholders,
  foldDiacritics,
  placeholdersIn,
  renderSms,
  smsLength,
  type TemplateSpec,
} from './message-text.ts';

const spec: TemplateSpec = {
  placeholders: ['dossierCode', 'appointmentAt'],
  mustMention: [],
  samples: { dossierCode: '000.00.06.H56-231027-0361', appointmentAt: '09:32 03/11/2023' },
};
const draft = (part: Partial<Record<'subject' | 'body' | 'sms', string>>) => ({
  subject: null,
  body: null,
  sms: null,
  ...part,
});

describe('notification texts with placeholders', () => {
  it('finds and fills placeholders, leaving unknown ones as written', () => {
    expect(placeholdersIn('Hồ sơ {dossierCode}, hẹn {appointmentAt} {x}')).toEqual([
      'dossierCode',
      'appointmentAt',
      'x',
    ]);
    expect(fillPlaceholders('Hồ sơ {dossierCode} {x}', spec.samples)).toBe('Hồ sơ 000.00.06.H56-231027-0361 {x}');
  });

  it('folds Vietnamese to unaccented text, đ included', () => {
    expect(foldDiacritics('Đã tiếp nhận hồ sơ, hẹn trả ngày')).toBe('Da tiep nhan ho so, hen tra ngay');
  });

  it('counts GSM-7 septets: the extension table costs two, Unicode cannot be carried', () => {
    expect(smsLength('Ho so [01]')).toEqual({ septets: 12, unsupported: [] });
    expect(smsLength('Hồ sơ').unsupported).toEqual(['ồ', 'ơ']);
    expect(renderSms('Hồ sơ {dossierCode}', spec.samples)).toBe('Ho so 000.00.06.H56-231027-0361');
  });

  it('accepts a draft that uses only the template’s parameters and fits one SMS', () => {
    expect(
      draftProblems(draft({ subject: 'Hồ sơ {dossierCode}', sms: 'Ho so {dossierCode}, hen {appointmentAt}' }), spec),
    ).toEqual([]);
  });

  it('names the part and the unknown placeholder in both languages', () => {
    const [problem] = draftProblems(draft({ body: 'Kính gửi {hoTen}' }), spec);
    expect(problem?.path).toBe('body');
    expect(problem?.message.vi).toBe(
      'Nội dung: mẫu này không có tham số {hoTen}; dùng được: {dossierCode}, {appointmentAt}.',
    );
    expect(problem?.message.en).toMatch(/^Body: this template has no parameter \{hoTen\}/);
  });

  it('refuses an empty part, a subject on two lines, an accented or too long SMS, a missing {code}', () => {
    const paths = (d: ReturnType<typeof draft>, s = spec) => draftProblems(d, s).map((p) => p.path);
    expect(paths(draft({ subject: '  ' }))).toEqual(['subject']);
    expect(paths(draft({ subject: 'Hồ sơ\n{dossierCode}' }))).toEqual(['subject']);
    expect(paths(draft({ sms: 'Hồ sơ {dossierCode}' }))).toEqual(['sms']);
    expect(paths(draft({ sms: `${'x'.repeat(140)} {dossierCode}` }))).toEqual(['sms']);
    expect(paths(draft({ sms: `${'x'.repeat(134)} {dossierCode}` }))).toEqual([]);
    expect(paths(draft({ sms: 'Ma xac nhan' }), { ...spec, mustMention: ['code'], placeholders: ['code'] })).toEqual([
      'sms',
    ]);
  });
});
