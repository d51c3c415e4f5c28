import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../http/errors.ts';
import type { ModuleOptions } from '../../http/route-config.ts';

const Health = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) });

export async function healthRoutes(app: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get('/healthz', {
    config: { permission: 'public' },
    schema: { tags: ['health'], summary: 'Liveness and database reachability', response: { 200: Health } },
    handler: async () => {
      try {
        await sql`SELECT 1`.execute(ctx.db);
      } catch (error) {
        ctx.log.error({ err: error }, 'health check: database unreachable');
        throw new AppError('UNAVAILABLE', {
          vi: 'Cơ sở dữ liệu không phản hồi.',
          en: 'The database is not answering.',
        });
      }
      return { status: 'ok' as const, database: ctx.dbKind };
    },
  });
}
