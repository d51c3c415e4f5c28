import { z } from 'zod';
import { formatWhen } from './format.ts';
import { defineTemplate } from './types.ts';

const DossierCode = z.string().min(3).max(64);
const Instant = z.iso.datetime({ offset: true });
const StepName = z.string().min(1).optional();

/** Messages to officers from the SLA watch (DOMAIN §3–§4), Vietnamese first. */
export const officerTemplates = {
  // No statutory limit for accepting an online dossier (DOMAIN §3.2 [U]): a configured SLA, alerted on.
  'officer.waiting_acceptance': defineTemplate({
    audience: 'officer',
    params: z.object({
      dossierCode: DossierCode,
      submittedAt: Instant,
      waitingHours: z.number().nonnegative(),
      workspaceUrl: z.url(),
    }),
    render: {
      vi: (p) => ({
        subject: `Hồ sơ ${p.dossierCode} chờ tiếp nhận quá hạn`,
        text: `Hồ sơ trực tuyến ${p.dossierCode} nộp lúc ${formatWhen(p.submittedAt, 'vi')} đã chờ tiếp nhận ${Math.floor(p.waitingHours)} giờ.\nXử lý: ${p.workspaceUrl}`,
        short: `Ho so ${p.dossierCode} cho tiep nhan ${Math.floor(p.waitingHours)} gio.`,
        link: p.workspaceUrl,
      }),
      en: (p) => ({
        subject: `Dossier ${p.dossierCode} is waiting too long for acceptance`,
        text: `Online dossier ${p.dossierCode}, submitted ${formatWhen(p.submittedAt, 'en')}, has waited ${Math.floor(p.waitingHours)} hours for acceptance.\nOpen: ${p.workspaceUrl}`,
        short: `Dossier ${p.dossierCode} waiting ${Math.floor(p.waitingHours)} h for acceptance.`,
        link: p.workspaceUrl,
      }),
    },
  }),
  // DOMAIN §4: "due soon" = due within 24 hours.
  'officer.due_soon': defineTemplate({
    audience: 'officer',
    params: z.object({ dossierCode: DossierCode, dueAt: Instant, stepName: StepName, workspaceUrl: z.url() }),
    render: {
      vi: (p) => ({
        subject: `Sắp đến hạn: hồ sơ ${p.dossierCode}`,
        text: `${p.stepName ? `Bước "${p.stepName}" của hồ sơ` : 'Hồ sơ'} ${p.dossierCode} đến hạn lúc ${formatWhen(p.dueAt, 'vi')}.\nXử lý: ${p.workspaceUrl}`,
        short: `Ho so ${p.dossierCode} den han ${formatWhen(p.dueAt, 'vi')}.`,
        link: p.workspaceUrl,
      }),
      en: (p) => ({
        subject: `Due soon: dossier ${p.dossierCode}`,
        text: `${p.stepName ? `Step "${p.stepName}" of dossier` : 'Dossier'} ${p.dossierCode} is due ${formatWhen(p.dueAt, 'en')}.\nOpen: ${p.workspaceUrl}`,
        short: `Dossier ${p.dossierCode} due ${formatWhen(p.dueAt, 'en')}.`,
        link: p.workspaceUrl,
      }),
    },
  }),
  // Decree 61/2018 Art. 19(9): a late dossier needs an apology letter (form 04) and a new date.
  'officer.overdue': defineTemplate({
    audience: 'officer',
    params: z.object({ dossierCode: DossierCode, dueAt: Instant, stepName: StepName, workspaceUrl: z.url() }),
    render: {
      vi: (p) => ({
        subject: `Quá hạn: hồ sơ ${p.dossierCode}`,
        text: `${p.stepName ? `Bước "${p.stepName}" của hồ sơ` : 'Hồ sơ'} ${p.dossierCode} đã quá hạn từ ${formatWhen(p.dueAt, 'vi')}. Hồ sơ trễ hạn phải có phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04).\nXử lý: ${p.workspaceUrl}`,
        short: `Ho so ${p.dossierCode} da qua han tu ${formatWhen(p.dueAt, 'vi')}.`,
        link: p.workspaceUrl,
      }),
      en: (p) => ({
        subject: `Overdue: dossier ${p.dossierCode}`,
        text: `${p.stepName ? `Step "${p.stepName}" of dossier` : 'Dossier'} ${p.dossierCode} has been overdue since ${formatWhen(p.dueAt, 'en')}. A late dossier needs an apology letter with a new date (form 04).\nOpen: ${p.workspaceUrl}`,
        short: `Dossier ${p.dossierCode} overdue since ${formatWhen(p.dueAt, 'en')}.`,
        link: p.workspaceUrl,
      }),
    },
  }),
  // Decree 61/2018 Art. 19(9): at least one working day before the deadline the competent agency writes
  // the apology letter (form 04) with the reason and one new date; the system asks for it.
  'officer.apology_needed': defineTemplate({
    audience: 'officer',
    params: z.object({ dossierCode: DossierCode, dueAt: Instant, workspaceUrl: z.url() }),
    render: {
      vi: (p) => ({
        subject: `Cần phiếu xin lỗi: hồ sơ ${p.dossierCode}`,
        text: `Hồ sơ ${p.dossierCode} đến hạn lúc ${formatWhen(p.dueAt, 'vi')}. Nếu không kịp trả kết quả, cơ quan giải quyết lập phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04), chậm nhất 01 ngày làm việc trước hạn, trình lãnh đạo duyệt.\nXử lý: ${p.workspaceUrl}`,
        short: `Ho so ${p.dossierCode} den han ${formatWhen(p.dueAt, 'vi')}: lap phieu xin loi (mau 04) neu tre.`,
        link: p.workspaceUrl,
      }),
      en: (p) => ({
        subject: `Apology letter needed: dossier ${p.dossierCode}`,
        text: `Dossier ${p.dossierCode} is due ${formatWhen(p.dueAt, 'en')}. If the result cannot be ready, the handling agency writes an apology letter with one new date (form 04) at least one working day before the deadline, for a leader to approve.\nOpen: ${p.workspaceUrl}`,
        short: `Dossier ${p.dossierCode} due ${formatWhen(p.dueAt, 'en')}: write form 04 if late.`,
        link: p.workspaceUrl,
      }),
    },
  }),
};
