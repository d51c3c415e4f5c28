import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { seedCatalogue } from '../catalogue/seed.ts';
import { seedIdentityDemo } from '../identity/demo-seed.ts';
import { seedDossiersDemo } from './demo-seed.ts';

let t: TestApp;
let filesDir: string;
beforeAll(async () => {
  filesDir = await mkdtemp(join(tmpdir(), 'motcua-files-'));
  t = await createTestApp({ FILES_DIR: filesDir });
  await seedIdentityDemo(t.ctx);
  await seedCatalogue(t.ctx);
});
afterAll(async () => {
  await t.close();
  await rm(filesDir, { recursive: true, force: true });
});

describe('demo dossiers', () => {
  it('creates three birth registrations at Phường Phúc Tân once', async () => {
    const first = await seedDossiersDemo(t.ctx);
    expect(first.lines).toHaveLength(3);
    const statuses = await t.ctx.db.selectFrom('dossiers').select('status').orderBy('submitted_at').execute();
    expect(statuses.map((s) => s.status).sort()).toEqual([1, 2, 4]);
    expect((await seedDossiersDemo(t.ctx)).lines).toEqual([]);
  });
});
