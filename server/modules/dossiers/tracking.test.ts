import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import {
  act,
  createCitizen,
  createCommune,
  createProcedure,
  loginAs,
  submitOnline,
} from '../../../test/helpers/dossiers.ts';

let t: TestApp;
let filesDir: string;

beforeAll(async () => {
  filesDir = await mkdtemp(join(tmpdir(), 'motcua-files-'));
  t = await createTestApp({ FILES_DIR: filesDir, RATE_LIMIT_LOOKUP_MAX: '5' });
});

afterAll(async () => {
  await t.close();
  await rm(filesDir, { recursive: true, force: true });
});

describe('public tracking', () => {
  it('is rate-limited per client, wrong checks included (no guessing the last 4 digits)', async () => {
    const commune = await createCommune(t.ctx);
    const proc = await createProcedure(t.ctx);
    const d = await submitOnline(t.app, await loginAs(t.ctx, await createCitizen(t.ctx)), proc.code, commune.agencyId);
    const accepted = (await act(t.app, await loginAs(t.ctx, commune.receptionist), d, 'accept')).json<{
      code: string;
    }>();
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) {
      const check = i === 0 ? '2345' : String(1000 + i);
      codes.push((await t.app.inject({ url: `/api/track/${accepted.code}?check=${check}` })).statusCode);
    }
    expect(codes).toEqual([200, 404, 404, 404, 404, 429, 429]);
  });
});
