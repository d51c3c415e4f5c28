import ExcelJS from 'exceljs';
import type { FormCounts, FormReport, TrackingLog } from '../../../shared/schemas/reports.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** dd/mm/yyyy, as printed on Vietnamese official forms. */
function vnDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function heading(ws: ExcelJS.Worksheet, issuer: string, title: string, periodLine: string, lastCol: string): void {
  // Decree 30/2020 layout: issuing body left, national motto right, title centred below.
  ws.mergeCells('A1:D1');
  ws.getCell('A1').value = issuer.toUpperCase();
  ws.mergeCells(`F1:${lastCol}1`);
  ws.getCell('F1').value = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  ws.mergeCells(`F2:${lastCol}2`);
  ws.getCell('F2').value = 'Độc lập - Tự do - Hạnh phúc';
  ws.mergeCells(`A4:${lastCol}4`);
  ws.getCell('A4').value = title;
  ws.mergeCells(`A5:${lastCol}5`);
  ws.getCell('A5').value = periodLine;
  for (const a of ['A1', 'F1', 'F2', 'A4', 'A5']) {
    const c = ws.getCell(a);
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.font = { bold: a !== 'A5', italic: a === 'A5', size: a === 'A4' ? 13 : 11 };
  }
}

function box(ws: ExcelJS.Worksheet, range: string, text: string): void {
  const [from] = range.split(':') as [string];
  if (range.includes(':')) ws.mergeCells(range);
  const c = ws.getCell(from);
  c.value = text;
  c.font = { bold: true };
  c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

export function countsRow(c: FormCounts): number[] {
  return [
    c.received.total,
    c.received.online,
    c.received.inPersonOrPost,
    c.received.carriedOver,
    c.resolved.total,
    c.resolved.early,
    c.resolved.onTime,
    c.resolved.late,
    c.pending.total,
    c.pending.inTime,
    c.pending.overdue,
    c.closedOther,
  ];
}

/** Forms 06a / 07a of Circular 01/2020/TT-VPCP: three header rows with merged groups, then one row per unit or sector. */
export async function formWorkbook(report: FormReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Một Cửa';
  const ws = wb.addWorksheet(`Biểu ${report.form}`, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  heading(
    ws,
    report.unit?.name ?? 'Thành phố Hà Nội',
    report.title.toUpperCase(),
    `Kỳ báo cáo: từ ngày ${vnDate(report.period.from)} đến ngày ${vnDate(report.period.to)}`,
    'N',
  );
  box(ws, 'A7:A9', 'STT');
  box(ws, 'B7:B9', report.form === '06a' ? 'Đơn vị' : 'Lĩnh vực');
  box(ws, 'C7:F7', 'Số hồ sơ nhận giải quyết');
  box(ws, 'G7:J7', 'Số hồ sơ đã giải quyết');
  box(ws, 'K7:M7', 'Số hồ sơ đang giải quyết');
  box(ws, 'N7:N9', 'Số hồ sơ từ chối, rút, dừng giải quyết');
  box(ws, 'C8:C9', 'Tổng số');
  box(ws, 'D8:E8', 'Trong kỳ');
  box(ws, 'F8:F9', 'Từ kỳ trước chuyển qua');
  box(ws, 'G8:G9', 'Tổng số');
  box(ws, 'H8:H9', 'Trước hạn');
  box(ws, 'I8:I9', 'Đúng hạn');
  box(ws, 'J8:J9', 'Quá hạn');
  box(ws, 'K8:K9', 'Tổng số');
  box(ws, 'L8:L9', 'Trong hạn');
  box(ws, 'M8:M9', 'Quá hạn');
  box(ws, 'D9', 'Trực tuyến');
  box(ws, 'E9', 'Trực tiếp, dịch vụ bưu chính');
  ws.getRow(10).values = ['(1)', '(2)', ...Array.from({ length: 12 }, (_, i) => `(${i + 3})`)];
  report.rows.forEach((r, i) => ws.addRow([i + 1, r.label, ...countsRow(r.counts)]));
  const total = ws.addRow(['', 'Tổng cộng', ...countsRow(report.total)]);
  total.font = { bold: true };
  ws.columns.forEach((col, i) => (col.width = i === 1 ? 42 : i === 0 ? 6 : 12));
  for (let r = 7; r <= ws.rowCount; r++) ws.getRow(r).eachCell({ includeEmpty: true }, (c) => (c.border = BORDER));
  if (!report.invariant.holds) {
    const warn = ws.addRow([
      '',
      `CẢNH BÁO: số liệu không khớp (nhận = đã giải quyết + đang giải quyết + từ chối/rút/dừng) tại: ${report.invariant.failures.map((f) => f.key).join(', ')}`,
    ]);
    warn.font = { bold: true, color: { argb: 'FFC00000' } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const LOG_HEADERS = [
  'STT',
  'Mã hồ sơ',
  'Tên thủ tục hành chính',
  'Số lượng hồ sơ (bộ)',
  'Tên cá nhân, tổ chức',
  'Địa chỉ',
  'Số điện thoại',
  'Nhận hồ sơ',
  'Hẹn trả kết quả',
  'Trả kết quả',
  'Cán bộ tiếp nhận',
  'Lĩnh vực',
  'Ghi chú',
];

/** Form 06 of Circular 01/2018/TT-VPCP: the dossier tracking log (sổ theo dõi hồ sơ). */
export async function trackingLogWorkbook(log: TrackingLog): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sổ theo dõi', { pageSetup: { paperSize: 9, orientation: 'landscape' } });
  heading(
    ws,
    log.unit?.name ?? 'Thành phố Hà Nội',
    'SỔ THEO DÕI HỒ SƠ',
    `Từ ngày ${vnDate(log.period.from)} đến ngày ${vnDate(log.period.to)}`,
    'M',
  );
  LOG_HEADERS.forEach((h, i) => box(ws, `${String.fromCharCode(65 + i)}7`, h));
  const time = (iso: string | null) => (iso ? `${iso.slice(11, 16)} ${vnDate(iso)}` : '');
  for (const e of log.entries) {
    ws.addRow([
      e.no,
      e.code,
      e.content,
      e.sets,
      e.owner,
      e.address,
      e.phone,
      time(e.receivedAt),
      time(e.dueAt),
      time(e.returnedAt),
      e.receivingOfficer,
      e.area,
      e.note,
    ]);
  }
  ws.columns.forEach((col, i) => (col.width = [6, 26, 40, 8, 24, 30, 14, 17, 17, 17, 22, 22, 20][i] ?? 12));
  for (let r = 7; r <= ws.rowCount; r++) ws.getRow(r).eachCell({ includeEmpty: true }, (c) => (c.border = BORDER));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
