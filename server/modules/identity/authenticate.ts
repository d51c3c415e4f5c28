import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { sharedCache } from '../../lib/shared-cache.ts';
import type { Actor } from './policy.ts';
import * as repo from './repository.ts';
import { sha256, safeEqual } from './secrets.ts';
import { CSRF_HEADER, SESSION_COOKIE, findLiveSession } from './sessions.ts';

export const TOKEN_PREFIX = 'mct_';

// An officer's roles, read on each of their requests; assigning or removing one announces it (repository.ts).
const officerRoles = sharedCache<repo.RoleRow[]>(repo.ROLES_CACHE, { maxAgeMs: 60_000 });
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function unauthenticated(): AppError {
  return new AppError('UNAUTHENTICATED', {
    vi: 'Bạn cần đăng nhập (phiên làm việc không có hoặc đã hết hạn).',
    en: 'Please log in (no session, or it has expired).',
  });
}

export function forbidden(): AppError {
  return new AppError('FORBIDDEN', {
    vi: 'Bạn không có quyền thực hiện thao tác này.',
    en: 'You are not allowed to do this.',
  });
}

export function disabledAccount(): AppError {
  return new AppError('FORBIDDEN', {
    vi: 'Tài khoản đã bị khóa; liên hệ quản trị viên.',
    en: 'This account is disabled; contact an administrator.',
  });
}

/** Who sent this request: a cookie session (CSRF-checked for writes) or a Bearer API token. */
export async function authenticateRequest(ctx: AppContext, request: FastifyRequest): Promise<Actor> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (bearer) return authenticateToken(ctx, bearer);
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) throw unauthenticated();
  const session = await findLiveSession(ctx, cookie);
  if (!session) throw unauthenticated();
  // CSRF: a cookie is sent by the browser on its own, a header is not. Writes must echo the session's
  // token (synchronizer token, delivered in the mc_csrf cookie and in GET /api/me).
  if (!SAFE_METHODS.has(request.method)) {
    const header = request.headers[CSRF_HEADER];
    if (typeof header !== 'string' || !safeEqual(header, session.csrf_token))
      throw new AppError('FORBIDDEN', {
        vi: 'Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF); hãy tải lại trang.',
        en: 'Missing or wrong anti-forgery (CSRF) token; reload the page.',
      });
  }
  if (session.is_disabled) throw disabledAccount();
  const actor = await actorOf(ctx, { id: session.account_id, ...session }, 'session', null);
  return { ...actor, csrfToken: session.csrf_token };
}

async function authenticateToken(ctx: AppContext, token: string): Promise<Actor> {
  if (!token.startsWith(TOKEN_PREFIX)) throw unauthenticated();
  const row = await repo.findApiTokenByHash(ctx.db, sha256(token));
  const now = ctx.clock.now();
  if (!row || row.revoked_at !== null || row.expires_at <= now) throw unauthenticated();
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() >= 60_000)
    await repo.markApiTokenUsed(ctx.db, row.id, now);
  return loadActor(ctx, row.account_id, 'api_token', row.permissions);
}

export async function loadActor(
  ctx: Pick<AppContext, 'db'>,
  accountId: string,
  via: Actor['via'],
  tokenPermissions: readonly string[] | null,
): Promise<Actor> {
  const account = await repo.findAccountById(ctx.db, accountId);
  if (!account) throw unauthenticated();
  if (account.is_disabled) throw disabledAccount();
  return actorOf(ctx, account, via, tokenPermissions);
}

async function actorOf(
  ctx: Pick<AppContext, 'db'>,
  account: Pick<repo.AccountRow, 'id' | 'kind' | 'full_name' | 'is_national_id_verified'>,
  via: Actor['via'],
  tokenPermissions: readonly string[] | null,
): Promise<Actor> {
  // Citizens and businesses hold no role assignments: one query fewer on the busiest path.
  const roles =
    account.kind === 'officer'
      ? ((await officerRoles.get(ctx.db, account.id, () => repo.findRoles(ctx.db, [account.id]))) ?? [])
      : [];
  return {
    id: account.id,
    kind: account.kind,
    fullName: account.full_name,
    isNationalIdVerified: account.is_national_id_verified,
    roles: roles.map((r) => ({ role: r.role, unitId: r.unit_id, unitCode: r.unit_code, agencyId: r.agency_id })),
    via,
    tokenPermissions,
    csrfToken: null,
  };
}
