import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { resolveUnitId } from './accounts.ts';
import { resolveAccess } from './access.ts';
import { forbidden } from './authenticate.ts';
import type { Actor } from './policy.ts';
import * as repo from './repository.ts';
import type { AccountView, OfficerUpdate, RoleInput } from './schemas.ts';
import { isInScope, type Access } from './scope.ts';
import type { RequestMeta } from './sessions.ts';
import type { OfficerRole } from './tables.ts';
import { auditableAccount, toAccountView } from './views.ts';

// Roles that reach beyond one unit's business; only a city administrator hands them out.
export const CITY_ONLY_ROLES: readonly OfficerRole[] = ['city_admin', 'inspector'];

const notAnOfficer = (id: string) => notFound({ vi: 'cán bộ', en: 'officer' }, id);

/**
 * An administrator manages an officer only if every one of the officer's assignments lies inside the
 * administrator's subtree: a district admin cannot disable a city inspector who also holds a ward role.
 * Officers wholly outside answer 404 (their existence is not confirmed).
 */
async function getManagedOfficer(ctx: AppContext, access: Access, id: string) {
  const account = await repo.findAccountById(ctx.db, id);
  if (!account || account.kind !== 'officer') throw notAnOfficer(id);
  const roles = await repo.findRoles(ctx.db, [id]);
  const inside = roles.filter((r) => isInScope(access, { unitId: r.unit_id, agencyId: r.agency_id }));
  if (inside.length === 0) throw notAnOfficer(id);
  if (inside.length < roles.length) throw forbidden();
  return { account, roles };
}

export async function updateOfficer(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: OfficerUpdate,
  meta: RequestMeta,
): Promise<AccountView> {
  const access = await resolveAccess(ctx, actor, 'identity.officers.manage');
  const { account: before, roles } = await getManagedOfficer(ctx, access, id);
  if (id === actor.id && body.disabled === true)
    throw new AppError('BAD_REQUEST', {
      vi: 'Không thể tự khóa tài khoản của mình.',
      en: 'You cannot disable yourself.',
    });
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    await repo.updateAccount(trx, id, {
      ...(body.fullName !== undefined && { full_name: body.fullName }),
      ...(body.disabled !== undefined && { is_disabled: body.disabled }),
      updated_at: now,
    });
    // A disabled officer is out at once, not at the end of their session.
    if (body.disabled === true) await repo.deleteSessionsOf(trx, id);
    const after = await repo.findAccountById(trx, id);
    if (!after) throw notAnOfficer(id);
    await recordAudit(trx, {
      at: now,
      actor: { id: actor.id, kind: actor.kind },
      action: 'officer.update',
      record: { type: 'account', id },
      ip: meta.ip,
      userAgent: meta.userAgent,
      before: auditableAccount(before),
      after: auditableAccount(after),
    });
    return toAccountView(after, roles);
  });
}

/** Checks that a requested assignment lies inside the administrator's subtree; returns it resolved. */
export async function resolveAssignment(
  ctx: AppContext,
  actor: Actor,
  access: Access,
  input: RoleInput,
  field: string,
): Promise<{ role: OfficerRole; unit_id: number | null; agency_id: string | null }> {
  if (CITY_ONLY_ROLES.includes(input.role) && !actor.roles.some((g) => g.role === 'city_admin')) throw forbidden();
  const unitId = await resolveUnitId(ctx, input.unitCode, `${field}.unitCode`);
  if (input.agencyId !== undefined) {
    const agency = await ctx.db.selectFrom('agencies').select('id').where('id', '=', input.agencyId).executeTakeFirst();
    if (!agency)
      throw new AppError('VALIDATION', { vi: 'Dữ liệu chưa hợp lệ.', en: 'The request is not valid.' }, [
        { field: `${field}.agencyId`, message: { vi: 'không có cơ quan này', en: 'no such agency' } },
      ]);
  }
  if (!isInScope(access, { unitId, agencyId: input.agencyId ?? null })) throw forbidden();
  return { role: input.role, unit_id: unitId, agency_id: input.agencyId ?? null };
}

