import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleOptions } from '../../http/route-config.ts';
import { requestOrigin } from '../audit/service.ts';
import { readDossierFile } from './service.ts';
import { storageFor } from './storage.ts';

const FileParams = z.object({
  id: z.uuid('Mã hồ sơ không hợp lệ | Not a dossier id'),
  fileId: z.uuid('Mã tệp không hợp lệ | Not a file id'),
});

/**
 * One file of a dossier (a component, a supplement, the e-result), for whoever may read the dossier:
 * the applicant downloads the e-result (Decree 45/2020 Art. 14), officers preview components.
 */
export async function dossierFileRoutes(app: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  const storage = storageFor(ctx.config);
  app.withTypeProvider<ZodTypeProvider>().get('/api/dossiers/:id/files/:fileId', {
    config: { permission: 'dossier.read' },
    schema: { tags: ['dossiers'], summary: 'Download one file of a dossier (read audited)', params: FileParams },
    handler: async (request, reply) => {
      const file = await readDossierFile(
        ctx,
        request.actor,
        request.params.id,
        request.params.fileId,
        requestOrigin(request),
      );
      // ASCII fallback name plus the UTF-8 one (RFC 6266): Vietnamese file names survive every browser.
      const ascii =
        file.fileName
          .normalize('NFD')
          .replace(/[^\x20-\x7e]/g, '')
          .replace(/["\\]/g, '') || 'tep';
      return reply
        .type(file.mediaType)
        .header(
          'content-disposition',
          `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .send(await storage.open(file.sha256));
    },
  });
}
