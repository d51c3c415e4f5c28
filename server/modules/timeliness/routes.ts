import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleOptions } from '../../http/route-config.ts';
import { getVisibleDossier } from '../dossiers/service.ts';
import { timelinessOverview } from './overview.ts';
import { dossierTimeliness } from './service.ts';

/** The SLA watch as officers see it: the dashboard tile and one dossier's alerts. */
export async function timelinessRoutes(app: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/timeliness/overview', {
    config: { permission: 'dossier.read' },
    schema: {
      tags: ['timeliness'],
      summary: 'Overdue (and without apology), due within 24 h, waiting too long for acceptance — per agency in scope',
    },
    handler: (request) => timelinessOverview(ctx, request.actor),
  });

  r.get('/api/dossiers/:id/timeliness', {
    config: { permission: 'dossier.read' },
    schema: {
      tags: ['timeliness'],
      summary: 'The SLA alerts raised for one dossier (kind, due time, when raised and notified)',
      params: z.object({ id: z.uuid() }),
    },
    handler: async (request) => dossierTimeliness(ctx, await getVisibleDossier(ctx, request.actor, request.params.id)),
  });
}
