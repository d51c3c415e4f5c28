import { toBuffer } from 'bwip-js';
import { addQr } from './pdf.ts';

/** Quiet zone each side, in modules: ISO/IEC 15417 asks at least 10 for Code 128. */
const QUIET_MODULES = 10;
/** Pixels per module in the PNG; the PDF places it without interpolation, so edges stay sharp. */
const PIXELS_PER_MODULE = 3;
/** 0.75 pt ≈ 0.26 mm per module: within what counter scanners read at arm's length, and it fits A5. */
const MODULE_POINTS = 0.75;
const BAR_HEIGHT = 32;

/**
 * The dossier code as a Code 128 barcode (PNG, white background and quiet zones included), so a
 * counter scanner reads the code off form 01 instead of an officer typing it (DOMAIN §5).
 */
export async function code128Png(code: string): Promise<Buffer> {
  return toBuffer({
    bcid: 'code128',
    text: code,
    scale: PIXELS_PER_MODULE,
    height: 10,
    includetext: false, // the code is printed as text by the form, in the form's font
    paddingwidth: QUIET_MODULES,
    paddingheight: 1,
    backgroundcolor: 'FFFFFF',
  });
}

/**
 * The band under the title of form 01: the barcode of the dossier code with the code beneath it at
 * the left, the tracking QR at the right (Circular 01/2018 Art. 9, form 01; DOMAIN §5: code with barcode and QR).
 * Nothing is drawn beside the band: the form's lines start below it, so no text can run into the codes.
 */
export async function addCodeBand(doc: PDFKit.PDFDocument, code: string, trackingUrl: string): Promise<void> {
  const top = doc.y;
  const qrBottom = await addQr(doc, trackingUrl, 'Tra cứu hồ sơ');
  const png = await code128Png(code);
  const modules = png.readUInt32BE(16) / PIXELS_PER_MODULE; // PNG IHDR width, quiet zones included
  // From the left quiet zone (in the page margin) to 12 pt short of the QR code, which is 64 pt wide.
  const room = doc.page.width - 32 - 64 - 12 - (32 - QUIET_MODULES * MODULE_POINTS);
  const width = Math.min(modules * MODULE_POINTS, room); // a very long code gets narrower bars, never overlaps
  const quiet = (QUIET_MODULES * width) / modules;
  // The bars start at the text margin; the left quiet zone lies in the page margin.
  doc.image(png, 32 - quiet, top + 4, { width, height: BAR_HEIGHT });
  doc
    .font('regular')
    .fontSize(8)
    .text(code, 32, top + 4 + BAR_HEIGHT + 2, { width: width - 2 * quiet, align: 'center', characterSpacing: 0.5 });
  doc.x = 32;
  doc.y = Math.max(qrBottom, doc.y) + 6;
}
