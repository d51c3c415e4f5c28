import type { Agency, AgencyList, Unit, UnitList } from '../../../shared/schemas/units.ts';
import type { AppContext } from '../../context.ts';
import { sharedCache } from '../../lib/shared-cache.ts';
import { activeUnitDate } from '../../lib/unit-set.ts';
import { notFound } from '../../http/errors.ts';
import * as repo from './repository.ts';
import type { AgencyListQuery, UnitListQuery } from './schemas.ts';

export { activeUnitDate };

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

// Read by every submission, action and routing walk. Agencies change with the reference data (a migration)
// and by an administrator's edit (agency-admin.ts), which announces it: announceChanges(trx, AGENCY_CACHE, [id]).
export const AGENCY_CACHE = 'agency';
const agencies = sharedCache<Agency>(AGENCY_CACHE);

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

export function toAgency(row: repo.AgencyRow): Agency {
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
    address: row.address,
    phone: row.phone,
    email: row.email,
    openingHours: row.opening_hours,
    version: row.version,
  };
}
