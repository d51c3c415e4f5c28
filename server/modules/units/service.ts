import type { Agency, AgencyList, Unit, UnitList } from '../../../shared/schemas/units.ts';
import type { UnitSet } from '../../config.ts';
import type { AppContext } from '../../context.ts';
import { sharedCache } from '../../lib/shared-cache.ts';
import { notFound } from '../../http/errors.ts';
import * as repo from './repository.ts';
import type { AgencyListQuery, UnitListQuery } from './schemas.ts';

// The day each reference set describes: 17/11/2018, when Hanoi's shared one-stop system went live (the
// article), and 01/07/2025, when the two-tier reform took effect (Resolution 1656/NQ-UBTVQH15).
const SET_DATES: Record<UnitSet, string> = { '2018': '2018-11-17', '2025': '2025-07-01' };

export function activeUnitDate(ctx: Pick<AppContext, 'config'>): string {
  return SET_DATES[ctx.config.UNIT_SET];
}

export async function listUnits(ctx: AppContext, query: UnitListQuery): Promise<UnitList> {
  const { total, rows } = await repo.findUnits(ctx.db, {
    at: query.at ?? activeUnitDate(ctx),
    level: query.level,
    parentCode: query.parent,
    q: query.q,
    limit: query.limit,
    offset: query.offset,
  });
  return { total, items: rows.map(toUnit) };
}

export async function getUnit(ctx: AppContext, code: string, at?: string): Promise<Unit> {
  const row = await repo.findUnitByCode(ctx.db, code, at ?? activeUnitDate(ctx));
  if (!row) throw notFound({ vi: 'đơn vị hành chính', en: 'administrative unit' }, code);
  return toUnit(row);
}

export async function listAgencies(ctx: AppContext, query: AgencyListQuery): Promise<AgencyList> {
  const at = query.at ?? activeUnitDate(ctx);
  const unit = query.unit ? await getUnit(ctx, query.unit, at) : undefined;
  const { total, rows } = await repo.findAgencies(ctx.db, {
    at,
    unitId: unit?.id,
    parentId: query.parent,
    level: query.level,
    kind: query.kind,
    q: query.q,
    limit: query.limit,
    offset: query.offset,
  });
  return { total, items: rows.map(toAgency) };
}

export async function getAgency(ctx: AppContext, id: string): Promise<Agency> {
  const agency = await agencies.get(ctx.db, id, async () => {
    const row = await repo.findAgencyById(ctx.db, id);
    return row ? toAgency(row) : undefined;
  });
  if (!agency) throw notFound({ vi: 'cơ quan', en: 'agency' }, id);
  return agency;
}

// Read by every submission, action and routing walk. Agencies change only with the reference data (a
// migration); whatever edits them later announces the change: announceChange(trx, 'agency', id).
const agencies = sharedCache<Agency>('agency');

function toUnit(row: repo.UnitRow): Unit {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    fullName: row.full_name,
    type: row.type,
    typeLabel: row.type_label,
    level: row.level,
    parentCode: row.parent_code,
    unitSet: row.unit_set,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  };
}

function toAgency(row: repo.AgencyRow): Agency {
  return {
    id: row.id,
    key: row.key,
    idStatus: row.id_status,
    name: row.name,
    shortName: row.short_name,
    kind: row.kind,
    level: row.level,
    unitCode: row.unit_code,
    unitId: row.unit_id,
    parentId: row.parent_id,
  };
}
