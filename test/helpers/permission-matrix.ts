import { randomInt } from 'node:crypto';
import type { AppContext } from '../../server/context.ts';
import { createOfficer } from './auth.ts';
import { ALL_ROLES, findPolicy, type Role } from '../../server/modules/identity/permissions.ts';

/**
 * The permission matrix's vocabulary (test/permission-matrix.test.ts). Expectations are computed from
 * the declared catalogue (server/modules/identity/permissions.ts), independently of the engine that
 * enforces it (guard, subtree queries, scope conditions).
 *
 * Places, for an officer whose role is assigned at "own":
 *   own     — the unit the role is assigned for
 *   child   — a unit below it (covered by the subtree)
 *   sibling — another unit with the same parent (never covered, unless the grant is global)
 *   parent  — the unit above (never covered, unless the grant is global)
 */
export const PLACES = ['own', 'child', 'sibling', 'parent'] as const;
export type Place = (typeof PLACES)[number];

/** Two layouts: a district officer (Hoàn Kiếm) and a commune officer (Phúc Tân, a ward of Hoàn Kiếm). */
export const LAYOUTS: Array<{ name: string; units: Record<Place, string> }> = [
  { name: 'district', units: { own: '002', child: '00037', sibling: '001', parent: '01' } },
  { name: 'commune', units: { own: '00037', child: '00037', sibling: '00040', parent: '002' } },
];

export { ALL_ROLES, type Role };

export type Decision = 'allow' | 'deny';

/** May a holder of `role` (assigned at "own") use `permission` at all? */
export function expectedGate(role: Role, permission: string): Decision {
  return findPolicy(permission)?.grants[role] !== undefined ? 'allow' : 'deny';
}

/** May a holder of `role` assigned at "own" touch a record located at `place`? */
export function expectedAtPlace(role: Role, permission: string, place: Place): Decision {
  const scope = findPolicy(permission)?.grants[role];
  if (scope === 'global') return 'allow';
  if (scope === 'subtree') return place === 'own' || place === 'child' ? 'allow' : 'deny';
  return 'deny'; // 'own' grants never reach another unit's records; no grant, no access
}

/** May the actor touch a record it owns (own = true) or someone else's (own = false)? */
export function expectedOwnRecord(role: Role, permission: string, own: boolean): Decision {
  const scope = findPolicy(permission)?.grants[role];
  if (scope === 'global') return 'allow';
  return scope === 'own' && own ? 'allow' : 'deny';
}

/**
 * A route whose decision depends on a record's place declares how to build such a request; the
 * matrix then checks it over HTTP for every role and place. Routes without a fixture are checked at
 * the gate over HTTP and at the permission-decision level (resolveAccess + isInScope) per place.
 */
export interface RecordFixture {
  method: string;
  /** The route pattern as registered, e.g. '/api/officers'. */
  url: string;
  build(ctx: AppContext, place: { unitCode: string }): Promise<{ url: string; payload?: unknown }>;
}

export const recordFixtures: RecordFixture[] = [
  {
    // identity: renaming an officer whose role is at the place.
    method: 'PATCH',
    url: '/api/officers/:id',
    build: async (ctx, place) => {
      const officer = await createOfficer(ctx, { role: 'specialist', unitCode: place.unitCode });
      return { url: `/api/officers/${officer.id}`, payload: { fullName: 'Cán bộ Đổi Tên' } };
    },
  },
  {
    // identity: creating an officer is a write located at the unit the new role is for.
    method: 'POST',
    url: '/api/officers',
    build: async (_ctx, place) => ({
      url: '/api/officers',
      payload: {
        fullName: 'Cán bộ Ma Trận',
        phone: `08${String(randomInt(10_000_000, 99_999_999))}`,
        password: 'Matran2024quyen',
        roles: [{ role: 'specialist', unitCode: place.unitCode }],
      },
    }),
  },
  {
    // identity: taking away one of two roles of an officer at the place (the last role always stays).
    method: 'DELETE',
    url: '/api/officers/:id/roles/:roleId',
    build: async (ctx, place) => {
      const officer = await createOfficer(ctx, {
        roles: [
          { role: 'specialist', unitCode: place.unitCode },
          { role: 'leader', unitCode: place.unitCode },
        ],
      });
      const role = await ctx.db
        .selectFrom('role_assignments')
        .select('id')
        .where('account_id', '=', officer.id)
        .where('role', '=', 'specialist')
        .executeTakeFirstOrThrow();
      return { url: `/api/officers/${officer.id}/roles/${role.id}` };
    },
  },
  {
    // units: updating the contact details of the People's Committee of the place, on its current version.
    method: 'PATCH',
    url: '/api/agencies/:id',
    build: async (ctx, place) => {
      const agency = await ctx.db
        .selectFrom('agencies')
        .innerJoin('units', 'units.id', 'agencies.unit_id')
        .select(['agencies.id', 'agencies.version'])
        .where('units.code', '=', place.unitCode)
        .where('agencies.kind', 'like', '%peoples-committee')
        .orderBy('units.valid_from', 'desc')
        .executeTakeFirstOrThrow();
      return {
        url: `/api/agencies/${agency.id}`,
        payload: { version: agency.version, openingHours: `Thứ Hai – Thứ Sáu, ${randomInt(7, 9)}:00–17:00` },
      };
    },
  },
];
