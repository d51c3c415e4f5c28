import type { ProcedureVersion } from '../../../../shared/schemas/procedure.ts';
import type { AppContext } from '../../../context.ts';
import { AppError } from '../../../http/errors.ts';
import { getProcedureVersion } from '../../catalogue/service.ts';
import type { Actor } from '../../identity/service.ts';
import { getAgency } from '../../units/service.ts';
import * as repo from '../repository.ts';
import { getVisibleDossier } from '../service.ts';
import type { SupplementRequest } from '../workflow.ts';
import { controlSlipRows } from './control-slip.ts';
import { addCodeBand } from './barcode.ts';
import { line, signatures, startForm, table, vnDateTime } from './pdf.ts';

type FormCode = '01' | '02' | '03' | '05';

interface Data {
  ctx: AppContext;
  row: repo.DossierRow;
  version: ProcedureVersion;
  events: repo.EventRow[];
  agencyName: string;
  compress: boolean;
}

const TIMELINESS = { early: 'Trước hạn', onTime: 'Đúng hạn', late: 'Quá hạn' } as const;
const DELIVERY = {
  counter: 'Tại Bộ phận Một cửa',
  post: 'Qua dịch vụ bưu chính công ích',
  online: 'Trực tuyến',
} as const;
const UNIT = { workingDays: 'ngày làm việc', workingHours: 'giờ làm việc', calendarDays: 'ngày' } as const;

function unavailable(form: FormCode, why: string): AppError {
  return new AppError('CONFLICT', {
    vi: `Chưa có mẫu ${form}: ${why}.`,
    en: `Form ${form} is not available for this dossier yet.`,
  });
}

const lastEvent = (d: Data, action: string) => [...d.events].reverse().find((e) => e.action === action);

async function form01(d: Data): Promise<Buffer> {
  if (!d.row.code) throw unavailable('01', 'hồ sơ chưa được tiếp nhận');
  const accepted = lastEvent(d, 'accept');
  const { doc, done } = startForm({
    title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    agencyName: d.agencyName,
    compress: d.compress,
  });
  await addCodeBand(doc, d.row.code, trackingUrl(d));
  line(doc, 'Mã hồ sơ', d.row.code);
  doc.font('regular').text(`${d.agencyName} tiếp nhận hồ sơ của:`);
  line(doc, 'Ông/bà', d.row.applicant.name);
  line(doc, 'Địa chỉ', d.row.applicant.address);
  line(doc, 'Số điện thoại', d.row.applicant.phone);
  line(doc, 'E-mail', d.row.applicant.email);
  line(doc, 'Số CMND/CCCD', d.row.applicant.idNumber);
  line(doc, 'Nội dung yêu cầu giải quyết', `${d.version.name} (${d.version.code})`);
  line(doc, 'Chủ hồ sơ', d.row.owner.name);
  line(doc, 'Hình thức nộp phí, lệ phí', d.version.onlineLevel === 4 ? 'Trực tuyến hoặc tại quầy' : 'Tại quầy');
  // A fee paid online after the receipt was first printed shows on every later copy (issue 8).
  for (const paid of d.events.filter((e) => e.action === 'payment_received'))
    line(doc, 'Đã thanh toán phí, lệ phí', `${paid.note ?? ''}, ${vnDateTime(paid.at)}`);
  doc.moveDown(0.3).font('bold').text('Thành phần hồ sơ nộp gồm:');
  table(
    doc,
    [
      { title: 'TT', width: 22 },
      { title: 'Tên giấy tờ', width: 200 },
      { title: 'Bản chính', width: 44 },
      { title: 'Bản sao', width: 44 },
      { title: 'Bản chụp', width: 46 },
    ],
    d.version.components.map((c, i) => [
      String(i + 1),
      c.name,
      String(c.originals),
      String(c.certifiedCopies),
      String(c.photocopies),
    ]),
  );
  line(doc, 'Số lượng hồ sơ', '01 bộ');
  line(doc, 'Thời gian giải quyết theo quy định', `${d.version.timeLimit.value} ${UNIT[d.version.timeLimit.unit]}`);
  line(doc, 'Thời gian nhận hồ sơ', vnDateTime(d.row.accepted_at));
  line(doc, 'Thời gian trả kết quả', vnDateTime(d.row.due_at));
  line(doc, 'Nhận kết quả tại', `${DELIVERY[d.row.result_delivery]} — ${d.agencyName}`);
  signatures(doc, [
    { title: 'NGƯỜI NỘP HỒ SƠ', name: d.row.applicant.name },
    { title: 'NGƯỜI TIẾP NHẬN', name: accepted?.actor_name ?? null },
  ]);
  doc.end();
  return done;
}

