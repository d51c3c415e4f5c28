import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleOptions } from '../../http/route-config.ts';
import { setSessionCookies } from './cookies.ts';
import { finishNationalIdLogin, isNationalIdEnabled, startNationalIdLogin } from './national-id.ts';
import { rateLimit } from './rate-limits.ts';
import { requestMeta } from './request-meta.ts';

const OIDC_COOKIE = 'mc_oidc';

/** National e-ID (VNeID) login; answers 503 while OIDC_* is not configured. */
export async function nationalIdRoutes(app: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['identity'];
  const cookieOptions = {
    path: '/api/auth/national-id',
    httpOnly: true,
    // Lax: the provider's redirect back is a top-level GET navigation, which carries Lax cookies.
    sameSite: 'lax' as const,
    secure: ctx.config.PUBLIC_URL.startsWith('https:'),
    maxAge: 600,
  };

  r.get('/api/auth/national-id', {
    config: { permission: 'public' },
    schema: {
      tags,
      summary: 'Whether national e-ID (VNeID) login is offered (the login page hides its button otherwise)',
      response: { 200: z.object({ enabled: z.boolean() }) },
    },
    handler: async () => ({ enabled: isNationalIdEnabled(ctx) }),
  });

  r.get('/api/auth/national-id/start', {
    config: { permission: 'public', rateLimit: rateLimit(ctx.config, 'login') },
    schema: {
      tags,
      summary: 'Start a national e-ID (VNeID) login: redirects to the provider',
      querystring: z.object({ returnTo: z.string().max(500).optional() }),
    },
    handler: async (request, reply) => {
      const { url, state } = await startNationalIdLogin(ctx, request.query.returnTo);
      void reply.setCookie(OIDC_COOKIE, state, cookieOptions);
      return reply.redirect(url, 302);
    },
  });

  r.get('/api/auth/national-id/callback', {
    config: { permission: 'public', rateLimit: rateLimit(ctx.config, 'login') },
    schema: { tags, summary: 'Where the provider sends the browser back; logs in and redirects' },
    handler: async (request, reply) => {
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
      const cookieState = request.cookies[OIDC_COOKIE];
      void reply.clearCookie(OIDC_COOKIE, { path: cookieOptions.path });
      const { session, returnTo } = await finishNationalIdLogin(ctx, query, cookieState, requestMeta(request));
      setSessionCookies(reply, ctx.config, session);
      return reply.redirect(returnTo, 302);
    },
  });
}
