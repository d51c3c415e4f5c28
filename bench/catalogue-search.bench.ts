// Catalogue search latency over a generated catalogue of 5,000 published procedures, in process.
// Run: node_modules/.bin/node bench/catalogue-search.bench.ts            (PGlite in memory)
//      DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node_modules/.bin/node bench/catalogue-search.bench.ts
// Target (issue 5): p95 < 20 ms. Options: BENCH_PROCEDURES, BENCH_QUERIES, BENCH_BY_TERM=1 (mean per query
// text), BENCH_KEEP=1 (PostgreSQL: keep the database motcua_bench_kept for EXPLAIN; drop it by hand).
import { readFileSync } from 'node:fs';
import pg from 'pg';
import pino from 'pino';
import { sql } from 'kysely';
import { loadConfig } from '../server/config.ts';
import type { AppContext } from '../server/context.ts';
import { openDatabase, type DatabaseHandle } from '../server/db/client.ts';
import { prepareDatabase } from '../server/db/setup.ts';
import { insertVersion } from '../server/modules/catalogue/repository.ts';
import { searchCatalogue } from '../server/modules/catalogue/search.ts';
import { ProcedureListQuery } from '../server/modules/catalogue/schemas.ts';
import { createManualClock } from '../server/lib/clock.ts';

const N = Number(process.env['BENCH_PROCEDURES'] ?? 5_000);
const QUERIES = Number(process.env['BENCH_QUERIES'] ?? 2_000);

let seed = 7;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

