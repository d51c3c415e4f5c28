import type { TemplateName, TemplateParams } from './catalogue.ts';

/**
 * Realistic parameters of every template: the administrators' preview and SMS length check (the same
 * values the tests render), and the catalogue's tests. Typed as an exhaustive map: a new template without
 * a sample does not compile.
 */
export const SAMPLE_CODE = '000.00.06.H56-231027-0361';
const url = 'https://dichvucong.hanoi.gov.vn/ho-so/000.00.06.H56-231027-0361';
const due = '2023-11-03T09:32:00+07:00';

export const TEMPLATE_SAMPLES: { [N in TemplateName]: TemplateParams<N> } = {
  'dossier.accepted': {
    dossierCode: SAMPLE_CODE,
    procedureName: 'Đăng ký khai sinh',
    appointmentAt: due,
    receiptUrl: url,
  },
  'dossier.supplement_requested': {
    dossierCode: SAMPLE_CODE,
    items: ['Bản sao CCCD', 'Giấy xác nhận cư trú'],
    noticeUrl: url,
  },
  'dossier.refused': { dossierCode: SAMPLE_CODE, reason: 'Không thuộc thẩm quyền', noticeUrl: url },
  'dossier.apology': {
    dossierCode: SAMPLE_CODE,
    reason: 'Chờ ý kiến liên ngành',
    newAppointmentAt: '2023-11-10T16:00:00+07:00',
    letterUrl: url,
  },
  'payment.requested': { dossierCode: SAMPLE_CODE, amountVnd: 1_250_000, paymentUrl: url },
  'dossier.result_ready': {
    dossierCode: SAMPLE_CODE,
    returnPlace: 'Bộ phận Một cửa UBND quận Ba Đình',
    trackingUrl: url,
  },
  'dossier.result_returned': { dossierCode: SAMPLE_CODE, trackingUrl: url },
  'officer.waiting_acceptance': {
    dossierCode: SAMPLE_CODE,
    submittedAt: '2023-10-23T08:00:00+07:00',
    waitingHours: 49.5,
    workspaceUrl: url,
  },
  'officer.due_soon': { dossierCode: SAMPLE_CODE, dueAt: due, stepName: 'Thẩm định', workspaceUrl: url },
  'officer.overdue': { dossierCode: SAMPLE_CODE, dueAt: due, workspaceUrl: url },
  'officer.apology_needed': { dossierCode: SAMPLE_CODE, dueAt: due, workspaceUrl: url },
  'identity.verify_phone': { code: '123456', expiresInMinutes: 15 },
  'identity.verify_email': { code: '123456', expiresInMinutes: 15 },
  'identity.reset_password': { code: '123456', expiresInMinutes: 15 },
};
