import { randomUUID } from 'node:crypto';
import * as oidc from 'openid-client';
import type { AppContext } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { disabledAccount } from './authenticate.ts';
import * as repo from './repository.ts';
import { normalizeLogin, sha256 } from './secrets.ts';
import { startSession, type NewSession, type RequestMeta } from './sessions.ts';

/**
 * National e-ID (VNeID) login: OpenID Connect authorisation code flow with PKCE (RFC 7636), state and
 * nonce. The PKCE verifier and nonce stay in the database (oidc_logins), keyed by the state's hash;
 * the state also rides in a cookie so a callback only completes in the browser that started it
 * (no login CSRF). A state is spent on first use: a replayed callback gets 400 and no session.
 */
const LOGIN_TTL_MS = 10 * 60_000;

const configs = new WeakMap<AppContext['config'], Promise<oidc.Configuration>>();

export function isNationalIdEnabled(ctx: AppContext): boolean {
  const c = ctx.config;
  return Boolean(c.OIDC_ISSUER && c.OIDC_CLIENT_ID && c.OIDC_REDIRECT_URI);
}

function providerConfig(ctx: AppContext): Promise<oidc.Configuration> {
  let config = configs.get(ctx.config);
  if (!config) {
    const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } = ctx.config;
    if (!OIDC_ISSUER || !OIDC_CLIENT_ID) throw unavailable();
    const issuer = new URL(OIDC_ISSUER);
    // Plain HTTP only for a provider on this machine (tests, local development); VNeID itself is HTTPS.
    const loopback = issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
    config = oidc
      .discovery(
        issuer,
        OIDC_CLIENT_ID,
        OIDC_CLIENT_SECRET,
        undefined,
        loopback ? { execute: [oidc.allowInsecureRequests] } : {},
      )
      .catch((error: unknown) => {
        configs.delete(ctx.config); // try discovery again next time
        throw error;
      });
    configs.set(ctx.config, config);
  }
  return config;
}

function unavailable(): AppError {
  return new AppError('UNAVAILABLE', {
    vi: 'Đăng nhập bằng định danh điện tử (VNeID) chưa được cấu hình.',
    en: 'National e-ID (VNeID) login is not configured.',
  });
}

export function badState(): AppError {
  return new AppError('BAD_REQUEST', {
    vi: 'Phiên đăng nhập VNeID không hợp lệ hoặc đã dùng; hãy bắt đầu lại.',
    en: 'The e-ID login attempt is invalid or was already used; please start again.',
  });
}

/** Only a path on this site: never an open redirect to somewhere else. */
export function safeReturnPath(returnTo: string | undefined): string {
  return returnTo && /^\/(?![/\\])[\w\-./?=&%~]*$/.test(returnTo) ? returnTo : '/';
}

export async function startNationalIdLogin(
  ctx: AppContext,
  returnTo: string | undefined,
): Promise<{ url: string; state: string }> {
  if (!isNationalIdEnabled(ctx)) throw unavailable();
  const config = await providerConfig(ctx);
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('oidc_logins')
    .values({
      state_hash: sha256(state),
      code_verifier: verifier,
      nonce,
      return_to: safeReturnPath(returnTo),
      created_at: now,
      expires_at: new Date(now.getTime() + LOGIN_TTL_MS),
      used_at: null,
    })
    .execute();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: ctx.config.OIDC_REDIRECT_URI ?? '',
    scope: 'openid profile phone email',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url: url.href, state };
}

interface EidClaims {
  sub: string;
  name?: unknown;
  birthdate?: unknown;
  phone_number?: unknown;
  phone_number_verified?: unknown;
  email?: unknown;
  email_verified?: unknown;
  /** The CCCD number; VNeID's claim name is configured by the provider (see docs/identity.md). */
  national_id?: unknown;
}

