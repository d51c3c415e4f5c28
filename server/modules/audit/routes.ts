import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleOptions } from '../../http/route-config.ts';
import { AuditSearchQuery, AuditSearchResult } from './schemas.ts';
import { searchAudit } from './service.ts';

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
    handler: (request) => searchAudit(ctx, request.query),
  });
}