async function form02(d: Data): Promise<Buffer> {
  const event = lastEvent(d, 'request_supplement');
  const request = event?.effect.supplement as SupplementRequest | undefined;
  if (!event || !request) throw unavailable('02', 'chưa có yêu cầu bổ sung');
  const { doc, done } = startForm({
    title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
    agencyName: d.agencyName,
    compress: d.compress,
  });
  line(doc, 'Mã hồ sơ', d.row.code ?? '(chưa cấp mã)');
  line(doc, 'Gửi ông/bà', d.row.applicant.name);
  line(doc, 'Hồ sơ đề nghị', d.version.name);
  line(doc, 'Ngày yêu cầu', vnDateTime(event.at));
  doc.moveDown(0.3).font('bold').text('Yêu cầu bổ sung, hoàn thiện các nội dung sau:');
  table(
    doc,
    [
      { title: 'TT', width: 22 },
      { title: 'Nội dung', width: 230 },
      { title: 'Số lượng', width: 44 },
      { title: 'Ghi chú', width: 60 },
    ],
    request.items.map((it, i) => [String(i + 1), it.name, String(it.count), it.note ?? '']),
  );
  line(doc, 'Lý do', request.reason);
  doc
    .font('regular')
    .fontSize(7.5)
    .text('Hồ sơ chỉ được yêu cầu bổ sung một lần (Nghị định 61/2018/NĐ-CP, Điều 17, 19).');
  signatures(doc, [
    { title: 'CÁN BỘ LIÊN HỆ', name: event.actor_name },
    { title: 'NGƯỜI HƯỚNG DẪN', name: event.actor_name },
  ]);
  doc.end();
  return done;
}

async function form03(d: Data): Promise<Buffer> {
  const event = lastEvent(d, 'refuse');
  if (!event) throw unavailable('03', 'hồ sơ không bị từ chối');
  const { doc, done } = startForm({
    title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
    agencyName: d.agencyName,
    compress: d.compress,
  });
  line(doc, 'Gửi ông/bà', d.row.applicant.name);
  line(doc, 'Hồ sơ đề nghị', `${d.version.name} (${d.version.code})`);
  line(doc, 'Ngày nộp', vnDateTime(d.row.submitted_at));
  line(doc, 'Ngày từ chối', vnDateTime(event.at));
  line(doc, 'Lý do từ chối', event.note);
  signatures(doc, [{ title: 'NGƯỜI TỪ CHỐI', name: event.actor_name }]);
  doc.end();
  return done;
}

async function form05(d: Data): Promise<Buffer> {
  if (!d.row.code) throw unavailable('05', 'hồ sơ chưa được tiếp nhận');
  const rows = controlSlipRows(
    d.events.map((e) => ({
      action: e.action,
      at: e.at,
      actorName: e.actor_name,
      fromStep: e.from_step,
      toStep: e.to_step,
      fromAgencyId: e.from_agency_id,
      toAgencyId: e.to_agency_id,
      note: e.note,
      effect: e.effect,
    })),
  );
  const names = new Map<string, string>();
  for (const r of rows) if (!names.has(r.agencyId)) names.set(r.agencyId, (await getAgency(d.ctx, r.agencyId)).name);
  const { doc, done } = startForm({
    title: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
    agencyName: d.agencyName,
    landscape: true,
    compress: d.compress,
  });
  line(doc, 'Mã hồ sơ', d.row.code);
  line(doc, 'Thủ tục', d.version.name);
  line(doc, 'Ngày hẹn trả', vnDateTime(d.row.due_at));
  table(
    doc,
    [
      { title: 'Tên cơ quan', width: 110 },
      { title: 'Thời gian giao', width: 82 },
      { title: 'Thời gian nhận', width: 82 },
      { title: 'Người giao', width: 70 },
      { title: 'Người nhận', width: 70 },
      { title: 'Kết quả', width: 52 },
      { title: 'Ghi chú', width: 60 },
    ],
    rows.map((r) => [
      names.get(r.agencyId) ?? r.agencyId,
      vnDateTime(r.givenAt),
      r.receivedAt ? vnDateTime(r.receivedAt) : '',
      r.giver ?? '',
      r.receiver ?? '',
      r.timeliness ? TIMELINESS[r.timeliness] : '',
      r.note ?? '',
    ]),
  );
  doc.end();
  return done;
}

function trackingUrl(d: Data): string {
  return `${d.ctx.config.PUBLIC_URL.replace(/\/$/, '')}/tra-cuu/${encodeURIComponent(d.row.code ?? '')}`;
}

const FORMS: Record<FormCode, (d: Data) => Promise<Buffer>> = {
  '01': form01,
  '02': form02,
  '03': form03,
  '05': form05,
};

/** Forms 01, 02, 03, 05 (Circular 01/2018/TT-VPCP Art. 9; DOMAIN §5) for a dossier the actor may read. */
export async function renderForm(
  ctx: AppContext,
  actor: Actor,
  id: string,
  form: FormCode,
  compress = true,
): Promise<Buffer> {
  const row = await getVisibleDossier(ctx, actor, id);
  const [version, events, agency] = await Promise.all([
    getProcedureVersion(ctx, row.procedure_version_id),
    repo.findEvents(ctx.db, row.id),
    getAgency(ctx, row.receiving_agency_id),
  ]);
  return FORMS[form]({ ctx, row, version, events, agencyName: agency.name, compress });
}
