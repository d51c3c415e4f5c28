import type { AppContext } from '../../context.ts';
import { resolveAccess } from './access.ts';
import { forbidden, loadActor } from './authenticate.ts';
import type { Actor } from './policy.ts';
import * as repo from './repository.ts';
import { isInScope, type ScopeTarget } from './scope.ts';

/**
 * What other modules use of identity (STYLE.md: a module is used only through its service.ts).
 *
 * In a route: `config: { permission: 'dossier.read' }`, then `request.actor` is the caller.
 * In a list query: `const access = await resolveAccess(ctx, actor, 'dossier.read')` and
 * `.where(scopeCondition(access, { agency: 'd.handling_agency_id', owner: 'd.applicant_id' }))`.
 * For one record in hand: `await assertInScope(ctx, actor, 'dossier.process', { agencyId })`.
 */
export type { Actor, RoleGrant } from './policy.ts';
export { can, grantsFor } from './policy.ts';
export { resolveAccess } from './access.ts';
export { isEmptyAccess, isInScope, scopeCondition, type Access, type ScopeTarget } from './scope.ts';
export { rateLimit } from './rate-limits.ts';
export { PERMISSIONS, type PermissionName } from './permissions.ts';

export async function assertInScope(
  ctx: Pick<AppContext, 'db'>,
  actor: Actor,
  permission: string,
  target: ScopeTarget,
): Promise<void> {
  if (!isInScope(await resolveAccess(ctx, actor, permission), target)) throw forbidden();
}

export interface AccountSummary {
  id: string;
  kind: 'citizen' | 'business' | 'officer';
  fullName: string;
  phone: string | null;
  email: string | null;
  nationalId: string | null;
  isNationalIdVerified: boolean;
}

/** For other modules: the applicant's name and contacts (e.g. to pre-fill a dossier). */
export async function findAccountSummary(ctx: Pick<AppContext, 'db'>, id: string): Promise<AccountSummary | undefined> {
  const row = await repo.findAccountById(ctx.db, id);
  if (!row) return undefined;
  return {
    id: row.id,
    kind: row.kind,
    fullName: row.full_name,
    phone: row.phone,
    email: row.email,
    nationalId: row.national_id,
    isNationalIdVerified: row.is_national_id_verified,
  };
}

/**
 * For other modules: an active officer with their role assignments, to ask what they may do (e.g.
 * whether a dossier step may be assigned to them). Undefined for an unknown id, a citizen or business
 * account, or a disabled officer.
 */
export async function findActiveOfficer(ctx: Pick<AppContext, 'db'>, id: string): Promise<Actor | undefined> {
  const account = await repo.findAccountById(ctx.db, id);
  if (!account || account.kind !== 'officer' || account.is_disabled) return undefined;
  return loadActor(ctx, account.id, 'session', null);
}
