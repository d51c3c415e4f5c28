import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleOptions } from '../../http/route-config.ts';
import { rateLimit } from '../identity/service.ts';
import { FeedbackBody, FeedbackReceipt, Rating, RatingBody, RatingParams } from './schemas.ts';
import { getRating, rateDossier, reportProblem } from './service.ts';

export async function ratingsRoutes(app: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/dossiers/:id/rating', {
    config: { permission: 'dossier.submit' },
    schema: {
      tags: ['ratings'],
      summary: 'The applicant rates the service once the result exists (like or dislike, and a comment)',
      params: RatingParams,
      body: RatingBody,
      response: { 201: Rating },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await rateDossier(ctx, request.actor, request.params.id, request.body)),
  });

  r.get('/api/dossiers/:id/rating', {
    config: { permission: 'dossier.read' },
    schema: { tags: ['ratings'], summary: 'The rating of a dossier', params: RatingParams, response: { 200: Rating } },
    handler: (request) => getRating(ctx, request.actor, request.params.id),
  });

  r.post('/api/feedback', {
    // Open to everyone, logged in or not; rate-limited like the other public look-ups.
    config: { permission: 'public', rateLimit: rateLimit(ctx.config, 'lookup') },
    schema: {
      tags: ['ratings'],
      summary: 'Report a problem (phản ánh kiến nghị) about a dossier, the portal or an officer’s conduct',
      body: FeedbackBody,
      response: { 201: FeedbackReceipt },
    },
    handler: async (request, reply) => reply.code(201).send(await reportProblem(ctx, null, request.body)),
  });
}
