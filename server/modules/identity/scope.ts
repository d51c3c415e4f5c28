import { sql, type RawBuilder } from 'kysely';

/**
 * What an actor may touch under one permission, as id sets a query puts in its WHERE clause
 * (issue 3: "unit scoping is applied inside queries, not by filtering results afterwards").
 *
 * - `all`: no restriction (a `global` grant).
 * - `ownerId`: records owned by this account (citizens, businesses; one's own profile).
 * - `unitIds` / `agencyIds`: a role assigned for a unit covers that unit, every unit below it, and every
 *   agency located in those units and below; a role assigned for an agency covers that agency and the
 *   agencies below it (agencies.parent_id), not the whole unit. Records keyed by handling agency
 *   should filter on `agencyIds`; records keyed only by unit on `unitIds`.
 */
export interface Access {
  permission: string;
  all: boolean;
  ownerId: string | null;
  unitIds: number[];
  agencyIds: string[];
}

export function isEmptyAccess(access: Access): boolean {
  return !access.all && access.ownerId === null && access.unitIds.length === 0 && access.agencyIds.length === 0;
}

export interface ScopeTarget {
  unitId?: number | null;
  agencyId?: string | null;
  ownerId?: string | null;
}

/** Decision for one record already in hand (e.g. the dossier an action is about). */
export function isInScope(access: Access, target: ScopeTarget): boolean {
  if (access.all) return true;
  if (access.ownerId !== null && target.ownerId === access.ownerId) return true;
  if (target.unitId != null && access.unitIds.includes(target.unitId)) return true;
  if (target.agencyId != null && access.agencyIds.includes(target.agencyId)) return true;
  return false;
}

/**
 * The same decision as a SQL condition for a list query:
 * `.where(scopeCondition(access, { agency: 'd.handling_agency_id', owner: 'd.applicant_account_id' }))`.
 * Column names are trusted identifiers from the calling module, never user input.
 */
export function scopeCondition(
  access: Access,
  columns: { unit?: string; agency?: string; owner?: string },
): RawBuilder<boolean> {
  if (access.all) return sql<boolean>`true`;
  const parts: RawBuilder<unknown>[] = [];
  if (columns.owner && access.ownerId !== null) parts.push(sql`${sql.ref(columns.owner)} = ${access.ownerId}`);
  if (columns.unit && access.unitIds.length > 0)
    parts.push(sql`${sql.ref(columns.unit)} IN (${sql.join(access.unitIds)})`);
  if (columns.agency && access.agencyIds.length > 0)
    parts.push(sql`${sql.ref(columns.agency)} IN (${sql.join(access.agencyIds)})`);
  return parts.length === 0 ? sql<boolean>`false` : sql<boolean>`(${sql.join(parts, sql` OR `)})`;
}
