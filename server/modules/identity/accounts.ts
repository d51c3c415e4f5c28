import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import { AppError, type ErrorDetail } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { activeUnitDate } from '../../lib/unit-set.ts';
import { disabledAccount } from './authenticate.ts';
import { issueCode } from './codes.ts';
import { assertNotLocked, clearFailures, recordFailure } from './lockout.ts';
import { assertStrongPassword, hashPassword, verifyPassword } from './passwords.ts';
import * as repo from './repository.ts';
import type { LoginBody, MeView, ProfileUpdate, RegisterBody } from './schemas.ts';
import { normalizeLogin } from './secrets.ts';
import { startSession, type NewSession, type RequestMeta } from './sessions.ts';
import { auditableAccount, toAccountView } from './views.ts';

function invalid(field: string, vi: string, en: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError('VALIDATION', { vi: 'Dữ liệu chưa hợp lệ.', en: 'The request is not valid.' }, [
    { field, message: { vi, en }, ...extra },
  ]);
}

export async function assertContactsFree(
  db: Database,
  contacts: { phone?: string | null; email?: string | null; nationalId?: string | null },
  exceptId?: string,
): Promise<void> {
  const taken = await repo.findTakenContacts(db, contacts, exceptId);
  if (taken.length === 0) return;
  const details: ErrorDetail[] = taken.map((field) => ({
    field: `body.${field}`,
    message: { vi: 'đã được một tài khoản khác dùng', en: 'already used by another account' },
  }));
  throw new AppError('CONFLICT', { vi: 'Thông tin đã được đăng ký.', en: 'Already registered.' }, details);
}

export async function resolveUnitId(ctx: AppContext, code: string | undefined, field: string): Promise<number | null> {
  if (code === undefined) return null;
  const unit = await repo.findUnitIdByCode(ctx.db, code, activeUnitDate(ctx));
  if (!unit) throw invalid(field, `Không có đơn vị hành chính mã ${code}`, `no administrative unit ${code}`);
  return unit.id;
}

