import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { TOKEN_PREFIX } from './authenticate.ts';
import { can, type Actor } from './policy.ts';
import * as repo from './repository.ts';
import { randomSecret, sha256 } from './secrets.ts';
import type { RequestMeta } from './sessions.ts';

interface TokenView {
  id: string;
  name: string;
  permissions: string[];
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
}

function toView(row: repo.ApiTokenRow): TokenView {
  return {
    id: row.id,
    name: row.name,
    permissions: row.permissions,
    expiresAt: row.expires_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

/** A token for an integration: the secret is shown once; only its SHA-256 is kept. */
export async function createApiToken(
  ctx: AppContext,
  actor: Actor,
  input: { name: string; permissions: string[]; expiresInDays: number },
  meta: RequestMeta,
): Promise<TokenView & { token: string }> {
  const refused = input.permissions.filter((p) => p === 'public' || !can(actor, p));
  if (refused.length > 0)
    throw new AppError(
      'VALIDATION',
      { vi: 'Mã truy cập chỉ được mang quyền bạn đang có.', en: 'A token may only carry permissions you hold.' },
      refused.map((p) => ({
        field: 'body.permissions',
        permission: p,
        message: { vi: `không có quyền ${p}`, en: `you do not hold ${p}` },
      })),
    );
  const now = ctx.clock.now();
  const token = `${TOKEN_PREFIX}${randomSecret()}`;
  const id = randomUUID();
  const permissions = [...new Set(input.permissions)];
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertApiToken(trx, {
      id,
      account_id: actor.id,
      name: input.name,
      token_hash: sha256(token),
      permissions: JSON.stringify(permissions),
      expires_at: new Date(now.getTime() + input.expiresInDays * 86_400_000),
      revoked_at: null,
      last_used_at: null,
      created_at: now,
    });
    await recordAudit(trx, {
      at: now,
      actor: { id: actor.id, kind: actor.kind },
      action: 'api_token.create',
      record: { type: 'api_token', id },
      ip: meta.ip,
      userAgent: meta.userAgent,
      after: { name: input.name, permissions, expiresInDays: input.expiresInDays },
    });
  });
  const row = (await repo.findApiTokensOf(ctx.db, actor.id)).find((r) => r.id === id);
  if (!row) throw new Error('token vanished after commit');
  return { ...toView(row), token };
}

export async function listApiTokens(ctx: AppContext, actor: Actor): Promise<{ items: TokenView[] }> {
  return { items: (await repo.findApiTokensOf(ctx.db, actor.id)).map(toView) };
}

export async function revokeApiToken(ctx: AppContext, actor: Actor, id: string, meta: RequestMeta): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    if ((await repo.revokeApiToken(trx, id, actor.id, now)) === 0)
      throw notFound({ vi: 'mã truy cập', en: 'API token' }, id);
    await recordAudit(trx, {
      at: now,
      actor: { id: actor.id, kind: actor.kind },
      action: 'api_token.revoke',
      record: { type: 'api_token', id },
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
  });
}
