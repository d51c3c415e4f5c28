import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createOfficer, loginAs } from '../../../test/helpers/auth.ts';
import { createPublishedProcedure, procedureInput } from '../../../test/helpers/catalogue.ts';
import { XLSX_TYPE } from './excel-export.ts';
import { seedCatalogue } from './seed.ts';

// Two databases: `a` holds the seeded catalogue, `b` starts empty and receives imports.
let a: TestApp;
let b: TestApp;
let adminA: Record<string, string>;
let adminB: Record<string, string>;
beforeAll(async () => {
  [a, b] = await Promise.all([createTestApp(), createTestApp()]);
  await seedCatalogue(a.ctx);
  // A procedure with history: two published versions and a draft.
  const v1 = await createPublishedProcedure(a.ctx, {
    code: '9.000001',
    validFrom: '2018-11-17',
    name: 'Thủ tục có lịch sử',
  });
  await createPublishedProcedure(a.ctx, { code: v1.code, validFrom: '2021-01-01', name: 'Thủ tục có lịch sử (2021)' });
  adminA = await loginAs(a.ctx, await createOfficer(a.ctx, { role: 'city_admin', unitCode: '01' }));
  adminB = await loginAs(b.ctx, await createOfficer(b.ctx, { role: 'city_admin', unitCode: '01' }));
}, 180_000); // two databases and the seed: slow on a busy machine
afterAll(async () => Promise.all([a.close(), b.close()]));

async function exportFrom(t: TestApp, headers: Record<string, string>, query = ''): Promise<Buffer> {
  const res = await t.app.inject({ url: `/api/catalogue/export.xlsx${query}`, headers });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain(XLSX_TYPE);
  return res.rawPayload;
}

const importInto = (t: TestApp, headers: Record<string, string>, payload: Buffer, type = XLSX_TYPE) =>
  t.app.inject({
    method: 'POST',
    url: '/api/catalogue/import',
    payload,
    headers: { ...headers, 'content-type': type },
  });

async function sheets(buffer: Buffer): Promise<Record<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return Object.fromEntries(
    wb.worksheets.map((ws) => {
      const rows: unknown[][] = [];
      ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return [ws.name, rows];
    }),
  );
}

