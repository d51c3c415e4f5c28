import type { CatalogueStats, ProcedureList } from '../../../shared/schemas/procedure.ts';
import type { AppContext } from '../../context.ts';
import { getUnit, listAgencies } from '../units/service.ts';
import { countOnlineServices, searchProcedures } from './repository-search.ts';
import type { ProcedureListQuery } from './schemas.ts';
import { todayInVietnam } from './service.ts';

/** The public catalogue: published versions in force, searched and filtered, a page at a time. */
export async function searchCatalogue(ctx: AppContext, query: ProcedureListQuery): Promise<ProcedureList> {
  const at = query.at ?? todayInVietnam(ctx);
  let unit: { level: string; agencyIds: string[] } | undefined;
  if (query.unit) {
    const found = await getUnit(ctx, query.unit, at);
    const agencies = await listAgencies(ctx, { unit: query.unit, at, limit: 1000, offset: 0 });
    unit = { level: found.level, agencyIds: agencies.items.map((a) => a.id) };
  }
  const { total, rows } = await searchProcedures(ctx.db, {
    at,
    q: query.q,
    tier: query.tier,
    unit,
    agencyId: query.agency,
    sector: query.sector,
    onlineLevel: query.onlineLevel,
    hasFee: query.fee === undefined ? undefined : query.fee === 'paid',
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      sector: r.sector,
      tiers: r.tiers as ProcedureList['items'][number]['tiers'],
      agencyId: r.agency_id,
      onlineLevel: r.online_level as 2 | 3 | 4,
      hasFee: r.has_fee,
      timeLimit: { value: r.time_limit_value, unit: r.time_limit_unit },
      validFrom: r.valid_from,
      validTo: r.valid_to,
      ...(query.q ? { score: Math.round(r.score * 1000) / 1000 } : {}),
    })),
  };
}

/** Counts of published online services (levels 3 and 4) in force, as the article states them. */
export async function catalogueStats(ctx: AppContext, at?: string): Promise<CatalogueStats> {
  const day = at ?? todayInVietnam(ctx);
  const counts = await countOnlineServices(ctx.db, day);
  return {
    total: counts.total,
    byOnlineLevel: Object.fromEntries(counts.byLevel.map((r) => [String(r.key), r.n])),
    byTier: Object.fromEntries(counts.byTier.map((r) => [r.key, r.n])),
    at: day,
  };
}
