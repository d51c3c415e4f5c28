import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

const FONTS = new URL('../../../assets/fonts/', import.meta.url).pathname;

/** `hh giờ mm phút, ngày dd/mm/yyyy` in Hanoi time (UTC+7), whatever the server's zone. */
export function vnDateTime(at: Date | string | null | undefined): string {
  if (!at) return '…';
  const local = new Date(new Date(at).getTime() + 7 * 3_600_000).toISOString();
  return `${local.slice(11, 13)} giờ ${local.slice(14, 16)} phút, ngày ${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`;
}

export interface FormDocument {
  doc: PDFKit.PDFDocument;
  done: Promise<Buffer>;
}

/**
 * An A5 page (Circular 01/2018 Art. 9: forms in A5, the log in A4) with the DejaVu font embedded for
 * Vietnamese letters, the issuing agency at the left and the national motto at the right.
 */
export function startForm(options: {
  title: string;
  agencyName: string;
  landscape?: boolean;
  compress?: boolean;
}): FormDocument {
  const doc = new PDFDocument({
    size: 'A5',
    layout: options.landscape ? 'landscape' : 'portrait',
    margin: 32,
    compress: options.compress ?? true,
    info: { Title: options.title, Author: options.agencyName },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('regular', `${FONTS}DejaVuSans.ttf`);
  doc.registerFont('bold', `${FONTS}DejaVuSans-Bold.ttf`);

  const width = doc.page.width - 64;
  const half = width * 0.42;
  const top = doc.y;
  doc.font('bold').fontSize(7.5).text(options.agencyName.toUpperCase(), 32, top, { width: half, align: 'center' });
  doc
    .font('bold')
    .fontSize(7.5)
    .text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 32 + half, top, { width: width - half, align: 'center' });
  doc
    .font('bold')
    .fontSize(8)
    .text('Độc lập - Tự do - Hạnh phúc', { width: width - half, align: 'center' });
  doc.x = 32;
  doc.moveDown(1.2);
  doc.font('bold').fontSize(11).text(options.title, 32, doc.y, { width, align: 'center' });
  doc.moveDown(0.6);
  doc.font('regular').fontSize(8.5);
  return { doc, done };
}

export function line(doc: PDFKit.PDFDocument, label: string, value: string | null | undefined): void {
  doc
    .font('regular')
    .fontSize(8.5)
    .text(`${label}: `, { continued: true })
    .font('bold')
    .text(value && value.length > 0 ? value : '…');
}

/** A QR code at the right margin from the current line, with a caption; returns the bottom of what it drew. */
export async function addQr(doc: PDFKit.PDFDocument, url: string, caption: string): Promise<number> {
  const png = await QRCode.toBuffer(url, { margin: 1, width: 160, errorCorrectionLevel: 'M' });
  const size = 64;
  const x = doc.page.width - 32 - size;
  const y = doc.y;
  doc.image(png, x, y, { width: size });
  doc
    .font('regular')
    .fontSize(6.5)
    .text(caption, x - 30, y + size + 2, { width: size + 30, align: 'center' });
  const bottom = doc.y;
  doc.x = 32;
  doc.y = y;
  return bottom;
}

/** Signature blocks side by side: title, "(Ký, ghi rõ họ tên)", and the name. */
export function signatures(doc: PDFKit.PDFDocument, blocks: { title: string; name: string | null }[]): void {
  doc.moveDown(1);
  const width = (doc.page.width - 64) / blocks.length;
  const y = doc.y;
  blocks.forEach((b, i) => {
    const x = 32 + i * width;
    doc.font('bold').fontSize(8.5).text(b.title, x, y, { width, align: 'center' });
    doc.font('regular').fontSize(7).text('(Ký, ghi rõ họ tên)', x, doc.y, { width, align: 'center' });
    doc
      .font('bold')
      .fontSize(8.5)
      .text(b.name ?? '', x, doc.y + 28, { width, align: 'center' });
  });
  doc.x = 32;
}

/** A simple table with column widths in points and a header row. */
export function table(doc: PDFKit.PDFDocument, columns: { title: string; width: number }[], rows: string[][]): void {
  const draw = (cells: string[], bold: boolean) => {
    const y = doc.y;
    let x = 32;
    let height = 0;
    cells.forEach((cell, i) => {
      const w = columns[i]!.width;
      doc.font(bold ? 'bold' : 'regular').fontSize(7.5);
      height = Math.max(height, doc.heightOfString(cell, { width: w - 4 }) + 4);
    });
    if (y + height > doc.page.height - 40) doc.addPage();
    const top = doc.y;
    cells.forEach((cell, i) => {
      const w = columns[i]!.width;
      doc.rect(x, top, w, height).stroke();
      doc
        .font(bold ? 'bold' : 'regular')
        .fontSize(7.5)
        .text(cell, x + 2, top + 2, { width: w - 4 });
      x += w;
    });
    doc.x = 32;
    doc.y = top + height;
  };
  draw(
    columns.map((c) => c.title),
    true,
  );
  for (const r of rows) draw(r, false);
  doc.moveDown(0.5);
}
