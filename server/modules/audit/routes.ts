import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleOptions } from '../../http/route-config.ts';
import { AuditSearchQuery, AuditSearchResult } from './schemas.ts';
import { recordAudit, requestOrigin, searchAudit } from './service.ts';

export async function auditRoutes(app: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/audit', {
    config: { permission: 'audit.search' },
    schema: {
      tags: ['audit'],
      summary: 'Search the audit trail by person, record and period (inspectors only)',
      querystring: AuditSearchQuery,
      response: { 200: AuditSearchResult },
    },
    handler: async (request) => {
      const result = await searchAudit(ctx, request.query);
      // Reading the trail is itself on the trail: who looked at whose records, and how.
      await recordAudit(ctx.db, {
        at: ctx.clock.now(),
        actor: { id: request.actor.id, kind: request.actor.kind },
        action: 'audit.search',
        ...requestOrigin(request),
        after: { query: request.query, results: result.total },
      });
      return result;
    },
  });
}
