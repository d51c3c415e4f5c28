import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { decodeBarcodes, hasPdftoppm, pdfImages, renderFirstPage } from '../../../../test/helpers/barcodes.ts';
import {
  act,
  createCitizen,
  createCommune,
  createProcedure,
  loginAs,
  submitOnline,
  type Commune,
  type DossierView,
} from '../../../../test/helpers/dossiers.ts';
// The payments module's reader of pdfkit output (test-only use; there is no pdftotext here).
import { extractPdfText } from '../../payments/pdf-text.ts';

let t: TestApp;
let filesDir: string;
let commune: Commune;
let headers: { citizen: Record<string, string>; clerk: Record<string, string>; specialist: Record<string, string> };

beforeAll(async () => {
  filesDir = await mkdtemp(join(tmpdir(), 'motcua-files-'));
  t = await createTestApp({ FILES_DIR: filesDir });
  commune = await createCommune(t.ctx);
  headers = {
    citizen: await loginAs(t.ctx, await createCitizen(t.ctx)),
    clerk: await loginAs(t.ctx, commune.receptionist),
    specialist: await loginAs(t.ctx, commune.specialist),
  };
});

afterAll(async () => {
  await t.close();
  await rm(filesDir, { recursive: true, force: true });
});

async function pdf(id: string, form: string, h = headers.clerk) {
  const res = await t.app.inject({ url: `/api/dossiers/${id}/forms/${form}.pdf`, headers: h });
  return { res, text: res.statusCode === 200 ? extractPdfText(res.rawPayload).replace(/\s+/g, ' ') : '' };
}

async function step(d: DossierView, h: Record<string, string>, action: string, body: Record<string, unknown> = {}) {
  const res = await act(t.app, h, d, action, body);
  expect(res.statusCode).toBe(200);
  return res.json<DossierView>();
}

describe('forms as PDF', () => {
  it('prints form 01 in A5 with the motto, the code, the applicant, the components and both dates', async () => {
    const proc = await createProcedure(t.ctx, { name: 'Đăng ký khai sinh' });
    let d = await submitOnline(t.app, headers.citizen, proc.code, commune.agencyId);
    expect((await pdf(d.id, '01')).res.statusCode).toBe(409);
    d = await step(d, headers.clerk, 'accept');
    const { res, text } = await pdf(d.id, '01');
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.toString('latin1')).toMatch(/\/MediaBox \[0 0 419\.53 595\.28\]/);
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      d.code!,
      'Nguyễn Văn An',
      '0912345678',
      '001090012345',
      'Đăng ký khai sinh',
      'Tờ khai theo mẫu',
      '09 giờ 32 phút, ngày 27/10/2023',
      '09 giờ 32 phút, ngày 01/11/2023',
      'NGƯỜI TIẾP NHẬN',
    ])
      expect(text).toContain(expected);
  });

  it('prints the dossier code on form 01 as a Code 128 barcode that scans back, with the code beneath it', async () => {
    const proc = await createProcedure(t.ctx);
    let d = await submitOnline(t.app, headers.citizen, proc.code, commune.agencyId);
    d = await step(d, headers.clerk, 'accept');
    const { res, text } = await pdf(d.id, '01');
    // The code twice: under the barcode and on the "Mã hồ sơ" line.
    expect(text.split(d.code!).length - 1).toBe(2);
    const scanned = [];
    for (const image of pdfImages(res.rawPayload)) scanned.push(...(await decodeBarcodes(image)));
    expect(scanned.map((r) => [r.format, r.text]).sort()).toEqual([
      ['Code128', d.code],
      ['QRCode', `http://localhost:3000/tra-cuu/${encodeURIComponent(d.code!)}`],
    ]);
  });

  it.skipIf(!hasPdftoppm())('prints form 01 so that both codes scan from the rendered page, apart', async () => {
    const proc = await createProcedure(t.ctx, { name: 'Đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế' });
    let d = await submitOnline(t.app, headers.citizen, proc.code, commune.agencyId);
    d = await step(d, headers.clerk, 'accept');
    const page = renderFirstPage((await pdf(d.id, '01')).res.rawPayload);
    const found = await decodeBarcodes(new Uint8Array(page));
    const barcode = found.find((r) => r.format === 'Code128');
    const qr = found.find((r) => r.format === 'QRCode');
    expect(barcode?.text).toBe(d.code);
    expect(qr?.text).toContain('/tra-cuu/');
    // Side by side in one band: the barcode ends left of where the QR begins.
    const right = Math.max(barcode!.position.topRight.x, barcode!.position.bottomRight.x);
    expect(right).toBeLessThan(Math.min(qr!.position.topLeft.x, qr!.position.bottomLeft.x));
  });

  it('prints the itemised supplement (02), the refusal with its reason (03) and the control slip (05)', async () => {
    const proc = await createProcedure(t.ctx);
    let s = await submitOnline(t.app, headers.citizen, proc.code, commune.agencyId);
    s = await step(s, headers.clerk, 'request_supplement', {
      reason: 'Thiếu giấy tờ',
      items: [{ name: 'Giấy chứng sinh', count: 2 }],
    });
    const f02 = await pdf(s.id, '02');
    expect(f02.text).toContain('PHIẾU YÊU CẦU BỔ SUNG');
    expect(f02.text).toContain('Giấy chứng sinh');
    expect(f02.text).toContain('Thiếu giấy tờ');

    let r = await submitOnline(t.app, headers.citizen, proc.code, commune.agencyId);
    r = await step(r, headers.clerk, 'refuse', { reason: 'Không thuộc thẩm quyền giải quyết' });
    const f03 = await pdf(r.id, '03');
    expect(f03.text).toContain('PHIẾU TỪ CHỐI');
    expect(f03.text).toContain('Không thuộc thẩm quyền giải quyết');

    let d = await submitOnline(t.app, headers.citizen, proc.code, commune.agencyId);
    d = await step(d, headers.clerk, 'accept');
    d = await step(d, headers.clerk, 'assign');
    d = await step(d, headers.clerk, 'complete_step');
    d = await step(d, headers.specialist, 'assign');
    const f05 = await pdf(d.id, '05');
    expect(f05.text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    // One row per hand-over: desk → receptionist step, receptionist step → specialist step.
    expect(f05.text.match(/Ủy ban nhân dân phường Phúc Xá 09 giờ 32 phút/g)).toHaveLength(2);
    expect(f05.res.rawPayload.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 419\.53\]/);
  });

  it('refuses forms of a dossier outside the officer’s units', async () => {
    const proc = await createProcedure(t.ctx);
    const d = await submitOnline(t.app, headers.citizen, proc.code, commune.agencyId);
    const other = await createCommune(t.ctx, '00004');
    expect((await pdf(d.id, '01', await loginAs(t.ctx, other.receptionist))).res.statusCode).toBe(404);
  });
});
