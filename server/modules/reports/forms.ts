import type { FormCounts, FormReport, FormRow, ReportPeriod } from '../../../shared/schemas/reports.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { scopeCondition, type Access } from '../identity/service.ts';
import * as repo from './repository.ts';
import { structureWindow } from './structure.ts';
import { addCounts, checkInvariant, emptyCounts, periodDays, periodEndInstant, tallyDossier } from './tally.ts';

export type FormSource = 'rollup' | 'raw';

const TITLES = {
  '06a': 'Biểu 06a: Tình hình, kết quả giải quyết thủ tục hành chính tại cơ quan, đơn vị',
  '07a': 'Biểu 07a: Tình hình, kết quả giải quyết thủ tục hành chính theo lĩnh vực',
} as const;

const LEVEL_ORDER: Record<string, number> = { city: 0, district: 1, commune: 2 };

export interface ReportScope {
  unit: { code: string; name: string } | null;
  units: repo.UnitRow[];
  /** null = no unit filter (the whole tree, still subject to the actor's access). */
  unitIds: number[] | null;
}

/** The unit subtree a report covers, refused when the actor has no access to any of it. */
export async function resolveScope(
  ctx: AppContext,
  access: Access,
  unitCode: string | undefined,
  period: ReportPeriod,
): Promise<ReportScope> {
  const window = structureWindow(ctx, period);
  const units = await repo.findUnits(ctx.db, unitCode, window.from, window.to);
  if (!unitCode) return { unit: null, units, unitIds: null };
  const root = units.find((u) => u.code === unitCode);
  if (!root) throw new AppError('NOT_FOUND', { vi: 'Không tìm thấy đơn vị', en: 'Unit not found' });
  const ids = units.map((u) => u.id);
  const visible =
    access.all ||
    units.some((u) => access.unitIds.includes(u.id)) ||
    (await repo.hasAgencyInUnits(ctx.db, access.agencyIds, ids));
  if (!visible) {
    throw new AppError('FORBIDDEN', { vi: 'Đơn vị ngoài phạm vi được giao', en: 'Unit outside your scope' });
  }
  return { unit: { code: root.code, name: root.name }, units, unitIds: ids };
}

function fromRollup(r: repo.RollupRow): FormCounts {
  const received = r.received_online + r.received_other + r.carried_over;
  return {
    received: {
      total: received,
      online: r.received_online,
      inPersonOrPost: r.received_other,
      carriedOver: r.carried_over,
    },
    resolved: {
      total: r.resolved_early + r.resolved_on_time + r.resolved_late,
      early: r.resolved_early,
      onTime: r.resolved_on_time,
      late: r.resolved_late,
    },
    pending: { total: r.pending, inTime: r.pending - r.overdue, overdue: r.overdue },
    closedOther: r.ended_other,
  };
}

/** Counts per unit id (as text) or per sector, from the roll-up or recomputed from the dossiers. */
export async function computeCounts(
  ctx: AppContext,
  access: Access,
  period: ReportPeriod,
  unitIds: number[] | null,
  groupBy: repo.GroupBy,
  source: FormSource,
): Promise<Map<string, FormCounts>> {
  const out = new Map<string, FormCounts>();
  if (source === 'rollup') {
    const scope = scopeCondition(access, { unit: 'r.unit_id', agency: 'r.agency_id' });
    for (const row of await repo.sumRollup(ctx.db, period.from, period.to, unitIds, scope, groupBy)) {
      out.set(row.key, fromRollup(row));
    }
    return out;
  }
  const days = periodDays(period.from, period.to);
  const scope = scopeCondition(access, { unit: 'd.receiving_unit_id', agency: 'd.receiving_agency_id' });
  for (const d of await repo.findRawDossiers(ctx.db, periodEndInstant(days), unitIds, scope)) {
    const key = groupBy === 'unit' ? String(d.unit_id) : groupBy === 'sector' ? d.sector : 'all';
    let c = out.get(key);
    if (!c) out.set(key, (c = emptyCounts()));
    tallyDossier(
      c,
      {
        status: d.status,
        channel: d.channel,
        acceptedAt: d.accepted_at,
        dueAt: d.due_at,
        processedAt: d.processed_at,
        returnedAt: d.returned_at,
        finishedAt: d.finished_at,
      },
      days,
    );
  }
  return out;
}

function isEmpty(c: FormCounts): boolean {
  return c.received.total === 0 && c.closedOther === 0;
}

/** Forms 06a (per unit) and 07a (per sector), Circular 01/2020/TT-VPCP. */
export async function buildForm(
  ctx: AppContext,
  access: Access,
  form: '06a' | '07a',
  period: ReportPeriod,
  unitCode: string | undefined,
  source: FormSource = 'rollup',
): Promise<FormReport> {
  const scope = await resolveScope(ctx, access, unitCode, period);
  const counts = await computeCounts(ctx, access, period, scope.unitIds, form === '06a' ? 'unit' : 'sector', source);
  let rows: FormRow[];
  if (form === '06a') {
    rows = scope.units
      .filter((u) => counts.has(String(u.id)) || access.all || access.unitIds.includes(u.id))
      .sort((a, b) => (LEVEL_ORDER[a.level] ?? 9) - (LEVEL_ORDER[b.level] ?? 9) || a.code.localeCompare(b.code))
      .map((u) => ({ key: u.code, label: u.name, level: u.level, counts: counts.get(String(u.id)) ?? emptyCounts() }));
    // Dossiers of a unit version outside the period's units (e.g. a merged commune) still count in the total.
    const known = new Set(scope.units.map((u) => String(u.id)));
    for (const [id, c] of counts)
      if (!known.has(id) && !isEmpty(c)) rows.push({ key: `#${id}`, label: `#${id}`, level: null, counts: c });
  } else {
    rows = [...counts.entries()]
      .sort(([a], [b]) => a.localeCompare(b, 'vi'))
      .map(([sector, c]) => ({ key: sector, label: sector, level: null, counts: c }));
  }
  const total = emptyCounts();
  for (const r of rows) addCounts(total, r.counts);
  const invariant = checkInvariant([...rows, { key: 'total', counts: total }]);
  if (!invariant.holds) {
    // Circular 01/2020: a report whose columns do not add up must not go out silently.
    ctx.log.error({ form, period, unit: unitCode, failures: invariant.failures }, 'report invariant broken');
  }
  return { form, title: TITLES[form], period, unit: scope.unit, rows, total, invariant, source };
}
