import { describe, expect, it } from 'vitest';
import { foldDiacritics } from './format.ts';
import {
  renderTemplate,
  TEMPLATE_NAMES,
  validateTemplateParams,
  type TemplateName,
  type TemplateParams,
} from './catalogue.ts';

const code = '000.00.06.H56-231027-0361';
const url = 'https://dichvucong.hanoi.gov.vn/ho-so/000.00.06.H56-231027-0361';
const due = '2023-11-03T09:32:00+07:00';

// Typed as an exhaustive map: a new template without a sample does not compile.
const samples: { [N in TemplateName]: TemplateParams<N> } = {
  'dossier.accepted': { dossierCode: code, procedureName: 'Đăng ký khai sinh', appointmentAt: due, receiptUrl: url },
  'dossier.supplement_requested': {
    dossierCode: code,
    items: ['Bản sao CCCD', 'Giấy xác nhận cư trú'],
    noticeUrl: url,
  },
  'dossier.refused': { dossierCode: code, reason: 'Không thuộc thẩm quyền', noticeUrl: url },
  'dossier.apology': {
    dossierCode: code,
    reason: 'Chờ ý kiến liên ngành',
    newAppointmentAt: '2023-11-10T16:00:00+07:00',
    letterUrl: url,
  },
  'payment.requested': { dossierCode: code, amountVnd: 1_250_000, paymentUrl: url },
  'dossier.result_ready': { dossierCode: code, returnPlace: 'Bộ phận Một cửa UBND quận Ba Đình', trackingUrl: url },
  'dossier.result_returned': { dossierCode: code, trackingUrl: url },
  'officer.waiting_acceptance': {
    dossierCode: code,
    submittedAt: '2023-10-23T08:00:00+07:00',
    waitingHours: 49.5,
    workspaceUrl: url,
  },
  'officer.due_soon': { dossierCode: code, dueAt: due, stepName: 'Thẩm định', workspaceUrl: url },
  'officer.overdue': { dossierCode: code, dueAt: due, workspaceUrl: url },
  'officer.apology_needed': { dossierCode: code, dueAt: due, workspaceUrl: url },
  'identity.verify_phone': { code: '123456', expiresInMinutes: 15 },
  'identity.verify_email': { code: '123456', expiresInMinutes: 15 },
  'identity.reset_password': { code: '123456', expiresInMinutes: 15 },
};

describe('notification templates', () => {
  it.each(TEMPLATE_NAMES)('%s renders in Vietnamese and English, with a short text that fits one SMS', (name) => {
    const vi = renderTemplate(name, 'vi', samples[name]);
    const en = renderTemplate(name, 'en', samples[name]);
    if (!name.startsWith('identity.')) expect(vi.subject).toContain(code);
    expect(vi.subject).not.toBe(en.subject);
    expect(`${vi.subject} ${vi.text}`).toMatch(/[ăâđêôơưàáảãạ]/i);
    expect(en.subject).not.toMatch(/[ăâđêôơư]/i); // the body may quote Vietnamese names
    for (const short of [vi.short, en.short]) expect(foldDiacritics(short).length).toBeLessThanOrEqual(160);
  });

  it('shows deadlines in Hanoi time whatever the server time zone', () => {
    const vi = renderTemplate('dossier.accepted', 'vi', samples['dossier.accepted']);
    expect(vi.text).toContain('09:32 03/11/2023');
    const fromUtc = renderTemplate('officer.due_soon', 'en', {
      ...samples['officer.due_soon'],
      dueAt: '2023-11-03T02:32:00Z',
    });
    expect(fromUtc.text).toContain('09:32 03/11/2023 (Hanoi time)');
  });

  it('refuses parameters a template does not accept', () => {
    expect(() =>
      validateTemplateParams('dossier.apology', { dossierCode: code, reason: 'x', letterUrl: url }),
    ).toThrow();
  });

  it('writes money the Vietnamese way', () => {
    expect(renderTemplate('payment.requested', 'vi', samples['payment.requested']).text).toContain('1.250.000 đồng');
  });
});
