import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

it('documents the catalogue routes in the OpenAPI description', async () => {
  const res = await t.app.inject('/openapi.json');
  expect(res.statusCode).toBe(200);
  const paths = Object.keys(res.json().paths as Record<string, unknown>);
  for (const path of [
    '/api/procedures',
    '/api/procedures/{code}',
    '/api/catalogue/stats',
    '/api/procedures/{code}/versions/{id}/publish',
    '/api/catalogue/import',
  ]) {
    expect(paths).toContain(path);
  }
});
