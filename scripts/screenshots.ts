/**
 * `npm run screenshots`: pictures of the portal's main pages at a phone's width (375 px) into
 * docs/screenshots/, from a fresh in-memory database with the demo data. Needs a built web app.
 */
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { seedDemoData } from '../server/db/demo-seed.ts';
import { systemClock } from '../server/lib/clock.ts';
import { generateDossiers } from '../server/modules/reports/service.ts';
import { createTestDatabase } from '../test/helpers/database.ts';

const OUT = new URL('../docs/screenshots/', import.meta.url).pathname;
const PAGES: Array<[string, string]> = [
  ['portal-home', '/'],
  ['portal-search', '/thu-tuc?q=khai%20sinh'],
  ['portal-procedure', '/thu-tuc/1.001193'],
  ['portal-track', '/tra-cuu'],
  ['portal-login', '/dang-nhap'],
  ['portal-register', '/dang-ky'],
  ['portal-report-problem', '/phan-anh'],
  ['portal-dashboard', '/thong-ke'],
  ['portal-agencies', '/co-quan'],
];

const database = await createTestDatabase();
const config = loadConfig({ LOG_LEVEL: 'silent' });
const app = await buildApp({ config, database });
const ctx = { db: database.db, dbKind: database.kind, config, clock: systemClock, log: app.log };
await seedDemoData(ctx);
const now = new Date();
await generateDossiers(ctx, { dossiers: 500, seed: 3, from: new Date(now.getTime() - 300 * 86_400_000), until: now });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const context = await browser.newContext({
  viewport: { width: 375, height: 740 },
  deviceScaleFactor: 1,
  isMobile: true,
  locale: 'vi-VN',
});
await mkdir(OUT, { recursive: true });
for (const [name, path] of PAGES) {
  const page = await context.newPage();
  await page.goto(base + path, { waitUntil: 'networkidle' });
  await page.screenshot({ path: `${OUT}${name}.png`, fullPage: true });
  console.log(`docs/screenshots/${name}.png`);
  await page.close();
}
await browser.close();
await app.close();
await database.close();
