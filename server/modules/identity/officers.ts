import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { assertContactsFree, isUniqueViolation } from './accounts.ts';
import { resolveAccess } from './access.ts';
import { resolveAssignment } from './officer-admin.ts';
import { assertStrongPassword, hashPassword } from './passwords.ts';
import type { Actor } from './policy.ts';
import * as repo from './repository.ts';
import type { AccountView, CreateOfficerBody } from './schemas.ts';
import { normalizeLogin } from './secrets.ts';
import type { RequestMeta } from './sessions.ts';
import type { OfficerRole } from './tables.ts';
import { auditableAccount, toAccountView } from './views.ts';

export async function listOfficers(ctx: AppContext, actor: Actor): Promise<{ items: AccountView[] }> {
  const access = await resolveAccess(ctx, actor, 'identity.officers.read');
  const rows = await repo.findOfficers(ctx.db, access);
  const roles = await repo.findRoles(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((row) => toAccountView(row, roles)) };
}

/** A unit administrator creates officers only for units and agencies inside their own subtree. */
export async function createOfficer(
  ctx: AppContext,
  actor: Actor,
  body: CreateOfficerBody,
  meta: RequestMeta,
): Promise<AccountView> {
  const access = await resolveAccess(ctx, actor, 'identity.officers.manage');
  const assignments: Array<{ role: OfficerRole; unit_id: number | null; agency_id: string | null }> = [];
  for (const [i, input] of body.roles.entries())
    assignments.push(await resolveAssignment(ctx, actor, access, input, `body.roles.${i}`));
  const phone = body.phone ? normalizeLogin(body.phone) : null;
  const email = body.email ? normalizeLogin(body.email) : null;
  if (!phone && !email)
    throw new AppError('VALIDATION', { vi: 'Dữ liệu chưa hợp lệ.', en: 'The request is not valid.' }, [
      {
        field: 'body.phone',
        message: { vi: 'Cần số điện thoại hoặc e-mail', en: 'a phone number or an e-mail is required' },
      },
    ]);
  assertStrongPassword('body.password', body.password, { phone, email });
  await assertContactsFree(ctx.db, { phone, email, nationalId: body.nationalId });
  const passwordHash = await hashPassword(body.password);
  const now = ctx.clock.now();
  const id = randomUUID();
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      await repo.insertAccount(trx, {
        id,
        kind: 'officer',
        phone,
        email,
        password_hash: passwordHash,
        full_name: body.fullName,
        national_id: body.nationalId ?? null,
        date_of_birth: null,
        address_unit_id: null,
        address_line: null,
        tax_code: null,
        representatives: null,
        national_id_subject: null,
        phone_verified_at: null,
        email_verified_at: null,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      });
      await repo.insertRoles(
        trx,
        assignments.map((a) => ({ id: randomUUID(), account_id: id, created_by: actor.id, created_at: now, ...a })),
      );
      const row = await repo.findAccountById(trx, id);
      const roles = await repo.findRoles(trx, [id]);
      if (!row) throw new Error('officer vanished inside its own transaction');
      await recordAudit(trx, {
        at: now,
        actor: { id: actor.id, kind: actor.kind },
        action: 'officer.create',
        record: { type: 'account', id },
        unitId: assignments[0]?.unit_id ?? null,
        agencyId: assignments[0]?.agency_id ?? null,
        ip: meta.ip,
        userAgent: meta.userAgent,
        after: { ...auditableAccount(row), roles: assignments },
      });
      return toAccountView(row, roles);
    });
  } catch (error) {
    if (isUniqueViolation(error)) await assertContactsFree(ctx.db, { phone, email, nationalId: body.nationalId });
    throw error;
  }
}
