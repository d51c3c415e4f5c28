/**
 * Portal weight and Lighthouse scores (issue 9): for a first visit to the home page and to a procedure
 * page, the gzip size of the JavaScript the browser loads, and a Lighthouse run (mobile, throttled) on
 * Debian's Chromium. Needs a built web app (npm run build) and seeds its own in-memory database.
 *
 *   node bench/web.bench.ts            # prints a table and appends nothing
 */
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import lighthouse from 'lighthouse';
import { launch } from 'chrome-launcher';
import { chromium } from 'playwright-core';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { seedDemoData } from '../server/db/demo-seed.ts';
import { systemClock } from '../server/lib/clock.ts';
import { createTestDatabase } from '../test/helpers/database.ts';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const PAGES = [
  ['home', '/'],
  ['procedure', '/thu-tuc/1.001193'],
  ['catalogue search', '/thu-tuc?q=khai%20sinh'],
] as const;

const database = await createTestDatabase();
const config = loadConfig({ LOG_LEVEL: 'silent' });
const app = await buildApp({ config, database });
await seedDemoData({ db: database.db, dbKind: database.kind, config, clock: systemClock, log: app.log });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

console.log('| page | JS requests | JS gzip KB |');
console.log('|---|---|---|');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
for (const [name, path] of PAGES) {
  const page = await browser.newPage();
  const scripts: Promise<Buffer>[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() === 'script') scripts.push(res.body());
  });
  await page.goto(base + path, { waitUntil: 'networkidle' });
  const bodies = await Promise.all(scripts);
  const gz = bodies.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0);
  console.log(`| ${name} | ${bodies.length} | ${(gz / 1024).toFixed(1)} |`);
  await page.close();
}
await browser.close();

const details: string[] = [];
console.log('\n| page | Lighthouse performance | accessibility | best practices |');
console.log('|---|---|---|---|');
for (const [name, path] of PAGES) {
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
  const result = await lighthouse(base + path, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
    formFactor: 'mobile',
    throttlingMethod: 'simulate',
  });
  if (result?.lhr.runtimeError) console.error(name, result.lhr.runtimeError);
  const c = result?.lhr.categories;
  const score = (k: string) => Math.round((c?.[k]?.score ?? 0) * 100);
  console.log(`| ${name} | ${score('performance')} | ${score('accessibility')} | ${score('best-practices')} |`);
  const a = result?.lhr.audits;
  const metric = (k: string) => a?.[k]?.displayValue ?? '?';
  details.push(
    `${name}: FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}, SI ${metric('speed-index')}`,
  );
  chrome.kill();
}
console.log(`\n${details.join('\n')}`);
await app.close();
await database.close();
