import { z } from 'zod';
import { formatVnd, formatWhen } from './format.ts';
import { defineTemplate } from './types.ts';

const DossierCode = z.string().min(3).max(64);
const Instant = z.iso.datetime({ offset: true });

/** Messages to applicants (citizens and businesses), Vietnamese first. */
export const citizenTemplates = {
  // Decree 61/2018 Art. 17(1): an accepted dossier gets the receipt and appointment slip (form 01).
  'dossier.accepted': defineTemplate({
    audience: 'citizen',
    params: z.object({
      dossierCode: DossierCode,
      procedureName: z.string().min(1),
      appointmentAt: Instant,
      receiptUrl: z.url(),
    }),
    render: {
      vi: (p) => ({
        subject: `Hồ sơ ${p.dossierCode} đã được tiếp nhận`,
        text: `Hồ sơ ${p.dossierCode} (${p.procedureName}) đã được tiếp nhận.\nThời gian hẹn trả kết quả: ${formatWhen(p.appointmentAt, 'vi')}.\nGiấy tiếp nhận hồ sơ và hẹn trả kết quả (mẫu 01): ${p.receiptUrl}`,
        short: `Ho so ${p.dossierCode} da duoc tiep nhan. Hen tra ket qua: ${formatWhen(p.appointmentAt, 'vi')}.`,
        link: p.receiptUrl,
      }),
      en: (p) => ({
        subject: `Dossier ${p.dossierCode} has been accepted`,
        text: `Dossier ${p.dossierCode} (${p.procedureName}) has been accepted.\nResult due: ${formatWhen(p.appointmentAt, 'en')}.\nReceipt and appointment slip (form 01): ${p.receiptUrl}`,
        short: `Dossier ${p.dossierCode} accepted. Result due ${formatWhen(p.appointmentAt, 'en')}.`,
        link: p.receiptUrl,
      }),
    },
  }),
  // Decree 61/2018 Art. 17(2)(a), 19(4): one complete written request for everything missing (form 02).
  'dossier.supplement_requested': defineTemplate({
    audience: 'citizen',
    params: z.object({ dossierCode: DossierCode, items: z.array(z.string().min(1)).min(1), noticeUrl: z.url() }),
    render: {
      vi: (p) => ({
        subject: `Hồ sơ ${p.dossierCode} cần bổ sung`,
        text: `Hồ sơ ${p.dossierCode} cần bổ sung, hoàn thiện các giấy tờ sau:\n${p.items.map((i) => `- ${i}`).join('\n')}\nPhiếu yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu 02): ${p.noticeUrl}`,
        short: `Ho so ${p.dossierCode} can bo sung ${p.items.length} giay to. Xem phieu yeu cau.`,
        link: p.noticeUrl,
      }),
      en: (p) => ({
        subject: `Dossier ${p.dossierCode} needs more documents`,
        text: `Dossier ${p.dossierCode} needs the following to be supplied or completed:\n${p.items.map((i) => `- ${i}`).join('\n')}\nSupplement request (form 02): ${p.noticeUrl}`,
        short: `Dossier ${p.dossierCode} needs ${p.items.length} more document(s). See the request.`,
        link: p.noticeUrl,
      }),
    },
  }),
  // Decree 61/2018 Art. 17(1)(b), 19(8): a refusal always states its reason (form 03).
  'dossier.refused': defineTemplate({
    audience: 'citizen',
    params: z.object({ dossierCode: DossierCode, reason: z.string().min(1), noticeUrl: z.url() }),
    render: {
      vi: (p) => ({
        subject: `Hồ sơ ${p.dossierCode} bị từ chối`,
        text: `Hồ sơ ${p.dossierCode} không được giải quyết.\nLý do: ${p.reason}\nPhiếu từ chối (mẫu 03): ${p.noticeUrl}`,
        short: `Ho so ${p.dossierCode} bi tu choi. Xem ly do trong phieu tu choi.`,
        link: p.noticeUrl,
      }),
      en: (p) => ({
        subject: `Dossier ${p.dossierCode} has been refused`,
        text: `Dossier ${p.dossierCode} cannot be processed.\nReason: ${p.reason}\nRefusal notice (form 03): ${p.noticeUrl}`,
        short: `Dossier ${p.dossierCode} refused. See the notice for the reason.`,
        link: p.noticeUrl,
      }),
    },
  }),
  // Decree 61/2018 Art. 19(9): an apology with the reason and ONE new date, at least one day before the deadline.
  'dossier.apology': defineTemplate({
    audience: 'citizen',
    params: z.object({
      dossierCode: DossierCode,
      reason: z.string().min(1),
      newAppointmentAt: Instant,
      letterUrl: z.url(),
    }),
    render: {
      vi: (p) => ({
        subject: `Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${p.dossierCode}`,
        text: `Cơ quan giải quyết xin lỗi vì hồ sơ ${p.dossierCode} không thể trả kết quả đúng hẹn.\nLý do: ${p.reason}\nThời gian hẹn trả kết quả mới: ${formatWhen(p.newAppointmentAt, 'vi')}.\nPhiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04): ${p.letterUrl}`,
        short: `Xin loi: ho so ${p.dossierCode} tre hen. Hen tra moi: ${formatWhen(p.newAppointmentAt, 'vi')}.`,
        link: p.letterUrl,
      }),
      en: (p) => ({
        subject: `Apology and new date for dossier ${p.dossierCode}`,
        text: `We apologise: the result of dossier ${p.dossierCode} cannot be ready on the date given.\nReason: ${p.reason}\nNew date: ${formatWhen(p.newAppointmentAt, 'en')}.\nApology letter (form 04): ${p.letterUrl}`,
        short: `Apology: dossier ${p.dossierCode} is late. New date ${formatWhen(p.newAppointmentAt, 'en')}.`,
        link: p.letterUrl,
      }),
    },
  }),
  'payment.requested': defineTemplate({
    audience: 'citizen',
    params: z.object({ dossierCode: DossierCode, amountVnd: z.number().int().positive(), paymentUrl: z.url() }),
    render: {
      vi: (p) => ({
        subject: `Đề nghị nộp phí, lệ phí cho hồ sơ ${p.dossierCode}`,
        text: `Hồ sơ ${p.dossierCode} cần nộp phí, lệ phí: ${formatVnd(p.amountVnd, 'vi')}.\nThanh toán trực tuyến: ${p.paymentUrl}`,
        short: `Ho so ${p.dossierCode}: vui long nop ${formatVnd(p.amountVnd, 'vi').replace('đồng', 'dong')}.`,
        link: p.paymentUrl,
      }),
      en: (p) => ({
        subject: `Payment requested for dossier ${p.dossierCode}`,
        text: `Dossier ${p.dossierCode} requires fees of ${formatVnd(p.amountVnd, 'en')}.\nPay online: ${p.paymentUrl}`,
        short: `Dossier ${p.dossierCode}: please pay ${formatVnd(p.amountVnd, 'en')}.`,
        link: p.paymentUrl,
      }),
    },
  }),
  // Decree 61/2018 Art. 20(4): an early result is announced beforehand by SMS, e-mail or phone.
  'dossier.result_ready': defineTemplate({
    audience: 'citizen',
    params: z.object({ dossierCode: DossierCode, returnPlace: z.string().min(1), trackingUrl: z.url() }),
    render: {
      vi: (p) => ({
        subject: `Hồ sơ ${p.dossierCode} đã có kết quả`,
        text: `Hồ sơ ${p.dossierCode} đã có kết quả.\nNơi nhận kết quả: ${p.returnPlace}.\nTra cứu: ${p.trackingUrl}`,
        short: `Ho so ${p.dossierCode} da co ket qua. Moi ong/ba den nhan theo giay hen.`,
        link: p.trackingUrl,
      }),
      en: (p) => ({
        subject: `The result of dossier ${p.dossierCode} is ready`,
        text: `The result of dossier ${p.dossierCode} is ready.\nCollect it at: ${p.returnPlace}.\nTrack: ${p.trackingUrl}`,
        short: `Result of dossier ${p.dossierCode} is ready for collection.`,
        link: p.trackingUrl,
      }),
    },
  }),
  'dossier.result_returned': defineTemplate({
    audience: 'citizen',
    params: z.object({ dossierCode: DossierCode, trackingUrl: z.url() }),
    render: {
      vi: (p) => ({
        subject: `Đã trả kết quả hồ sơ ${p.dossierCode}`,
        text: `Kết quả hồ sơ ${p.dossierCode} đã được trả. Cảm ơn ông/bà đã sử dụng dịch vụ công.\nĐánh giá mức độ hài lòng: ${p.trackingUrl}`,
        short: `Ho so ${p.dossierCode} da tra ket qua. Cam on ong/ba.`,
        link: p.trackingUrl,
      }),
      en: (p) => ({
        subject: `Dossier ${p.dossierCode}: result returned`,
        text: `The result of dossier ${p.dossierCode} has been returned. Thank you for using our public services.\nRate the service: ${p.trackingUrl}`,
        short: `Dossier ${p.dossierCode}: result returned. Thank you.`,
        link: p.trackingUrl,
      }),
    },
  }),
};
