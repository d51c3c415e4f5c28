import type { AppContext } from '../context.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The permission a route needs, declared at the route (STYLE.md "permissions are data"):
     * 'public' for open routes; otherwise a permission name checked by the identity module's policy.
     */
    permission?: string;
  }
}

/** What every module's routes plugin receives. */
export interface ModuleOptions {
  ctx: AppContext;
}
