import fc from 'fast-check';
import { sql, type Updateable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { seedCatalogue } from '../catalogue/seed.ts';
import type { DossiersTable } from '../dossiers/tables.ts';
import type { Access } from '../identity/service.ts';
import { computeCounts } from './forms.ts';
import { generateDossiers } from './generator.ts';
import { checkInvariant } from './tally.ts';

// The roll-up (trigger-maintained, migrations/0070_reports.sql) against the raw computation (tally.ts, the
// calendar's own classification) on random generated histories, on whichever database the run uses.
let t: TestApp;
const all: Access = { permission: 'reports.read', all: true, ownerId: null, unitIds: [], agencyIds: [] };
let unitIds: number[] = [];

beforeAll(async () => {
  t = await createTestApp();
  await seedCatalogue(t.ctx);
  await generateDossiers(t.ctx, { dossiers: 600, seed: 7, from: new Date('2022-06-01T00:00:00Z'), batchSize: 200 });
  unitIds = (
    await sql<{ id: number }>`SELECT DISTINCT receiving_unit_id AS id FROM dossiers`.execute(t.ctx.db)
  ).rows.map((r) => Number(r.id));
}, 120_000);
afterAll(async () => t.close());

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const anyPeriod = fc
  .tuple(fc.integer({ min: Date.UTC(2022, 3, 1), max: Date.UTC(2023, 11, 31) }), fc.integer({ min: 0, max: 400 }))
  .map(([start, length]) => ({ from: day(start), to: day(start + length * 86_400_000), label: 'test' }));
// Whole months and month edges exercise the monthly roll-up's boundaries.
const monthPeriod = fc
  .tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 14 }), fc.boolean(), fc.boolean())
  .map(([m, n, cutStart, cutEnd]) => ({
    from: day(Date.UTC(2022, 4 + m, cutStart ? 15 : 1)),
    to: day(Date.UTC(2022, 4 + m + n + 1, cutEnd ? 14 : 0)),
    label: 'months',
  }));
const periodArb = fc.oneof(anyPeriod, monthPeriod);

async function expectSame(period: { from: string; to: string; label: string }, units: number[] | null) {
  for (const groupBy of ['unit', 'sector', 'none'] as const) {
    const rollup = await computeCounts(t.ctx, all, period, units, groupBy, 'rollup');
    const raw = await computeCounts(t.ctx, all, period, units, groupBy, 'raw');
    const nonEmpty = (m: typeof raw) =>
      Object.fromEntries(
        [...m].filter(([, c]) => c.received.total + c.closedOther > 0).sort(([a], [b]) => a.localeCompare(b)),
      );
    expect(nonEmpty(rollup)).toEqual(nonEmpty(raw));
    expect(checkInvariant([...raw].map(([key, counts]) => ({ key, counts }))).holds).toBe(true);
  }
}

describe('roll-up equals the raw computation', () => {
  it('generated a history with every kind of ending', async () => {
    const statuses = await sql<{ status: number }>`SELECT DISTINCT status FROM dossiers ORDER BY 1`.execute(t.ctx.db);
    expect(statuses.rows.map((r) => Number(r.status))).toEqual(expect.arrayContaining([3, 4, 7, 8, 10]));
    const extras = await sql<{ events: number; files: number; ratings: number; supplements: number }>`
      SELECT (SELECT count(*) FROM dossier_events) AS events, (SELECT count(*) FROM dossier_files) AS files,
        (SELECT count(*) FROM dossier_ratings) AS ratings,
        (SELECT count(*) FROM dossier_events WHERE action = 'request_supplement') AS supplements`.execute(t.ctx.db);
    const x = extras.rows[0]!;
    expect(Number(x.files)).toBe(600);
    expect(Number(x.events)).toBeGreaterThan(600 * 3);
    expect(Number(x.ratings)).toBeGreaterThan(100);
    expect(Number(x.supplements)).toBeGreaterThan(10);
  });

  it('for random periods and unit sets (forms 06a, 07a and the total)', async () => {
    await fc.assert(
      fc.asyncProperty(periodArb, fc.subarray(unitIds, { minLength: 1 }), fc.boolean(), async (period, units, whole) =>
        expectSame(period, whole ? null : units),
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  it('still after dossiers change (reopened, processed, withdrawn, due dates moved)', async () => {
    const some = await sql<{ id: string; accepted_at: Date }>`
      SELECT id, accepted_at FROM dossiers WHERE accepted_at IS NOT NULL ORDER BY id LIMIT 60`.execute(t.ctx.db);
    expect(some.rows.length).toBe(60);
    const set = (id: string, values: Updateable<DossiersTable>) =>
      t.ctx.db.updateTable('dossiers').set(values).where('id', '=', id).execute();
    for (const [i, d] of some.rows.entries()) {
      const at = new Date(d.accepted_at.getTime() + (i % 9) * 86_400_000);
      const none = { processed_at: null, returned_at: null, finished_at: null };
      if (i % 4 === 0) await set(d.id, { ...none, status: 4 });
      else if (i % 4 === 1) await set(d.id, { ...none, status: 9, processed_at: at, finished_at: at });
      else if (i % 4 === 2) await set(d.id, { ...none, status: 7, finished_at: at });
      else await set(d.id, { due_at: new Date(at.getTime() + 2 * 86_400_000) });
    }
    await expectSame({ from: '2023-01-01', to: '2023-12-31', label: 'y' }, null);
    await fc.assert(
      fc.asyncProperty(periodArb, async (p) => expectSame(p, null)),
      { numRuns: 10 },
    );
  }, 120_000);

  it('the set-based rebuild gives the same roll-up (daily and monthly) as the triggers', async () => {
    const snapshot = async (table: 'report_daily' | 'report_monthly', at: 'day' | 'month') =>
      (
        await sql<Record<string, unknown>>`
          SELECT agency_id, unit_id, sector, ${sql.ref(at)}::text AS at, received_online, received_other, resolved_early,
            resolved_on_time, resolved_late, ended_other, pending_delta, overdue_delta FROM ${sql.table(table)}
          WHERE received_online <> 0 OR received_other <> 0 OR resolved_early <> 0 OR resolved_on_time <> 0
            OR resolved_late <> 0 OR ended_other <> 0 OR pending_delta <> 0 OR overdue_delta <> 0
          ORDER BY 1, 2, 3, 4`.execute(t.ctx.db)
      ).rows;
    const daily = await snapshot('report_daily', 'day');
    const monthly = await snapshot('report_monthly', 'month');
    expect(monthly.length).toBeGreaterThan(10);
    await sql`SELECT report_rebuild_all()`.execute(t.ctx.db);
    expect(await snapshot('report_daily', 'day')).toEqual(daily);
    expect(await snapshot('report_monthly', 'month')).toEqual(monthly);
  });
});