export async function addOfficerRole(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: RoleInput,
  meta: RequestMeta,
): Promise<AccountView> {
  const access = await resolveAccess(ctx, actor, 'identity.officers.manage');
  const { account } = await getManagedOfficer(ctx, access, id);
  const assignment = await resolveAssignment(ctx, actor, access, input, 'body');
  const now = ctx.clock.now();
  const roleId = randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertRoles(trx, [{ id: roleId, account_id: id, created_by: actor.id, created_at: now, ...assignment }]);
    await recordAudit(trx, {
      at: now,
      actor: { id: actor.id, kind: actor.kind },
      action: 'officer.role_add',
      record: { type: 'account', id },
      unitId: assignment.unit_id,
      agencyId: assignment.agency_id,
      ip: meta.ip,
      userAgent: meta.userAgent,
      after: { roleId, ...assignment },
    });
  });
  return toAccountView(account, await repo.findRoles(ctx.db, [id]));
}

const ADMIN_ROLES: readonly OfficerRole[] = ['unit_admin', 'city_admin'];

/**
 * Roles are held per unit subtree, so a unit is administered by every administrator of it or of a unit
 * above it. Taking away an administrator role is refused when nobody else (enabled) would still
 * administer its unit or agency: the city, or a unit outside every other administrator's reach, would be
 * left with no one able to give roles back. (A ward's own administrator may go: the district's and the
 * city's still cover it.)
 */
async function refuseLastAdministrator(trx: Database, role: repo.RoleRow): Promise<void> {
  await repo.lockAdministratorRemovals(trx);
  const others = await repo.countOtherAdministrators(trx, { unitId: role.unit_id, agencyId: role.agency_id }, role.id);
  if (others > 0) return;
  const where = role.agency_name ?? role.unit_name ?? '';
  throw new AppError(
    'CONFLICT',
    {
      vi: `Đây là quyền quản trị cuối cùng của ${where}: hãy giao quyền quản trị cho cán bộ khác trước khi gỡ.`,
      en: `This is the last administrator role for ${where}: give another officer an administrator role first.`,
    },
    [
      {
        field: 'params.roleId',
        message: { vi: 'quyền quản trị cuối cùng của đơn vị', en: 'the unit’s last administrator role' },
      },
    ],
  );
}

export async function removeOfficerRole(
  ctx: AppContext,
  actor: Actor,
  id: string,
  roleId: string,
  meta: RequestMeta,
): Promise<AccountView> {
  const access = await resolveAccess(ctx, actor, 'identity.officers.manage');
  const { account, roles } = await getManagedOfficer(ctx, access, id);
  const role = roles.find((r) => r.id === roleId);
  if (!role) throw notFound({ vi: 'phân quyền', en: 'role assignment' }, roleId);
  if (CITY_ONLY_ROLES.includes(role.role) && !actor.roles.some((g) => g.role === 'city_admin')) throw forbidden();
  // An officer without any role is outside every administrator's reach (nobody could disable them or give a
  // role back): the last one stays; an officer who leaves is disabled instead.
  if (roles.length === 1)
    throw new AppError(
      'CONFLICT',
      {
        vi: 'Đây là vai trò duy nhất của cán bộ: hãy khóa tài khoản nếu cán bộ thôi công tác.',
        en: 'This is the officer’s only role: disable the account if the officer has left.',
      },
      [{ field: 'params.roleId', message: { vi: 'vai trò duy nhất của cán bộ', en: 'the officer’s only role' } }],
    );
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (ADMIN_ROLES.includes(role.role)) await refuseLastAdministrator(trx, role);
    await repo.deleteRole(trx, roleId);
    await recordAudit(trx, {
      at: now,
      actor: { id: actor.id, kind: actor.kind },
      action: 'officer.role_remove',
      record: { type: 'account', id },
      unitId: role.unit_id,
      agencyId: role.agency_id,
      ip: meta.ip,
      userAgent: meta.userAgent,
      before: { roleId, role: role.role, unit_id: role.unit_id, agency_id: role.agency_id },
    });
  });
  return toAccountView(account, await repo.findRoles(ctx.db, [id]));
}
