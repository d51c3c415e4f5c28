import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { sha256 } from './secrets.ts';

/**
 * Lockout with exponential backoff per login name (known or not, so the answer never tells whether an
 * account exists): after THRESHOLD consecutive failures the name is locked for BASE·2^(n−THRESHOLD)
 * seconds, capped at one hour. A success clears it. Failed attempts are the one write a refused
 * login makes, on purpose.
 */
const MAX_LOCK_SECONDS = 3600;

function key(login: string): string {
  return sha256(`login:${login}`);
}

export async function assertNotLocked(ctx: AppContext, login: string): Promise<void> {
  const row = await ctx.db
    .selectFrom('login_failures')
    .select('locked_until')
    .where('login_hash', '=', key(login))
    .executeTakeFirst();
  const now = ctx.clock.now();
  if (row?.locked_until && row.locked_until > now) {
    const seconds = Math.ceil((row.locked_until.getTime() - now.getTime()) / 1000);
    throw new AppError(
      'RATE_LIMITED',
      {
        vi: `Đăng nhập sai quá nhiều lần; thử lại sau ${seconds} giây.`,
        en: `Too many failed logins; try again in ${seconds} seconds.`,
      },
      [{ field: 'body.login', retryAfterSeconds: seconds, message: { vi: 'tạm khóa', en: 'temporarily locked' } }],
    );
  }
}

export async function recordFailure(ctx: AppContext, login: string): Promise<void> {
  const now = ctx.clock.now();
  const hash = key(login);
  const row = await ctx.db
    .insertInto('login_failures')
    .values({ login_hash: hash, failures: 1, last_failed_at: now, locked_until: null })
    .onConflict((oc) =>
      oc
        .column('login_hash')
        .doUpdateSet((eb) => ({ failures: eb('login_failures.failures', '+', 1), last_failed_at: now })),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  const { LOGIN_LOCKOUT_THRESHOLD: threshold, LOGIN_LOCKOUT_BASE_SECONDS: base } = ctx.config;
  if (row.failures >= threshold) {
    const seconds = Math.min(MAX_LOCK_SECONDS, base * 2 ** (row.failures - threshold));
    await ctx.db
      .updateTable('login_failures')
      .set({ locked_until: new Date(now.getTime() + seconds * 1000) })
      .where('login_hash', '=', hash)
      .execute();
  }
}

export async function clearFailures(ctx: AppContext, login: string): Promise<void> {
  await ctx.db.deleteFrom('login_failures').where('login_hash', '=', key(login)).execute();
}
