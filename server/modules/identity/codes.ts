import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { enqueueNotification } from '../notifications/service.ts';
import { clearFailures } from './lockout.ts';
import { assertStrongPassword, hashPassword, verifyPassword } from './passwords.ts';
import * as repo from './repository.ts';
import { normalizeLogin, randomDigits, safeEqual, sha256 } from './secrets.ts';
import type { RequestMeta } from './sessions.ts';
import type { CodePurpose } from './tables.ts';

const CODE_TTL_MINUTES = 15;
const MAX_ATTEMPTS = 5;

const hashCode = (accountId: string, code: string) => sha256(`${accountId}:${code}`);

/**
 * A 6-digit one-time code, stored hashed, queued for delivery in the caller's transaction. With
 * DEV_MAILBOX on, the code is also logged for development.
 */
export async function issueCode(
  ctx: AppContext,
  trx: Database,
  input: { accountId: string; purpose: CodePurpose; channel: 'sms' | 'email'; recipient: string },
): Promise<void> {
  const code = randomDigits(6);
  const now = ctx.clock.now();
  const id = randomUUID();
  await repo.insertCode(trx, {
    id,
    account_id: input.accountId,
    purpose: input.purpose,
    code_hash: hashCode(input.accountId, code),
    expires_at: new Date(now.getTime() + CODE_TTL_MINUTES * 60_000),
    created_at: now,
  });
  // The notifications module delivers it (SMS / e-mail, or its development mailbox) and wipes the code
  // from its outbox once sent: one-time codes are marked sensitive there.
  await enqueueNotification(trx, {
    template: `identity.${input.purpose}`,
    eventKey: id,
    recipient:
      input.channel === 'sms'
        ? { accountId: input.accountId, phone: input.recipient }
        : { accountId: input.accountId, email: input.recipient },
    params: { code, expiresInMinutes: CODE_TTL_MINUTES },
    channels: [input.channel],
    now,
  });
  if (ctx.config.DEV_MAILBOX)
    ctx.log.info({ devMailbox: true, purpose: input.purpose, code }, 'one-time code (dev mailbox)');
}

const wrongCode = () =>
  new AppError(
    'VALIDATION',
    { vi: 'Mã xác nhận không đúng hoặc đã hết hạn.', en: 'The code is wrong or has expired.' },
    [{ field: 'body.code', message: { vi: 'mã không đúng hoặc hết hạn', en: 'wrong or expired code' } }],
  );

/** Checks a code; a wrong guess spends one of MAX_ATTEMPTS, after which the code is dead. */
async function consumeCode(ctx: AppContext, accountId: string, purpose: CodePurpose, code: string): Promise<boolean> {
  const live = await repo.findLiveCode(ctx.db, accountId, purpose, ctx.clock.now());
  if (!live || live.attempts >= MAX_ATTEMPTS) return false;
  if (!safeEqual(live.code_hash, hashCode(accountId, code))) {
    await repo.countCodeAttempt(ctx.db, live.id);
    return false;
  }
  await repo.useCode(ctx.db, live.id, ctx.clock.now());
  return true;
}

export async function verifyContact(
  ctx: AppContext,
  accountId: string,
  channel: 'phone' | 'email',
  code: string,
): Promise<void> {
  const purpose = channel === 'phone' ? 'verify_phone' : 'verify_email';
  if (!(await consumeCode(ctx, accountId, purpose, code))) throw wrongCode();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateAccount(
      trx,
      accountId,
      channel === 'phone' ? { phone_verified_at: now } : { email_verified_at: now },
    );
    await recordAudit(trx, {
      at: now,
      actor: { id: accountId, kind: 'account' },
      action: `account.verify_${channel}`,
      record: { type: 'account', id: accountId },
    });
  });
}

export async function resendCode(ctx: AppContext, accountId: string, channel: 'phone' | 'email'): Promise<void> {
  const account = await repo.findAccountById(ctx.db, accountId);
  const recipient = channel === 'phone' ? account?.phone : account?.email;
  if (!account || !recipient)
    throw new AppError('BAD_REQUEST', {
      vi: 'Tài khoản chưa có thông tin này.',
      en: 'The account has no such contact.',
    });
  await ctx.db.transaction().execute((trx) =>
    issueCode(ctx, trx, {
      accountId,
      purpose: channel === 'phone' ? 'verify_phone' : 'verify_email',
      channel: channel === 'phone' ? 'sms' : 'email',
      recipient,
    }),
  );
}

/** Always answers the same (accepted), whether or not the login name exists. */
export async function requestPasswordReset(ctx: AppContext, loginInput: string): Promise<void> {
  const login = normalizeLogin(loginInput);
  const account = await repo.findAccountByLogin(ctx.db, login);
  if (!account || account.is_disabled) return;
  const channel = login.includes('@') ? 'email' : 'sms';
  await ctx.db
    .transaction()
    .execute((trx) =>
      issueCode(ctx, trx, { accountId: account.id, purpose: 'reset_password', channel, recipient: login }),
    );
}

export async function confirmPasswordReset(
  ctx: AppContext,
  input: { login: string; code: string; newPassword: string },
  meta: RequestMeta,
): Promise<void> {
  const login = normalizeLogin(input.login);
  const account = await repo.findAccountByLogin(ctx.db, login);
  assertStrongPassword('body.newPassword', input.newPassword, { phone: account?.phone, email: account?.email });
  if (!account || !(await consumeCode(ctx, account.id, 'reset_password', input.code))) throw wrongCode();
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateAccount(trx, account.id, { password_hash: passwordHash, updated_at: ctx.clock.now() });
    // A reset ends every session: whoever knew the old password is out.
    await repo.deleteSessionsOf(trx, account.id);
    await recordAudit(trx, {
      at: ctx.clock.now(),
      actor: { id: account.id, kind: account.kind },
      action: 'account.password_reset',
      record: { type: 'account', id: account.id },
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
  });
  await clearFailures(ctx, login);
}

/** A logged-in person changes their password: the current one is required; other sessions end. */
export async function changePassword(
  ctx: AppContext,
  accountId: string,
  input: { currentPassword: string; newPassword: string },
  meta: RequestMeta & { currentToken?: string | undefined },
): Promise<void> {
  const account = await repo.findAccountById(ctx.db, accountId);
  if (!account || !(await verifyPassword(account.password_hash, input.currentPassword)))
    throw new AppError('VALIDATION', { vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' }, [
      { field: 'body.currentPassword', message: { vi: 'không đúng', en: 'wrong password' } },
    ]);
  assertStrongPassword('body.newPassword', input.newPassword, { phone: account.phone, email: account.email });
  const passwordHash = await hashPassword(input.newPassword);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateAccount(trx, accountId, { password_hash: passwordHash, updated_at: now });
    await repo.deleteOtherSessions(trx, accountId, meta.currentToken ? sha256(meta.currentToken) : '');
    await recordAudit(trx, {
      at: now,
      actor: { id: accountId, kind: account.kind },
      action: 'account.password_change',
      record: { type: 'account', id: accountId },
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
  });
}
