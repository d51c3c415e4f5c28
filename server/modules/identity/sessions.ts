import type { AppContext } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import { sharedCache } from '../../lib/shared-cache.ts';
import * as repo from './repository.ts';
import { randomSecret, sha256 } from './secrets.ts';

export const SESSION_COOKIE = 'mc_session';
export const CSRF_COOKIE = 'mc_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export interface RequestMeta {
  ip: string;
  userAgent: string | null;
  /** The session cookie presented with the login request, ended by the rotation. */
  previousToken?: string | undefined;
}

export interface NewSession {
  token: string;
  csrfToken: string;
  absoluteExpiresAt: Date;
}

/**
 * A new session id on every login (rotation: an id planted before login is worthless after it);
 * the previous session presented by the browser, if any, is ended.
 */
export async function startSession(
  ctx: AppContext,
  db: Database,
  accountId: string,
  meta: RequestMeta,
): Promise<NewSession> {
  if (meta.previousToken) await repo.deleteSession(db, sha256(meta.previousToken));
  const now = ctx.clock.now();
  const token = randomSecret();
  const csrfToken = randomSecret(24);
  const absoluteExpiresAt = new Date(now.getTime() + ctx.config.SESSION_ABSOLUTE_HOURS * 3_600_000);
  await repo.insertSession(db, {
    id_hash: sha256(token),
    account_id: accountId,
    csrf_token: csrfToken,
    created_at: now,
    last_seen_at: now,
    idle_expires_at: idleExpiry(ctx, now, absoluteExpiresAt),
    absolute_expires_at: absoluteExpiresAt,
    ip: meta.ip ?? null,
    user_agent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, absoluteExpiresAt };
}

function idleExpiry(ctx: AppContext, now: Date, absolute: Date): Date {
  const idle = new Date(now.getTime() + ctx.config.SESSION_IDLE_MINUTES * 60_000);
  return idle < absolute ? idle : absolute;
}

// Read on every authenticated request. A logout, a password change, a disabled account or an edited profile
// announces the session's change (repository.ts), so every process drops it; a minute at most otherwise.
const sessions = sharedCache<repo.SessionWithAccount>(repo.SESSION_CACHE, { maxAgeMs: 60_000 });

/** The live session for a cookie value, sliding its idle expiry; undefined when absent or expired. */
export async function findLiveSession(ctx: AppContext, token: string): Promise<repo.SessionWithAccount | undefined> {
  const idHash = sha256(token);
  let session = await sessions.get(ctx.db, idHash, () => repo.findSession(ctx.db, idHash));
  if (!session) return undefined;
  const now = ctx.clock.now();
  const isExpired = (s: repo.SessionWithAccount) => now >= s.idle_expires_at || now >= s.absolute_expires_at;
  // A kept copy can predate another process sliding the expiry: only the database may end a session.
  if (isExpired(session)) session = await repo.findSession(ctx.db, idHash);
  if (!session || isExpired(session)) {
    await repo.deleteSession(ctx.db, idHash);
    return undefined;
  }
  // Slide at most once a minute: a write per request would cost more than it protects.
  if (now.getTime() - session.last_seen_at.getTime() >= 60_000) {
    await repo.touchSession(ctx.db, idHash, now, idleExpiry(ctx, now, session.absolute_expires_at));
    sessions.forget(ctx.db, idHash); // this process reads the new expiry next time; the others slide their own
  }
  return session;
}

export async function endSession(ctx: AppContext, token: string): Promise<void> {
  await repo.deleteSession(ctx.db, sha256(token));
}
