// Payment notifications applied per second through the real app (store raw → verify HMAC → credit
// once → answer), and the cost of a burst of duplicates. Same app, same machine as the load.
// Run: node_modules/.bin/node bench/payments.bench.ts
//      DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node_modules/.bin/node bench/payments.bench.ts
import type { PaymentIntent } from '../server/modules/payments/schemas.ts';
import { createTestApp } from '../test/helpers/app.ts';
import { createTestIntent, payosWebhook, TEST_KEYS } from '../server/modules/payments/test-support.ts';

const N = 400;
const CONCURRENCY = 10;
const t = await createTestApp(TEST_KEYS);
const intents: PaymentIntent[] = [];
for (let i = 0; i < N; i++)
  intents.push(await createTestIntent(t.ctx, { expiresAt: new Date('2030-01-01T00:00:00Z') }));
const post = (body: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/payments/notify/payos',
    headers: { 'content-type': 'application/json' },
    payload: body,
  });

const bodies = intents.map((intent, i) =>
  payosWebhook({ orderCode: intent.orderCode, amount: intent.amount, reference: `BENCH${String(i).padStart(6, '0')}` }),
);
let next = 0;
const latencies: number[] = [];
const t0 = performance.now();
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      const s = performance.now();
      const res = await post(body);
      latencies.push(performance.now() - s);
      if (res.json<{ outcome: string }>().outcome !== 'CREDITED') throw new Error(res.body);
    }
  }),
);
const seconds = (performance.now() - t0) / 1000;
latencies.sort((a, b) => a - b);

// Baseline in the same run (CPU speed and load drift here): reading the payment's status, same concurrency.
let k = 0;
const b0 = performance.now();
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (k < intents.length) await t.app.inject({ method: 'GET', url: `/api/payments/${intents[k++]!.id}/status` });
  }),
);
const baselinePerSecond = Math.round(N / ((performance.now() - b0) / 1000));

const dupIntent = await createTestIntent(t.ctx);
const dup = payosWebhook({ orderCode: dupIntent.orderCode, amount: dupIntent.amount, reference: 'BENCHDUP' });
const d0 = performance.now();
const answers = await Promise.all(Array.from({ length: 50 }, () => post(dup)));
const dupMs = performance.now() - d0;
const credited = answers.filter((a) => a.json<{ outcome: string }>().outcome === 'CREDITED').length;

console.log(
  JSON.stringify({
    database: t.database.kind,
    distinctNotifications: N,
    concurrency: CONCURRENCY,
    perSecond: Math.round(N / seconds),
    baselineStatusReadsPerSecond: baselinePerSecond,
    p50ms: +latencies[Math.floor(N * 0.5)]!.toFixed(1),
    p99ms: +latencies[Math.floor(N * 0.99)]!.toFixed(1),
    duplicates50: { ms: Math.round(dupMs), credited },
  }),
);
await t.close();
