import type { Index766, Indicator, ReportPeriod } from '../../../shared/schemas/reports.ts';
import type { AppContext } from '../../context.ts';
import { scopeCondition, type Access } from '../identity/service.ts';
import { computeCounts, resolveScope } from './forms.ts';
import { INDEX_766, RATING_BANDS, type IndicatorConfig } from './index766-config.ts';
import { countIndexInputs } from './repository-index.ts';
import { periodDays, periodEndInstant } from './tally.ts';

/** Decision 766: points × min(1, rate / threshold); no rate (nothing to measure) scores 0. */
export function scoreIndicator(points: number, threshold: number, rate: number | null): number {
  if (rate === null) return 0;
  return Math.round(points * Math.min(1, rate / threshold) * 100) / 100;
}

export function ratingOf(percent: number): Index766['rating'] {
  return RATING_BANDS.find((b) => percent >= b.min)?.rating ?? 'weak';
}

function indicator(
  cfg: IndicatorConfig,
  numerator: number,
  denominator: number,
  dataAvailable: boolean,
  note: string | null = null,
): Indicator {
  const rate = denominator > 0 ? numerator / denominator : null;
  return {
    code: cfg.code,
    name: cfg.name,
    points: cfg.points,
    threshold: cfg.threshold,
    rate,
    score: scoreIndicator(cfg.points, cfg.threshold, rate),
    numerator,
    denominator,
    dataAvailable,
    confirmed: cfg.confirmed,
    note,
  };
}

/** Decision 766/QĐ-TTg indicators for a unit subtree and period. */
export async function buildIndex766(
  ctx: AppContext,
  access: Access,
  period: ReportPeriod,
  unitCode: string | undefined,
  config: readonly IndicatorConfig[] = INDEX_766,
): Promise<Index766> {
  const scope = await resolveScope(ctx, access, unitCode, period);
  const totals = (await computeCounts(ctx, access, period, scope.unitIds, 'none', 'rollup')).get('all');
  const days = periodDays(period.from, period.to);
  const start = new Date(days.fromDay * 86_400_000 - 7 * 3_600_000);
  const filter = scopeCondition(access, { unit: 'd.receiving_unit_id', agency: 'd.receiving_agency_id' });
  const x = await countIndexInputs(ctx.db, start, periodEndInstant(days), period.to, scope.unitIds, filter);
  const resolved = totals?.resolved.total ?? 0;
  const inTime = (totals?.resolved.early ?? 0) + (totals?.resolved.onTime ?? 0);
  const receivedInPeriod = (totals?.received.online ?? 0) + (totals?.received.inPersonOrPost ?? 0);
  const compute: Record<string, (c: IndicatorConfig) => Indicator> = {
    '2.1': (c) => indicator(c, inTime, resolved, true),
    '3.1': (c) => indicator(c, x.digitised, x.received, true),
    '3.3': (c) => indicator(c, x.reused, x.received, true),
    '3.5': (c) => indicator(c, x.eResults, x.resolved, true),
    '3.6': (c) =>
      indicator(
        c,
        0,
        0,
        false,
        'Chưa ghi nhận việc khai thác lại kết quả số hóa | reuse of results is not recorded yet',
      ),
    '4.1': (c) => indicator(c, x.fullProcessProcedures, x.procedures, true),
    '4.2': (c) => indicator(c, totals?.received.online ?? 0, receivedInPeriod, true),
    '4.3': (c) => indicator(c, x.paidOnline, x.withFee, true),
    // 100 % − late rate − share with a complaint or a dislike (a late dossier is subtracted once).
    '5.4': (c) => indicator(c, resolved - (totals?.resolved.late ?? 0) - x.unhappy, resolved, true),
  };
  const indicators = config.map((c) => compute[c.code]?.(c) ?? indicator(c, 0, 0, false, 'Không có dữ liệu | no data'));
  const score = Math.round(indicators.reduce((s, i) => s + i.score, 0) * 100) / 100;
  const maxScore = indicators.reduce((s, i) => s + i.points, 0);
  const percent = maxScore > 0 ? Math.round((score / maxScore) * 10_000) / 100 : 0;
  return { period, unit: scope.unit, indicators, score, maxScore, percent, rating: ratingOf(percent) };
}