async function open(): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  const url = process.env['DATABASE_URL'];
  if (!url) {
    const handle = await openDatabase('memory://', '');
    await prepareDatabase(handle);
    return { handle, drop: async () => handle.close() };
  }
  const name = process.env['BENCH_KEEP'] ? 'motcua_bench_kept' : `motcua_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await openDatabase(target.toString(), '');
  await prepareDatabase(handle);
  return {
    handle,
    drop: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

const { handle, drop } = await open();
const ctx: AppContext = {
  db: handle.db,
  dbKind: handle.kind,
  config: loadConfig({ LOG_LEVEL: 'silent' }),
  clock: createManualClock(new Date('2023-10-27T02:32:00Z')),
  log: pino({ level: 'silent' }),
};

// A catalogue shaped like a real one: the 62 real procedures plus names built from real verbs, objects
// and qualifiers of Vietnamese procedures, each name distinct, sectors from the sample.
const sample = JSON.parse(readFileSync(new URL('../reference/procedures-sample.json', import.meta.url), 'utf8')) as {
  procedures: Array<{ name: string; field: string }>;
};
const VERBS = [
  'Cấp',
  'Cấp lại',
  'Cấp đổi',
  'Đăng ký',
  'Đăng ký lại',
  'Điều chỉnh',
  'Gia hạn',
  'Thu hồi',
  'Xác nhận',
  'Chứng thực',
  'Thẩm định',
  'Phê duyệt',
  'Công nhận',
  'Thông báo',
  'Hủy bỏ',
  'Cho phép',
  'Bổ sung',
  'Chấm dứt',
  'Đính chính',
  'Miễn',
];
const OBJECTS = [
  'giấy phép xây dựng',
  'giấy khai sinh',
  'giấy chứng nhận đăng ký hộ kinh doanh',
  'giấy phép kinh doanh karaoke',
  'chứng chỉ hành nghề dược',
  'giấy phép lái xe',
  'thẻ căn cước',
  'giấy chứng nhận quyền sử dụng đất',
  'giấy phép lao động',
  'giấy chứng nhận an toàn thực phẩm',
  'giấy phép quảng cáo',
  'giấy phép môi trường',
  'phiếu lý lịch tư pháp',
  'giấy xác nhận tình trạng hôn nhân',
  'trích lục kết hôn',
  'giấy chứng nhận đăng ký doanh nghiệp',
  'giấy phép hoạt động giáo dục',
  'chứng chỉ hành nghề khám bệnh',
  'giấy phép khai thác nước ngầm',
  'giấy chứng nhận đủ điều kiện kinh doanh xăng dầu',
  'biển số xe',
  'hộ chiếu phổ thông',
  'đăng ký tạm trú',
  'đăng ký thường trú',
  'nuôi con nuôi',
  'quốc tịch Việt Nam',
  'giấy phép bán lẻ rượu',
  'giấy phép sử dụng vật liệu nổ',
  'chứng nhận nghề truyền thống',
  'giấy phép tổ chức lễ hội',
  'trợ cấp xã hội hàng tháng',
  'thẻ bảo hiểm y tế',
  'giấy phép thành lập thư viện',
  'giấy phép in ấn',
  'chứng chỉ quy hoạch',
  'giấy phép đào đường',
  'giấy phép chặt hạ cây xanh',
  'giấy chứng nhận hợp tác xã',
  'giấy phép thành lập trường mầm non',
  'chứng nhận di tích',
];
const QUALIFIERS = [
  '',
  'cho người nước ngoài',
  'lần đầu',
  'tại cấp xã',
  'tại cấp huyện',
  'đối với tổ chức',
  'đối với cá nhân',
  'trong khu công nghiệp',
  'có yếu tố nước ngoài',
  'do thay đổi thông tin',
  'khi bị mất',
  'khi hết hạn',
  'theo yêu cầu',
  'cho doanh nghiệp nhỏ',
  'trực tuyến toàn trình',
];
const names = new Set<string>(sample.procedures.map((p) => p.name));
while (names.size < N) names.add(`${pick(VERBS)} ${pick(OBJECTS)} ${pick(QUALIFIERS)}`.trim());
const nameList = [...names];
const tiers = ['commune', 'district', 'city'] as const;
const t0 = performance.now();
await handle.db.transaction().execute(async (trx) => {
  for (let i = 0; i < N; i += 500) {
    const codes = Array.from(
      { length: Math.min(500, N - i) },
      (_, k) => `${1 + ((i + k) % 3)}.${String(100000 + i + k).padStart(6, '0')}`,
    );
    await trx
      .insertInto('procedures')
      .values(codes.map((code) => ({ code })))
      .execute();
    for (const code of codes) {
      const name = nameList[i + codes.indexOf(code)]!;
      const tier = pick(tiers);
      await insertVersion(trx, {
        code,
        status: 'published',
        valid_from: '2018-11-17',
        valid_to: null,
        name,
        sector: pick(sample.procedures).field,
        tiers: [tier],
        agency_id: null,
        online_level: random() < 0.25 ? 4 : 3,
        has_fee: random() < 0.5,
        cutoff15: false,
        supplement_mode: 'RESTART',
        time_limit_value: 1 + Math.floor(random() * 30),
        time_limit_unit: 'workingDays',
        detail: {
          applicantTypes: ['citizen'],
          steps: '',
          channels: [],
          components: [],
          resultType: '',
          legalBasis: '',
          eform: null,
          workflow: [],
        },
        created_at: new Date(),
        published_at: new Date(),
      });
    }
  }
});
// As autovacuum would after a bulk load: statistics, and the GIN pending lists merged into the indexes.
await sql`VACUUM ANALYZE procedure_versions`.execute(handle.db);
await sql`VACUUM ANALYZE catalogue_words`.execute(handle.db);
const loadMs = performance.now() - t0;
process.stderr.write(`loaded ${N} in ${(loadMs / 1000).toFixed(1)} s\n`);

const TERMS = [
  'dang ky khai sinh',
  'khai sinh',
  'giay phep xay dung',
  'xay dung',
  'ho kinh doanh',
  'chung thuc ban sao',
  'dang ky ket hon',
  'ly lich tu phap',
  'the can cuoc',
  'tam tru',
  'thuong tru',
  'cong ty trach nhiem huu han',
  'quyen su dung dat',
  'dang ky khai snh',
  'giay phep xay dng',
  'ho chieu',
  'nuoi con nuoi',
  'Đăng ký khai tử',
  'hộ tịch',
  '1.001',
];
const FILTERS = ['', '&tier=commune', '&onlineLevel=4', '&fee=free', '&tier=district&fee=paid', '&page=2'];
const queries = Array.from({ length: QUERIES }, () => {
  const params = new URLSearchParams(`q=${encodeURIComponent(pick(TERMS))}${pick(FILTERS)}`);
  return ProcedureListQuery.parse(Object.fromEntries(params));
});

for (const q of queries.slice(0, 100)) await searchCatalogue(ctx, q); // warm-up
// Baseline in the same run (PLATFORM.md: the CPU here drifts and is shared): the cheapest statement.
const base: number[] = [];
for (let i = 0; i < 300; i++) {
  const start = performance.now();
  await sql`SELECT 1`.execute(handle.db);
  base.push(performance.now() - start);
}
base.sort((a, b) => a - b);

const cpu: number[] = [];
const times: number[] = [];
const byTerm = new Map<string, number[]>();
let hits = 0;
for (const q of queries) {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const result = await searchCatalogue(ctx, q);
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpuStart);
  cpu.push((used.user + used.system) / 1000);
  times.push(ms);
  byTerm.set(q.q ?? '', [...(byTerm.get(q.q ?? '') ?? []), ms]);
  hits += result.total;
}
if (process.env['BENCH_BY_TERM']) {
  for (const [term, ms] of byTerm)
    console.error(term.padEnd(30), (ms.reduce((a, b) => a + b, 0) / ms.length).toFixed(1));
}
times.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
const at = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!.toFixed(2);
const pct = (p: number) => at(times, p);
const load = (await import('node:os')).loadavg()[0]!.toFixed(1);
console.log(
  `catalogue search on ${handle.kind}: ${N.toLocaleString('en')} procedures (loaded in ${(loadMs / 1000).toFixed(1)} s), ` +
    `${QUERIES.toLocaleString('en')} queries (text + filters, page of 20 with total): ` +
    `p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms, max ${times[times.length - 1]!.toFixed(2)} ms ` +
    `(mean hits ${(hits / QUERIES).toFixed(0)}; node ${process.version}); ` +
    (handle.kind === 'pglite' ? `process CPU per query p50 ${at(cpu, 50)} ms, p95 ${at(cpu, 95)} ms; ` : '') +
    `baseline SELECT 1 p50 ${at(base, 50)} ms, p95 ${at(base, 95)} ms; load average ${load}`,
);
if (process.env['BENCH_KEEP']) await handle.close();
else await drop();
