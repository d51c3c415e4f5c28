import { randomInt, randomUUID } from 'node:crypto';
import type { AppContext } from '../../server/context.ts';
import { hashPassword } from '../../server/modules/identity/passwords.ts';
import { startSession, CSRF_HEADER, SESSION_COOKIE } from '../../server/modules/identity/sessions.ts';
import type { AccountKind, OfficerRole } from '../../server/modules/identity/tables.ts';

/**
 * Factories for accounts and sessions in API tests:
 *
 *   const clerk = await createOfficer(ctx, { role: 'receptionist', unitCode: '00037' });
 *   const res = await app.inject({ method: 'POST', url: '/api/…', headers: await loginAs(ctx, clerk), payload });
 *
 * Accounts are written straight to the database (no password unless asked: argon2 is slow on purpose),
 * and loginAs opens a real session row, so the permission guard, CSRF check and scoping run for real.
 */
export interface TestAccount {
  id: string;
  kind: AccountKind;
  fullName: string;
  phone: string;
  email: string;
  password: string | null;
}

export interface RoleSpec {
  role: OfficerRole;
  unitCode?: string;
  agencyId?: string;
}

function uniquePhone(): string {
  return `09${String(randomInt(10_000_000, 99_999_999))}`;
}

async function insertAccount(
  ctx: AppContext,
  kind: AccountKind,
  opts: { fullName?: string; password?: string; nationalId?: string; disabled?: boolean },
): Promise<TestAccount> {
  const id = randomUUID();
  const phone = uniquePhone();
  const email = `${kind}.${id.slice(0, 8)}@example.test`;
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('accounts')
    .values({
      id,
      kind,
      phone,
      email,
      password_hash: opts.password ? await hashPassword(opts.password) : null,
      full_name: opts.fullName ?? `Test ${kind} ${id.slice(0, 4)}`,
      national_id: opts.nationalId ?? null,
      date_of_birth: null,
      address_unit_id: null,
      address_line: null,
      tax_code: kind === 'business' ? '0101234567' : null,
      representatives: null,
      is_disabled: opts.disabled ?? false,
      national_id_subject: null,
      phone_verified_at: now,
      email_verified_at: now,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, kind, fullName: opts.fullName ?? '', phone, email, password: opts.password ?? null };
}

/** An officer holding one role (`role` + `unitCode` | `agencyId`) or several (`roles`). */
export async function createOfficer(
  ctx: AppContext,
  spec: (RoleSpec | { roles: RoleSpec[] }) & { fullName?: string; password?: string; disabled?: boolean },
): Promise<TestAccount> {
  const roles = 'roles' in spec ? spec.roles : [spec];
  const account = await insertAccount(ctx, 'officer', spec);
  for (const r of roles) {
    let unitId: number | null = null;
    if (r.unitCode !== undefined) {
      const unit = await ctx.db
        .selectFrom('units')
        .select('id')
        .where('code', '=', r.unitCode)
        .orderBy('valid_from', 'desc')
        .executeTakeFirst();
      if (!unit) throw new Error(`createOfficer: no unit ${r.unitCode}`);
      unitId = unit.id;
    }
    await ctx.db
      .insertInto('role_assignments')
      .values({
        id: randomUUID(),
        account_id: account.id,
        role: r.role,
        unit_id: unitId,
        agency_id: r.agencyId ?? null,
        created_by: null,
        created_at: ctx.clock.now(),
      })
      .execute();
  }
  return account;
}

export function createCitizen(
  ctx: AppContext,
  opts: { fullName?: string; password?: string; nationalId?: string; disabled?: boolean } = {},
): Promise<TestAccount> {
  return insertAccount(ctx, 'citizen', opts);
}

export function createBusiness(
  ctx: AppContext,
  opts: { fullName?: string; password?: string } = {},
): Promise<TestAccount> {
  return insertAccount(ctx, 'business', opts);
}

/** Headers of a fresh logged-in session: the session cookie and the matching CSRF header. */
export async function loginAs(ctx: AppContext, account: { id: string }): Promise<Record<string, string>> {
  const session = await startSession(ctx, ctx.db, account.id, { ip: '127.0.0.1', userAgent: 'vitest' });
  return { cookie: `${SESSION_COOKIE}=${session.token}`, [CSRF_HEADER]: session.csrfToken };
}

/** The last one-time code queued for an address (phone or e-mail), read from the notifications outbox. */
export async function lastCodeSentTo(
  ctx: AppContext,
  address: string,
  template: 'identity.verify_phone' | 'identity.verify_email' | 'identity.reset_password',
): Promise<string> {
  const row = await ctx.db
    .selectFrom('notifications')
    .select('params')
    .where('address', '=', address)
    .where('template', '=', template)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return (row.params as { code: string }).code;
}
