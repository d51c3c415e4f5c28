import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import type { AppContext } from '../../server/context.ts';
import type { DatabaseHandle } from '../../server/db/client.ts';
import { systemClock } from '../../server/lib/clock.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { seedDemoData } from '../../server/db/demo-seed.ts';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
// Flags from the platform notes: without the background-networking ones Chromium floods the closed network.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserHarness {
  app: FastifyInstance;
  database: DatabaseHandle;
  /** For factories (test/helpers/auth.ts) writing straight to the same database. */
  ctx: AppContext;
  baseUrl: string;
  browser: Browser;
  newPage(options?: { mobile?: boolean }): Promise<Page>;
  close(): Promise<void>;
}

/** The real server (fresh database, built web app) on a loopback port, and a headless Chromium. */
export async function startHarness(
  options: { seedDemo?: boolean; config?: Record<string, string> } = {},
): Promise<BrowserHarness> {
  const database = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent', PORT: '0', ...options.config });
  const app = await buildApp({ config, database });
  const ctx: AppContext = { db: database.db, dbKind: database.kind, config, clock: systemClock, log: app.log };
  if (options.seedDemo) await seedDemoData(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  return {
    app,
    database,
    ctx,
    baseUrl,
    browser,
    newPage: async ({ mobile = true } = {}) => {
      const context = await browser.newContext({
        baseURL: baseUrl,
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
        ...(mobile
          ? { viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }
          : {}),
      });
      return context.newPage();
    },
    close: async () => {
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** Runs axe-core (WCAG 2.1 A/AA rules) on the page and fails on any serious or critical violation. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: unknown[] }> } })
      .axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations;
  });
  const serious = (violations as AxeViolation[]).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}
