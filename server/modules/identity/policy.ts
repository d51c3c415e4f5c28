import { findPolicy, type Role, type ScopeKind } from './permissions.ts';
import type { AccountKind, OfficerRole } from './tables.ts';

/**
 * The one policy function, pure: which grants an actor holds for a permission. The database side
 * (turning unit/agency assignments into the ids a query may touch) is in access.ts.
 */
export interface RoleGrant {
  role: OfficerRole;
  /** Exactly one of unitId / agencyId is set: the root of the subtree the role applies to. */
  unitId: number | null;
  unitCode: string | null;
  agencyId: string | null;
}

export interface Actor {
  id: string;
  kind: AccountKind;
  fullName: string;
  roles: RoleGrant[];
  isNationalIdVerified: boolean;
  /** How this request authenticated; API tokens carry an explicit permission list. */
  via: 'session' | 'api_token';
  tokenPermissions: readonly string[] | null;
  /** The session's anti-forgery token (cookie sessions only). */
  csrfToken: string | null;
}

export interface Grants {
  global: boolean;
  own: boolean;
  /** Assignments whose subtree the permission covers. */
  subtrees: RoleGrant[];
}

const NONE: Grants = { global: false, own: false, subtrees: [] };

export function grantsFor(actor: Actor, permission: string): Grants {
  const policy = findPolicy(permission);
  if (!policy) return NONE;
  // A token never exceeds its owner, and never exceeds the permissions written on it.
  if (actor.tokenPermissions && !actor.tokenPermissions.includes(permission)) return NONE;
  const grants: Grants = { global: false, own: false, subtrees: [] };
  const apply = (scope: ScopeKind | undefined, grant?: RoleGrant) => {
    if (scope === 'global') grants.global = true;
    else if (scope === 'own') grants.own = true;
    else if (scope === 'subtree' && grant) grants.subtrees.push(grant);
  };
  if (actor.kind === 'officer') for (const grant of actor.roles) apply(policy.grants[grant.role], grant);
  else apply(policy.grants[actor.kind satisfies Role]);
  return grants;
}

/** Permission-level decision: does the actor hold this permission anywhere at all? */
export function can(actor: Actor, permission: string): boolean {
  const g = grantsFor(actor, permission);
  return g.global || g.own || g.subtrees.length > 0;
}
