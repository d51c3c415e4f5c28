import PDFDocument from 'pdfkit';
import { formatDong, dongInWords } from './money.ts';
import type { PaymentIntent } from './schemas.ts';

const FONTS = new URL('../../assets/fonts/', import.meta.url).pathname;

export interface ReceiptOptions {
  /** Who collects (the unit's name), printed in the header. */
  issuer: string;
  issuedAt: Date;
  /** Tests turn compression off to read the content streams. */
  compress?: boolean;
}

function vnDateTime(at: Date): string {
  // Receipts show Hà Nội time (UTC+7, no daylight saving) whatever the server's zone.
  const local = new Date(at.getTime() + 7 * 3600_000).toISOString();
  return `${local.slice(11, 16)} ${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`;
}

/**
 * Biên lai điện tử (e-receipt) of a succeeded payment: payer, subject reference (the dossier code),
 * fee lines, total in figures and in words, gateway and its transaction reference. The font is
 * embedded from server/assets/fonts (Vietnamese letters are not in PDF's standard fonts).
 */
export async function renderReceiptPdf(intent: PaymentIntent, options: ReceiptOptions): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A5',
    margin: 36,
    compress: options.compress ?? true,
    info: { Title: `Biên lai ${intent.reference}`, Author: options.issuer, CreationDate: options.issuedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.registerFont('regular', `${FONTS}DejaVuSans.ttf`);
  doc.registerFont('bold', `${FONTS}DejaVuSans-Bold.ttf`);
  const credit = intent.credits.find((c) => c.status === 'APPLIED');

  doc.font('bold').fontSize(10).text(options.issuer.toUpperCase(), { align: 'center' });
  doc.moveDown(0.5).fontSize(14).text('BIÊN LAI THU PHÍ, LỆ PHÍ ĐIỆN TỬ', { align: 'center' });
  doc.font('regular').fontSize(9).text(`Số: ${intent.reference}`, { align: 'center' });
  doc.moveDown();

  const row = (label: string, value: string) => {
    doc.font('regular').fontSize(9).text(`${label}: `, { continued: true }).font('bold').text(value);
  };
  row('Người nộp', intent.payer.name);
  if (intent.payer.idNumber) row('Số định danh', intent.payer.idNumber);
  if (intent.payer.address) row('Địa chỉ', intent.payer.address);
  row('Mã hồ sơ / đối tượng', intent.subject.reference);
  doc.moveDown(0.5);

  doc.font('bold').fontSize(9).text('Các khoản thu:');
  intent.feeLines.forEach((line, i) => {
    doc
      .font('regular')
      .text(`${i + 1}. ${line.label.vi}`, { continued: true })
      .text(`  ${formatDong(line.amount)}`, { align: 'right' });
  });
  doc.moveDown(0.5);
  row('Tổng cộng', formatDong(intent.amount));
  row('Bằng chữ', dongInWords(intent.amount));
  doc.moveDown(0.5);
  row('Hình thức', credit ? `Thanh toán trực tuyến qua ${credit.provider.toUpperCase()}` : 'Chưa thanh toán');
  if (credit) row('Mã giao dịch của cổng thanh toán', credit.providerTransactionId);
  if (intent.paidAt) row('Thời điểm thanh toán', vnDateTime(intent.paidAt));
  row('Ngày lập biên lai', vnDateTime(options.issuedAt));
  doc.end();
  return done;
}
