import type { FastifyReply } from 'fastify';
import type { Config } from '../../config.ts';
import { CSRF_COOKIE, SESSION_COOKIE, type NewSession } from './sessions.ts';

/**
 * httpOnly session cookie (scripts never see it), SameSite=Lax (not sent on cross-site POSTs), Secure
 * whenever the public URL is HTTPS. The CSRF token rides in a readable cookie for the web app to echo.
 */
export function setSessionCookies(reply: FastifyReply, config: Config, session: NewSession): void {
  const secure = config.PUBLIC_URL.startsWith('https:');
  const common = { path: '/', sameSite: 'lax' as const, secure, expires: session.absoluteExpiresAt };
  void reply.setCookie(SESSION_COOKIE, session.token, { ...common, httpOnly: true });
  void reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
  void reply.clearCookie(CSRF_COOKIE, { path: '/' });
}
