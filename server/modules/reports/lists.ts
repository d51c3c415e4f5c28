import { formatVnIso } from '../../../shared/calendar/instant.ts';
import { classifyTimeliness } from '../../../shared/calendar/dossier-clock.ts';
import type { Form07b, ReportPeriod, TrackingLog } from '../../../shared/schemas/reports.ts';
import type { AppContext } from '../../context.ts';
import { scopeCondition, type Access } from '../identity/service.ts';
import { resolveScope } from './forms.ts';
import * as repo from './repository-lists.ts';
import { periodDays, periodEndInstant } from './tally.ts';

const TIERS = ['city', 'district', 'commune'] as const;

function periodStartInstant(period: ReportPeriod): Date {
  return new Date(periodDays(period.from, period.to).fromDay * 86_400_000 - 7 * 3_600_000);
}

/** Form 07b of Circular 01/2020/TT-VPCP: procedures per tier and dossiers handled one-stop or liên thông. */
export async function buildForm07b(
  ctx: AppContext,
  access: Access,
  period: ReportPeriod,
  unitCode: string | undefined,
): Promise<Form07b> {
  const scope = await resolveScope(ctx, access, unitCode, period);
  const end = periodEndInstant(periodDays(period.from, period.to));
  const filter = scopeCondition(access, { unit: 'd.receiving_unit_id', agency: 'd.receiving_agency_id' });
  const byTier = new Map(
    (await repo.countByTier(ctx.db, periodStartInstant(period), end, scope.unitIds, filter)).map((r) => [r.tier, r]),
  );
  const procedures = await repo.countProceduresByTier(ctx.db, period.to);
  return {
    form: '07b',
    title: 'Biểu 07b: Tình hình thực hiện cơ chế một cửa, một cửa liên thông',
    period,
    unit: scope.unit,
    rows: TIERS.map((tier) => {
      const r = byTier.get(tier);
      return {
        tier,
        procedures: procedures.get(tier) ?? 0,
        proceduresWithDossiers: r?.procedures_with_dossiers ?? 0,
        dossiers: r?.dossiers ?? 0,
        oneStop: (r?.dossiers ?? 0) - (r?.interagency ?? 0),
        interagency: r?.interagency ?? 0,
      };
    }),
  };
}

const STATUS_NOTE: Record<number, string> = {
  3: 'Từ chối',
  7: 'Rút hồ sơ',
  8: 'Dừng giải quyết',
  9: 'Đã giải quyết, chờ trả',
};

export const TRACKING_LOG_LIMIT = 5000;

/** Form 06 of Circular 01/2018/TT-VPCP: one line per dossier received in the period. */
export async function buildTrackingLog(
  ctx: AppContext,
  access: Access,
  period: ReportPeriod,
  unitCode: string | undefined,
): Promise<TrackingLog> {
  const scope = await resolveScope(ctx, access, unitCode, period);
  const end = periodEndInstant(periodDays(period.from, period.to));
  const filter = scopeCondition(access, { unit: 'd.receiving_unit_id', agency: 'd.receiving_agency_id' });
  const { rows, total } = await repo.findLogRows(
    ctx.db,
    periodStartInstant(period),
    end,
    scope.unitIds,
    filter,
    TRACKING_LOG_LIMIT,
  );
  return {
    form: 'tracking-log',
    title: 'Sổ theo dõi hồ sơ',
    period,
    unit: scope.unit,
    total,
    truncated: total > rows.length,
    entries: rows.map((r, i) => {
      const finished = r.processed_at ?? r.returned_at;
      const late = finished && r.due_at && classifyTimeliness(finished, r.due_at) === 'late';
      return {
        no: i + 1,
        code: r.code ?? '',
        content: r.name,
        sets: 1,
        owner: r.owner_name ?? '',
        address: r.address ?? '',
        phone: r.phone ?? '',
        receivedAt: formatVnIso(r.accepted_at),
        dueAt: r.due_at ? formatVnIso(r.due_at) : null,
        returnedAt: r.returned_at ? formatVnIso(r.returned_at) : null,
        receivingOfficer: r.officer ?? '',
        area: r.sector,
        note: [STATUS_NOTE[r.status], late ? 'Trễ hạn' : undefined].filter(Boolean).join('; '),
      };
    }),
  };
}
