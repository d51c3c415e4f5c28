import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleOptions } from '../../http/route-config.ts';
import { Draft, DraftData, DraftParams } from './schemas.ts';
import { discardDraft, getDraft, saveDraft } from './service.ts';

export async function draftsRoutes(app: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['dossiers'];

  r.get('/api/me/drafts/:code', {
    config: { permission: 'dossier.submit' },
    schema: {
      tags,
      summary: 'My saved application draft for a procedure',
      params: DraftParams,
      response: { 200: Draft },
    },
    handler: (request) => getDraft(ctx, request.actor.id, request.params.code),
  });

  r.put('/api/me/drafts/:code', {
    config: { permission: 'dossier.submit' },
    schema: {
      tags,
      summary: 'Save my application draft (what was typed; files are not kept)',
      params: DraftParams,
      body: DraftData,
      response: { 200: Draft },
    },
    handler: (request) => saveDraft(ctx, request.actor.id, request.params.code, request.body),
  });

  r.delete('/api/me/drafts/:code', {
    config: { permission: 'dossier.submit' },
    schema: { tags, summary: 'Discard my draft', params: DraftParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await discardDraft(ctx, request.actor.id, request.params.code);
      return reply.code(204).send(null);
    },
  });
}
