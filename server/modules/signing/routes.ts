import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleOptions } from '../../http/route-config.ts';
import { rateLimit } from '../identity/service.ts';
import { PublicKeyList } from './schemas.ts';
import { listPublicKeys } from './service.ts';

/** The public keys e-result signatures verify with, for anyone verifying offline (ADR 0017). */
export async function signingRoutes(app: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get('/api/signing/keys', {
    config: { permission: 'public', rateLimit: rateLimit(ctx.config, 'lookup') },
    schema: {
      tags: ['signing'],
      summary: 'Public keys of the deployment (Ed25519, SPKI PEM), including retired ones',
      response: { 200: PublicKeyList },
    },
    handler: async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return { items: await listPublicKeys(ctx) };
    },
  });
}
