import type {
  Form07b,
  FormReport,
  Index766,
  ReportQuery,
  SpeedReport,
  TrackingLog,
} from '../../../shared/schemas/reports.ts';
import type { AppContext } from '../../context.ts';
import { resolveAccess, type Actor } from '../identity/service.ts';
import { buildForm } from './forms.ts';
import { buildIndex766 } from './index766.ts';
import { buildForm07b, buildTrackingLog } from './lists.ts';
import { resolvePeriod } from './periods.ts';
import { buildSpeed } from './speed.ts';

/**
 * Use cases of the reports module. Every officer report is scoped to the actor's units under
 * `reports.read` (identity's Access in the queries' WHERE clauses).
 */
export { getPublicDashboardJson } from './dashboard.ts';
export { cutOffPeriod } from './periods.ts';
export { generateDossiers, type GenerateOptions, type GenerateResult } from './generator.ts';
export { formWorkbook, trackingLogWorkbook, XLSX_TYPE } from './xlsx.ts';

async function accessOf(ctx: AppContext, actor: Actor) {
  return resolveAccess(ctx, actor, 'reports.read');
}

export async function getForm(ctx: AppContext, actor: Actor, form: '06a' | '07a', q: ReportQuery): Promise<FormReport> {
  return buildForm(ctx, await accessOf(ctx, actor), form, resolvePeriod(q, ctx.clock.now()), q.unit);
}

export async function getForm07b(ctx: AppContext, actor: Actor, q: ReportQuery): Promise<Form07b> {
  return buildForm07b(ctx, await accessOf(ctx, actor), resolvePeriod(q, ctx.clock.now()), q.unit);
}

export async function getTrackingLog(ctx: AppContext, actor: Actor, q: ReportQuery): Promise<TrackingLog> {
  return buildTrackingLog(ctx, await accessOf(ctx, actor), resolvePeriod(q, ctx.clock.now()), q.unit);
}

export async function getIndex766(ctx: AppContext, actor: Actor, q: ReportQuery): Promise<Index766> {
  return buildIndex766(ctx, await accessOf(ctx, actor), resolvePeriod(q, ctx.clock.now()), q.unit);
}

export async function getSpeed(
  ctx: AppContext,
  actor: Actor,
  q: ReportQuery & { by: 'procedure' | 'unit' },
): Promise<SpeedReport> {
  return buildSpeed(ctx, await accessOf(ctx, actor), resolvePeriod(q, ctx.clock.now()), q.unit, { by: q.by });
}
