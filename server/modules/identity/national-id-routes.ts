import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../../http/route-config.ts';

/** National e-ID (VNeID) login over OpenID Connect; registered only when OIDC_* is configured. */
export async function nationalIdRoutes(_app: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  if (!ctx.config.OIDC_ISSUER) return;
}
