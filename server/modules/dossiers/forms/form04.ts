import type { AppContext } from '../../../context.ts';
import { AppError } from '../../../http/errors.ts';
import { getProcedureVersion } from '../../catalogue/service.ts';
import type { Actor } from '../../identity/service.ts';
import { getAgency } from '../../units/service.ts';
import { findApologies } from '../apology.ts';
import { getVisibleDossier } from '../service.ts';
import { addQr, line, signatures, startForm, vnDateTime } from './pdf.ts';

/**
 * Form 04, "Phiếu xin lỗi và hẹn lại ngày trả kết quả" (Circular 01/2018/TT-VPCP; Decree 61/2018 Art.
 * 19(9)): A5, the handling agency's name beside the national motto, the reason and the ONE new date.
 * Available once a leader has approved the letter.
 */
export async function renderForm04(ctx: AppContext, actor: Actor, id: string, compress = true): Promise<Buffer> {
  const row = await getVisibleDossier(ctx, actor, id);
  const letter = (await findApologies(ctx.db, row.id)).find((a) => a.state === 'approved');
  if (!letter)
    throw new AppError('CONFLICT', {
      vi: 'Chưa có mẫu 04: phiếu xin lỗi chưa được lãnh đạo duyệt.',
      en: 'Form 04 is not available: no apology letter has been approved.',
    });
  const [version, agency] = await Promise.all([
    getProcedureVersion(ctx, row.procedure_version_id),
    getAgency(ctx, letter.agency_id),
  ]);
  const { doc, done } = startForm({
    title: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
    agencyName: agency.name,
    compress,
  });
  const base = ctx.config.PUBLIC_URL.replace(/\/$/, '');
  await addQr(doc, `${base}/tra-cuu/${encodeURIComponent(row.code ?? '')}`, 'Tra cứu hồ sơ');
  doc.font('regular').text(`Kính gửi: ${row.applicant.name}`);
  line(doc, 'Mã hồ sơ', row.code);
  line(doc, 'Nội dung yêu cầu giải quyết', `${version.name} (${version.code})`);
  line(doc, 'Ngày hẹn trả kết quả', vnDateTime(letter.previous_due_at));
  doc
    .moveDown(0.3)
    .font('regular')
    .text(`${agency.name} xin lỗi ông/bà vì hồ sơ nêu trên không thể trả kết quả đúng hẹn.`);
  line(doc, 'Lý do', letter.reason);
  line(doc, 'Thời gian hẹn trả kết quả lần sau', vnDateTime(letter.new_due_at));
  doc
    .moveDown(0.3)
    .font('regular')
    .text(`Mong nhận được sự thông cảm của ông/bà. Phiếu được lập lúc ${vnDateTime(letter.approved_at)}.`);
  signatures(doc, [{ title: 'THỦ TRƯỞNG CƠ QUAN', name: null }]);
  doc.end();
  return done;
}
