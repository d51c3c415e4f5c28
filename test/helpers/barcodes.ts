import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { prepareZXingModule, readBarcodes, type ReaderOptions, type ReadResult } from 'zxing-wasm/reader';

// ZXing-C++ compiled to WebAssembly, loaded from node_modules (its default would fetch it from a CDN).
prepareZXingModule({
  overrides: {
    wasmBinary: readFileSync(new URL(import.meta.resolve('zxing-wasm/reader/zxing_reader.wasm'))).buffer,
  },
});

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, as a DOM ImageData holds it. */
  data: Uint8ClampedArray;
  colorSpace: 'srgb';
}

/** Every barcode ZXing finds in a PNG file or in pixels. */
export function decodeBarcodes(
  image: Uint8Array | Pixels,
  formats: ReaderOptions['formats'] = ['Code128', 'QRCode'],
): Promise<ReadResult[]> {
  return readBarcodes(image as Uint8Array, { formats, tryHarder: true, maxNumberOfSymbols: 8 });
}

/**
 * The RGB images pdfkit embedded in a PDF (`/Subtype /Image`, `/DeviceRGB`, Flate), as pixels. It
 * understands exactly what pdfkit writes for a PNG: the colour channels in one stream, alpha in an SMask.
 */
export function pdfImages(pdf: Buffer): Pixels[] {
  const raw = pdf.toString('latin1');
  const images: Pixels[] = [];
  for (const m of raw.matchAll(/<<([^]*?)>>\s*stream\r?\n/g)) {
    const dict = m[1] ?? '';
    if (!/\/Subtype \/Image/.test(dict) || !/\/ColorSpace \/DeviceRGB/.test(dict)) continue;
    const num = (key: string) => Number(new RegExp(`/${key} (\\d+)`).exec(dict)?.[1]);
    const start = m.index + m[0].length;
    const rgb = inflateSync(pdf.subarray(start, start + num('Length')));
    const [width, height] = [num('Width'), num('Height')];
    const data = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      data.set(rgb.subarray(i * 3, i * 3 + 3), i * 4);
      data[i * 4 + 3] = 255;
    }
    images.push({ width, height, data, colorSpace: 'srgb' });
  }
  return images;
}

export function hasPdftoppm(): boolean {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The first page rendered to PNG by poppler's pdftoppm (Debian poppler-utils), as a printer would see it. */
export function renderFirstPage(pdf: Buffer, dpi = 200): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-pdf-'));
  try {
    writeFileSync(join(dir, 'form.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', 'form.pdf', 'page'], {
      cwd: dir,
    });
    return readFileSync(join(dir, 'page.png'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