export async function finishNationalIdLogin(
  ctx: AppContext,
  query: string,
  cookieState: string | undefined,
  meta: RequestMeta,
): Promise<{ session: NewSession; returnTo: string }> {
  if (!isNationalIdEnabled(ctx)) throw unavailable();
  const state = new URLSearchParams(query).get('state');
  if (!state || !cookieState || state !== cookieState) throw badState();
  // Spend the state first, atomically: of two concurrent callbacks only one gets the row.
  const login = await ctx.db
    .updateTable('oidc_logins')
    .set({ used_at: ctx.clock.now() })
    .where('state_hash', '=', sha256(state))
    .where('used_at', 'is', null)
    .where('expires_at', '>', ctx.clock.now())
    .returning(['code_verifier', 'nonce', 'return_to'])
    .executeTakeFirst();
  if (!login) throw badState();
  const config = await providerConfig(ctx);
  let claims: EidClaims;
  try {
    const tokens = await oidc.authorizationCodeGrant(config, new URL(`?${query}`, ctx.config.OIDC_REDIRECT_URI), {
      pkceCodeVerifier: login.code_verifier,
      expectedState: state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new Error('no ID token');
    const userinfo = tokens.access_token
      ? await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub).catch(() => ({}))
      : {};
    claims = { ...userinfo, ...idClaims };
  } catch (error) {
    ctx.log.info({ err: error }, 'national e-ID callback refused');
    throw new AppError('BAD_REQUEST', {
      vi: 'Không xác thực được với VNeID; hãy thử lại.',
      en: 'The national e-ID provider did not confirm the login; please try again.',
    });
  }
  const session = await ctx.db.transaction().execute(async (trx) => {
    const accountId = await linkOrCreateAccount(ctx, trx, claims, meta);
    return startSession(ctx, trx, accountId, meta);
  });
  return { session, returnTo: login.return_to ?? '/' };
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** The first e-ID login of an existing account links it (by CCCD, verified phone, verified e-mail); never a duplicate. */
async function linkOrCreateAccount(
  ctx: AppContext,
  trx: Database,
  claims: EidClaims,
  meta: RequestMeta,
): Promise<string> {
  const now = ctx.clock.now();
  const audit = (accountId: string, kind: string, action: string, after?: unknown) =>
    recordAudit(trx, {
      at: now,
      actor: { id: accountId, kind },
      action,
      record: { type: 'account', id: accountId },
      ip: meta.ip,
      userAgent: meta.userAgent,
      after,
    });
  const linked = await repo.findAccountBySubject(trx, claims.sub);
  if (linked) {
    if (linked.is_disabled) throw disabledAccount();
    await audit(linked.id, linked.kind, 'account.national_id_login');
    return linked.id;
  }
  const nationalId = str(claims.national_id)?.match(/^[0-9]{12}$/)?.[0];
  const phone =
    claims.phone_number_verified !== false && str(claims.phone_number)
      ? normalizeLogin(String(claims.phone_number))
      : undefined;
  const email = claims.email_verified === true && str(claims.email) ? normalizeLogin(String(claims.email)) : undefined;
  const candidates = await trx
    .selectFrom('accounts')
    .selectAll()
    .where('national_id_subject', 'is', null)
    .where((eb) =>
      eb.or([
        ...(nationalId ? [eb('national_id', '=', nationalId)] : []),
        ...(phone ? [eb('phone', '=', phone)] : []),
        ...(email ? [eb('email', '=', email)] : []),
        eb.val(false),
      ]),
    )
    .execute();
  const match =
    candidates.find((a) => nationalId && a.national_id === nationalId) ??
    candidates.find((a) => phone && a.phone === phone) ??
    candidates.find((a) => email && a.email === email);
  if (match) {
    if (match.is_disabled) throw disabledAccount();
    await repo.updateAccount(trx, match.id, {
      national_id_subject: claims.sub,
      is_national_id_verified: true,
      ...(match.national_id === null && nationalId ? { national_id: nationalId } : {}),
      updated_at: now,
    });
    await audit(match.id, match.kind, 'account.national_id_link', { nationalIdSubject: claims.sub });
    return match.id;
  }
  const id = randomUUID();
  const taken = await repo.findTakenContacts(trx, { phone, email, nationalId });
  await repo.insertAccount(trx, {
    id,
    kind: 'citizen',
    phone: phone && !taken.includes('phone') ? phone : null,
    email: email && !taken.includes('email') ? email : null,
    password_hash: null,
    full_name: str(claims.name) ?? 'Công dân',
    national_id: nationalId && !taken.includes('nationalId') ? nationalId : null,
    date_of_birth: str(claims.birthdate)?.match(/^\d{4}-\d{2}-\d{2}$/)?.[0] ?? null,
    address_unit_id: null,
    address_line: null,
    tax_code: null,
    representatives: null,
    is_national_id_verified: true,
    national_id_subject: claims.sub,
    phone_verified_at: phone ? now : null,
    email_verified_at: email ? now : null,
    created_by: null,
    created_at: now,
    updated_at: now,
  });
  await audit(id, 'citizen', 'account.register_national_id', { nationalIdSubject: claims.sub });
  return id;
}
