import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { authenticateRequest, forbidden, unauthenticated } from './authenticate.ts';
import { isKnownPermission } from './permissions.ts';
import { can, type Actor } from './policy.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated account; set on every route whose permission is not 'public' (throws otherwise). */
    readonly actor: Actor;
  }
}

const actors = new WeakMap<FastifyRequest, Actor>();

export interface DeclaredRoute {
  method: string;
  url: string;
  permission: string;
}
const routeTables = new WeakMap<FastifyInstance, DeclaredRoute[]>();

/** Every route declared after installIdentity, with its permission: the permission-matrix test reads it. */
export function declaredRoutes(app: FastifyInstance): readonly DeclaredRoute[] {
  return routeTables.get(app) ?? [];
}

/**
 * Installs cookies, rate limiting and the permission guard on the root instance. Call it before any
 * module registers routes.
 *
 * Fail closed, twice: a route registered after this call without a known `config.permission` stops
 * start-up; and at request time an `/api/` route without one is refused with 403. Routes registered
 * earlier by framework plugins (Swagger UI, static web files) carry no data and are left alone.
 */
export async function installIdentity(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(fastifyCookie);
  // Limits are per route (`config.rateLimit`), never global: see rateLimits() in rate-limits.ts.
  await app.register(fastifyRateLimit, { global: false });
  app.decorateRequest('actor', {
    getter(this: FastifyRequest): Actor {
      const actor = actors.get(this);
      if (!actor) throw unauthenticated();
      return actor;
    },
  });

  const table: DeclaredRoute[] = [];
  routeTables.set(app, table);
  app.addHook('onRoute', (route) => {
    const permission = route.config?.permission;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (permission === undefined || !isKnownPermission(permission))
      throw new Error(
        `Route ${methods.join(',')} ${route.url} declares ${permission === undefined ? 'no permission' : `the unknown permission "${permission}"`}: add config.permission (see server/modules/identity/permissions.ts).`,
      );
    for (const method of methods)
      if (method !== 'HEAD') table.push({ method, url: route.url ?? route.path, permission });
  });

  app.addHook('onRequest', async (request) => {
    if (request.is404) return;
    const permission = request.routeOptions.config.permission;
    if (permission === 'public') return;
    if (permission === undefined) {
      if (/^\/api(\/|\?|$)/.test(request.url)) throw forbidden();
      return;
    }
    const actor = await authenticateRequest(ctx, request);
    if (!can(actor, permission)) throw forbidden();
    actors.set(request, actor);
  });
}
