// Identity and audit costs, measured beside a same-run baseline (the public /healthz route):
// authenticated requests per second (cookie session; citizen and officer), argon2id hash/verify time,
// and audit-chain appends per second with 1 and 8 concurrent writers.
// Run: node_modules/.bin/node bench/identity.bench.ts
//      DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node_modules/.bin/node bench/identity.bench.ts
import { randomUUID } from 'node:crypto';
import { recordAudit } from '../server/modules/audit/service.ts';
import { hashPassword, verifyPassword } from '../server/modules/identity/passwords.ts';
import { createTestApp } from '../test/helpers/app.ts';
import { createCitizen, createOfficer, loginAs } from '../test/helpers/auth.ts';

const t = await createTestApp();
const N = 2000;
const CONCURRENCY = 10;

async function load(label: string, request: () => Promise<{ statusCode: number }>, n = N): Promise<void> {
  const latencies: number[] = [];
  let left = n;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (left-- > 0) {
        const s = performance.now();
        const res = await request();
        latencies.push(performance.now() - s);
        if (res.statusCode >= 400) throw new Error(`${label}: ${res.statusCode}`);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]?.toFixed(1);
  console.log(
    `${label.padEnd(34)} ${Math.round(n / seconds)
      .toString()
      .padStart(6)}/s  p50 ${p(0.5)} ms  p99 ${p(0.99)} ms`,
  );
}

console.log(`database: ${t.database.kind}, ${N} requests, ${CONCURRENCY} at a time`);
await load('baseline GET /healthz', () => t.app.inject({ url: '/healthz' }));
const citizen = await loginAs(t.ctx, await createCitizen(t.ctx));
await load('GET /api/me (citizen session)', () => t.app.inject({ url: '/api/me', headers: citizen }));
const officer = await loginAs(t.ctx, await createOfficer(t.ctx, { role: 'unit_admin', unitCode: '002' }));
await load('GET /api/me (officer session)', () => t.app.inject({ url: '/api/me', headers: officer }));
await load('GET /api/officers (subtree scope)', () => t.app.inject({ url: '/api/officers', headers: officer }), 500);

const h0 = performance.now();
const hashed = await hashPassword('Benchmark2024pw');
const h1 = performance.now();
await verifyPassword(hashed, 'Benchmark2024pw');
const h2 = performance.now();
console.log(`argon2id (19 MiB, t=2): hash ${(h1 - h0).toFixed(0)} ms, verify ${(h2 - h1).toFixed(0)} ms`);

for (const writers of [1, 8]) {
  const appends = 1000;
  let left = appends;
  const a0 = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (left-- > 0)
        await recordAudit(t.ctx.db, {
          at: t.ctx.clock.now(),
          actor: { id: randomUUID(), kind: 'officer' },
          action: 'dossier.read',
          record: { type: 'dossier', id: randomUUID() },
          after: { status: 2 },
        });
    }),
  );
  console.log(`audit appends, ${writers} writer(s): ${Math.round(appends / ((performance.now() - a0) / 1000))}/s`);
}
await t.close();
