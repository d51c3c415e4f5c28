import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { createOfficer, loginAs, type RoleSpec, type TestAccount } from '../helpers/auth.ts';
import { agencyIdByKey } from '../helpers/catalogue.ts';
import { createProcedure, multipart, PDF, submission } from '../helpers/dossiers.ts';
import type { BrowserHarness } from './harness.ts';

/** Shared steps of the officer workspace browser tests: officers who can log in, dossiers driven by the API. */
export const PASSWORD = 'một cửa liên thông 2026';

export async function officer(h: BrowserHarness, spec: RoleSpec, fullName: string): Promise<TestAccount> {
  return createOfficer(h.ctx, { ...spec, fullName, password: PASSWORD });
}

export async function logIn(page: Page, account: TestAccount): Promise<void> {
  // Seen on the shared CI box: now and then the login page of a fresh context stays blank; one reload fixes it.
  const field = page.getByLabel('Số điện thoại hoặc e-mail');
  for (let attempt = 1; ; attempt++) {
    const response = await page.goto('/dang-nhap');
    const shown = await field.waitFor({ timeout: 10_000 }).then(
      () => true,
      () => false,
    );
    if (shown) break;
    if (attempt === 3)
      throw new Error(
        `login page did not render (HTTP ${response?.status()}): ${(await page.content()).slice(0, 500)}`,
      );
  }
  await field.fill(account.phone);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  // Argon2 verification is slow on purpose; on two shared cores a login can take seconds.
  await expect.poll(() => page.locator('h1').textContent(), { timeout: 20_000 }).toBe('Không gian làm việc của cán bộ');
}

export interface Dossier {
  id: string;
  code: string | null;
  version: number;
  status: number;
  stepIndex: number | null;
}

/** Receives a dossier at the counter through the API, as the desk of `agencyId` would. */
export async function receive(h: BrowserHarness, clerk: TestAccount, code: string, agencyId: string, name?: string) {
  const headers = await loginAs(h.ctx, clerk);
  const body = submission(code, agencyId, name ? { applicant: { name, idNumber: '001090012345' } } : {});
  const res = await h.app.inject({ method: 'POST', url: '/api/dossiers', headers, payload: body });
  if (res.statusCode !== 201) throw new Error(`receive: ${res.statusCode} ${res.body}`);
  return res.json<Dossier>();
}

/** One action through the API (JSON, or multipart with a result file for mark_processed). */
export async function act(h: BrowserHarness, who: TestAccount, d: Dossier, action: string, body: object = {}) {
  const headers = await loginAs(h.ctx, who);
  const request =
    action === 'mark_processed'
      ? multipart({ version: d.version }, [{ field: 'result', fileName: 'ket-qua.pdf', content: PDF }])
      : { payload: { version: d.version, ...body }, headers: {} };
  const res = await h.app.inject({
    method: 'POST',
    url: `/api/dossiers/${d.id}/actions/${action}`,
    headers: { ...headers, ...request.headers },
    payload: request.payload,
  });
  if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
  return res.json<Dossier>();
}

export { agencyIdByKey, createProcedure };

/** Desktop and phone screenshots of the current page for docs/screenshots/. */
export async function screenshots(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `docs/screenshots/officer-${name}-desktop.png`, fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 375, height: 740 });
  await page.screenshot({ path: `docs/screenshots/officer-${name}-mobile.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}