/** Unique-constraint race (two registrations at once) → the same 409 as the pre-check. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

export async function registerAccount(
  ctx: AppContext,
  body: RegisterBody,
  meta: RequestMeta,
): Promise<{ me: MeView; session: NewSession }> {
  const phone = body.phone ? normalizeLogin(body.phone) : null;
  const email = body.email ? normalizeLogin(body.email) : null;
  if (!phone && !email)
    throw invalid('body.phone', 'Cần số điện thoại hoặc e-mail', 'a phone number or an e-mail is required');
  if (body.kind === 'business' && !body.taxCode)
    throw invalid('body.taxCode', 'Doanh nghiệp cần mã số thuế', 'a business needs its tax code');
  assertStrongPassword('body.password', body.password, { phone, email });
  const addressUnitId = await resolveUnitId(ctx, body.addressUnitCode, 'body.addressUnitCode');
  await assertContactsFree(ctx.db, { phone, email, nationalId: body.nationalId });
  const passwordHash = await hashPassword(body.password);
  const now = ctx.clock.now();
  const id = randomUUID();
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      await repo.insertAccount(trx, {
        id,
        kind: body.kind,
        phone,
        email,
        password_hash: passwordHash,
        full_name: body.fullName,
        national_id: body.nationalId ?? null,
        date_of_birth: body.dateOfBirth ?? null,
        address_unit_id: addressUnitId,
        address_line: body.addressLine ?? null,
        tax_code: body.taxCode ?? null,
        representatives: body.representatives ? JSON.stringify(body.representatives) : null,
        national_id_subject: null,
        phone_verified_at: null,
        email_verified_at: null,
        created_by: null,
        created_at: now,
        updated_at: now,
      });
      if (phone)
        await issueCode(ctx, trx, { accountId: id, purpose: 'verify_phone', channel: 'sms', recipient: phone });
      if (email)
        await issueCode(ctx, trx, { accountId: id, purpose: 'verify_email', channel: 'email', recipient: email });
      const row = await repo.findAccountById(trx, id);
      if (!row) throw new Error('account vanished inside its own transaction');
      await recordAudit(trx, {
        at: now,
        actor: { id, kind: body.kind },
        action: 'account.register',
        record: { type: 'account', id },
        ip: meta.ip,
        userAgent: meta.userAgent,
        after: auditableAccount(row),
      });
      const session = await startSession(ctx, trx, id, meta);
      return { me: { account: toAccountView(row, []), csrfToken: session.csrfToken }, session };
    });
  } catch (error) {
    if (isUniqueViolation(error)) await assertContactsFree(ctx.db, { phone, email, nationalId: body.nationalId });
    throw error;
  }
}

const badCredentials = () =>
  new AppError('UNAUTHENTICATED', {
    vi: 'Số điện thoại/e-mail hoặc mật khẩu không đúng.',
    en: 'Wrong phone/e-mail or password.',
  });

/** The same answer, in the same time, for an unknown login name and for a wrong password. */
export async function logIn(
  ctx: AppContext,
  body: LoginBody,
  meta: RequestMeta,
): Promise<{ me: MeView; session: NewSession }> {
  const login = normalizeLogin(body.login);
  await assertNotLocked(ctx, login);
  const account = await repo.findAccountByLogin(ctx.db, login);
  const ok = await verifyPassword(account?.password_hash ?? null, body.password);
  if (!account || !ok) {
    await recordFailure(ctx, login);
    throw badCredentials();
  }
  if (account.is_disabled) throw disabledAccount();
  await clearFailures(ctx, login);
  return ctx.db.transaction().execute(async (trx) => {
    const session = await startSession(ctx, trx, account.id, meta);
    await recordAudit(trx, {
      at: ctx.clock.now(),
      actor: { id: account.id, kind: account.kind },
      action: 'account.login',
      record: { type: 'account', id: account.id },
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    const roles = await repo.findRoles(trx, [account.id]);
    return { me: { account: toAccountView(account, roles), csrfToken: session.csrfToken }, session };
  });
}

export async function getMe(ctx: AppContext, accountId: string, csrfToken: string | null): Promise<MeView> {
  const row = await repo.findAccountById(ctx.db, accountId);
  if (!row) throw new AppError('UNAUTHENTICATED', { vi: 'Tài khoản không còn.', en: 'The account no longer exists.' });
  return { account: toAccountView(row, await repo.findRoles(ctx.db, [accountId])), csrfToken };
}

export async function updateProfile(
  ctx: AppContext,
  accountId: string,
  body: ProfileUpdate,
  meta: RequestMeta,
): Promise<MeView> {
  const before = await repo.findAccountById(ctx.db, accountId);
  if (!before)
    throw new AppError('UNAUTHENTICATED', { vi: 'Tài khoản không còn.', en: 'The account no longer exists.' });
  const phone = body.phone !== undefined ? normalizeLogin(body.phone) : undefined;
  const email = body.email !== undefined ? normalizeLogin(body.email) : undefined;
  if (body.nationalId !== undefined && before.is_national_id_verified && body.nationalId !== before.national_id)
    throw invalid(
      'body.nationalId',
      'Số CCCD đã xác thực qua VNeID, không sửa được',
      'verified by national e-ID; cannot be changed',
    );
  const addressUnitId =
    body.addressUnitCode !== undefined
      ? await resolveUnitId(ctx, body.addressUnitCode, 'body.addressUnitCode')
      : undefined;
  await assertContactsFree(ctx.db, { phone, email, nationalId: body.nationalId }, accountId);
  const now = ctx.clock.now();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.updateAccount(trx, accountId, {
        ...(body.fullName !== undefined && { full_name: body.fullName }),
        ...(phone !== undefined && phone !== before.phone && { phone, phone_verified_at: null }),
        ...(email !== undefined && email !== before.email && { email, email_verified_at: null }),
        ...(body.nationalId !== undefined && { national_id: body.nationalId }),
        ...(body.dateOfBirth !== undefined && { date_of_birth: body.dateOfBirth }),
        ...(addressUnitId !== undefined && { address_unit_id: addressUnitId }),
        ...(body.addressLine !== undefined && { address_line: body.addressLine }),
        ...(body.taxCode !== undefined && { tax_code: body.taxCode }),
        ...(body.representatives !== undefined && { representatives: JSON.stringify(body.representatives) }),
        updated_at: now,
      });
      if (phone !== undefined && phone !== before.phone)
        await issueCode(ctx, trx, { accountId, purpose: 'verify_phone', channel: 'sms', recipient: phone });
      if (email !== undefined && email !== before.email)
        await issueCode(ctx, trx, { accountId, purpose: 'verify_email', channel: 'email', recipient: email });
      const after = await repo.findAccountById(trx, accountId);
      await recordAudit(trx, {
        at: now,
        actor: { id: accountId, kind: before.kind },
        action: 'account.update',
        record: { type: 'account', id: accountId },
        ip: meta.ip,
        userAgent: meta.userAgent,
        before: auditableAccount(before),
        after: after ? auditableAccount(after) : null,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      await assertContactsFree(ctx.db, { phone, email, nationalId: body.nationalId }, accountId);
    throw error;
  }
  return getMe(ctx, accountId, null);
}
