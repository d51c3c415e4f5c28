import { formatEpochDay, vnEpochDay } from '../../../shared/calendar/instant.ts';
import {
  PublicDashboard,
  type AreaPerformance,
  type FormCounts,
  type SpeedRow,
} from '../../../shared/schemas/reports.ts';
import type { AppContext } from '../../context.ts';
// The catalogue module's stats use case lives in its search.ts (not re-exported by its service.ts yet).
import { catalogueStats } from '../catalogue/search.ts';
import type { Access } from '../identity/service.ts';
import { computeCounts } from './forms.ts';
import * as repo from './repository.ts';
import { buildSpeed } from './speed.ts';
import { structureWindow } from './structure.ts';
import { createSwrCache } from './swr-cache.ts';

/**
 * The public dashboard (no login): everything read from the roll-up and the catalogue, kept in process for
 * DASHBOARD_TTL_MS so that a burst of visitors costs one computation (single flight) per minute.
 */
export const DASHBOARD_TTL_MS = 60_000;

const PUBLIC: Access = { permission: 'public', all: true, ownerId: null, unitIds: [], agencyIds: [] };

const dashboardCache = createSwrCache<string>('public-dashboard', DASHBOARD_TTL_MS, 10 * 60_000);
// The speed table reads every dossier finished this year (no roll-up yet): refreshed hourly, in the background.
const speedCache = createSwrCache<SpeedRow[]>('public-speed', 60 * 60_000, 24 * 60 * 60_000);

/**
 * The dashboard as JSON text, validated against PublicDashboard once per computation: fresh for a minute,
 * then served stale for up to ten minutes while one background computation replaces it.
 */
export function getPublicDashboardJson(ctx: AppContext): Promise<string> {
  return dashboardCache(ctx, async () => JSON.stringify(PublicDashboard.parse(await computeDashboard(ctx))));
}

function rate(numerator: number, denominator: number): number | null {
  return denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 10_000 : null;
}

function area(u: repo.UnitRow, parentCode: string | null, c: FormCounts | undefined): AreaPerformance {
  const received = (c?.received.online ?? 0) + (c?.received.inPersonOrPost ?? 0);
  const resolved = c?.resolved.total ?? 0;
  return {
    code: u.code,
    name: u.name,
    parentCode,
    received,
    resolved,
    onTimeRate: rate((c?.resolved.early ?? 0) + (c?.resolved.onTime ?? 0), resolved),
    onlineShare: rate(c?.received.online ?? 0, received),
  };
}

async function computeDashboard(ctx: AppContext): Promise<PublicDashboard> {
  const now = ctx.clock.now();
  const today = formatEpochDay(vnEpochDay(now.getTime()));
  const month = { from: `${today.slice(0, 8)}01`, to: today, label: 'month' };
  const year = { from: `${today.slice(0, 4)}-01-01`, to: today, label: 'year' };
  const structure = structureWindow(ctx, year);
  const [services, monthTotals, yearTotals, byUnit, units, speed] = await Promise.all([
    catalogueStats(ctx, today),
    computeCounts(ctx, PUBLIC, month, null, 'none', 'rollup'),
    computeCounts(ctx, PUBLIC, year, null, 'none', 'rollup'),
    computeCounts(ctx, PUBLIC, year, null, 'unit', 'rollup'),
    repo.findUnits(ctx.db, undefined, structure.from, structure.to),
    speedCache(ctx, async () => (await buildSpeed(ctx, PUBLIC, year, undefined, { by: 'procedure', limit: 30 })).rows),
  ]);
  const m = monthTotals.get('all');
  const y = yearTotals.get('all');
  const codeById = new Map(units.map((u) => [u.id, u.code]));
  // A district's figures include its communes' (the roll-up is per receiving unit).
  const subtotal = new Map<number, FormCounts>();
  const add = (id: number, c: FormCounts) => {
    const t = subtotal.get(id);
    if (!t) return void subtotal.set(id, structuredClone(c));
    t.received.online += c.received.online;
    t.received.inPersonOrPost += c.received.inPersonOrPost;
    t.resolved.total += c.resolved.total;
    t.resolved.early += c.resolved.early;
    t.resolved.onTime += c.resolved.onTime;
  };
  const parentOf = new Map(units.map((u) => [u.id, u.parent_id]));
  const levelOf = new Map(units.map((u) => [u.id, u.level]));
  for (const [id, c] of byUnit) {
    const unitId = Number(id);
    add(unitId, c);
    const parent = parentOf.get(unitId);
    if (parent != null && levelOf.get(parent) === 'district') add(parent, c);
  }
  const parentCode = (u: repo.UnitRow) => (u.parent_id === null ? null : (codeById.get(u.parent_id) ?? null));
  const byLevel = (level: string) =>
    units
      .filter((u) => u.level === level)
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((u) => area(u, parentCode(u), subtotal.get(u.id)));
  return {
    generatedAt: now.toISOString(),
    services: { total: services.total, byOnlineLevel: services.byOnlineLevel, byTier: services.byTier },
    month: {
      from: month.from,
      to: month.to,
      received: (m?.received.online ?? 0) + (m?.received.inPersonOrPost ?? 0),
      resolved: m?.resolved.total ?? 0,
    },
    year: {
      from: year.from,
      to: year.to,
      received: (y?.received.online ?? 0) + (y?.received.inPersonOrPost ?? 0),
      resolved: y?.resolved.total ?? 0,
      onTimeRate: rate((y?.resolved.early ?? 0) + (y?.resolved.onTime ?? 0), y?.resolved.total ?? 0),
    },
    districts: byLevel('district'),
    communes: byLevel('commune'),
    speed,
  };
}