async function edit(buffer: Buffer, change: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  change(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The data row of a sheet whose first two cells are (code, validFrom) = code and a column by key. */
function cell(wb: ExcelJS.Workbook, sheet: string, code: string, key: string, nth = 0): ExcelJS.Cell {
  const ws = wb.getWorksheet(sheet)!;
  let col = 0;
  ws.getRow(1).eachCell((c, i) => {
    if (typeof c.value === 'string' && c.value.endsWith(`(${key})`)) col = i;
  });
  const rows: number[] = [];
  ws.eachRow((row, i) => {
    if (row.getCell(1).value === code) rows.push(i);
  });
  return ws.getRow(rows[nth]!).getCell(col);
}

const total = async (t: TestApp) => (await t.app.inject('/api/procedures?pageSize=1')).json().total as number;

describe('Excel import: all or nothing', () => {
  it('reports all 5 planted errors by sheet, row and column and changes nothing', async () => {
    const clean = await exportFrom(a, adminA, '?codes=1.001193,2.000815,1.013225');
    const planted = await edit(clean, (wb) => {
      cell(wb, 'procedures', '1.013225', 'onlineLevel').value = 'bốn'; // 1. wrong type
      cell(wb, 'components', '2.000815', 'originals').value = { formula: '1+1', result: 2 }; // 2. formula
      cell(wb, 'workflow', '1.001193', 'budgetDays', 1).value = 5; // 3. budgets over the 1-day limit
      cell(wb, 'form_fields', '1.001193', 'name', 1).value = 'childName'; // 4. duplicate field name
      cell(wb, 'procedures', '2.000815', 'agencyId').value = '999.99.99.H26'; // 5. unknown agency
    });
    const res = await importInto(b, adminB, planted);
    expect(res.statusCode).toBe(400);
    const details = res.json().error.details as Array<{ sheet: string; row: number; column: string; message: string }>;
    expect(details.map((d) => `${d.sheet} ${d.column}`).sort()).toEqual(
      [
        expect.stringMatching(/^components [A-Z]+\d+ \(originals\)$/),
        expect.stringMatching(/^form_fields [A-Z]+\d+ \(name\)$/),
        expect.stringMatching(/^procedures [A-Z]+\d+ \(agencyId\)$/),
        expect.stringMatching(/^procedures [A-Z]+\d+ \(onlineLevel\)$/),
        expect.stringMatching(/^workflow [A-Z]+\d+ \(budgetDays\)$/),
      ].sort(),
    );
    expect(details).toHaveLength(5);
    expect(details.every((d) => d.row > 1)).toBe(true);
    expect(details.find((d) => d.sheet === 'workflow')!.message).toMatch(/5\.5.*1/);
    expect(await total(b)).toBe(0);
  });

  it('answers a file that is not a workbook with a report, not a crash', async () => {
    const res = await importInto(b, adminB, Buffer.from('PK\u0003\u0004 this is not really a zip'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('body');
    expect((await importInto(b, adminB, Buffer.from('{}'), 'application/json')).statusCode).toBe(415);
  });

  it('refuses an oversized sheet before reading it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('procedures');
    ws.addRow(['Mã thủ tục (code)', 'Hiệu lực từ (validFrom)']);
    for (let i = 0; i < 2100; i++) ws.addRow([`1.${String(i).padStart(6, '0')}`, '2020-01-01']);
    const res = await importInto(b, adminB, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.some((d: { message: string }) => /2000/.test(d.message))).toBe(true);
    expect(await total(b)).toBe(0);
  });

  it('refuses to change a published version and leaves it as it was', async () => {
    const clean = await exportFrom(a, adminA, '?codes=1.001193');
    const changed = await edit(clean, (wb) => {
      cell(wb, 'procedures', '1.001193', 'name').value = 'Tên khác';
    });
    const res = await importInto(a, adminA, changed);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].message).toMatch(/published|công bố/);
    expect((await a.app.inject('/api/procedures/1.001193')).json().name).toBe('Thủ tục đăng ký khai sinh');
  });
});

describe('Excel round trip', () => {
  it('exports, imports into an empty catalogue and exports the same workbook again', async () => {
    const first = await exportFrom(a, adminA);
    const res = await importInto(b, adminB, first);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ applied: true, created: 64, published: 64, unchanged: 0 });
    const second = await exportFrom(b, adminB);
    expect(await sheets(second)).toEqual(await sheets(first));

    const strip = ({ id: _id, publishedAt: _p, ...rest }: Record<string, unknown>) => rest;
    for (const path of [
      '/api/procedures/1.001193',
      '/api/procedures/1.013225',
      '/api/procedures/9.000001?at=2019-01-01',
    ]) {
      const [x, y] = await Promise.all([a.app.inject(path), b.app.inject(path)]);
      expect(strip(y.json())).toEqual(strip(x.json()));
    }
    expect((await b.app.inject('/api/catalogue/stats')).json()).toEqual(
      (await a.app.inject('/api/catalogue/stats')).json(),
    );
  });

  it('re-importing the same workbook changes nothing', async () => {
    const again = await importInto(a, adminA, await exportFrom(a, adminA));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: 0, updated: 0, published: 0, unchanged: 64 });
  });

  it('creates drafts from a workbook and publishes those marked published', async () => {
    const input = procedureInput({ code: '9.000002' });
    await b.app.inject({ method: 'POST', url: '/api/procedures', payload: input, headers: adminB });
    const exported = await exportFrom(b, adminB, '?codes=9.000002&drafts=true');
    const marked = await edit(exported, (wb) => {
      cell(wb, 'procedures', '9.000002', 'status').value = 'published';
      cell(wb, 'procedures', '9.000002', 'name').value = 'Đã sửa trong Excel';
    });
    const res = await importInto(b, adminB, marked);
    expect(res.json()).toMatchObject({ updated: 1, published: 1 });
    expect((await b.app.inject('/api/procedures/9.000002')).json().name).toBe('Đã sửa trong Excel');
  });

  it('refuses export and import without the catalogue permission', async () => {
    expect((await a.app.inject('/api/catalogue/export.xlsx')).statusCode).toBe(401);
    expect((await importInto(a, {}, Buffer.from('x'))).statusCode).toBe(401);
  });
});
