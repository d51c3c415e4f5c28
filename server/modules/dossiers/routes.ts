import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleOptions } from '../../http/route-config.ts';
import { requestOrigin } from '../audit/service.ts';
import { rateLimit } from '../identity/service.ts';
import { renderForm } from './forms/render.ts';
import {
  ActionBody,
  ActionParams,
  DossierKeyParams,
  DossierListQuery,
  FormParams,
  TrackParams,
  TrackQuery,
} from './schemas.ts';
import { actOnDossier, describeSubmitted, getDossier, listDossiers, submitDossier } from './service.ts';
import { storageFor } from './storage.ts';
import { trackDossier } from './tracking.ts';
import { readDossierRequest } from './uploads.ts';
import { parseOrThrow } from './validation.ts';

const IDEMPOTENCY_KEY = /^[\w.:-]{8,100}$/;

export async function dossiersRoutes(app: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  // Multipart only here: files stream to staging with a per-file limit (413) and content sniffing (415).
  await app.register(fastifyMultipart, { limits: { fileSize: ctx.config.DOSSIER_MAX_FILE_BYTES } });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const storage = storageFor(ctx.config);
  const limits = { fileBytes: ctx.config.DOSSIER_MAX_FILE_BYTES, files: ctx.config.DOSSIER_MAX_FILES };

  r.post('/api/dossiers', {
    config: { permission: 'dossier.submit' },
    schema: {
      tags: ['dossiers'],
      summary:
        'Submit a dossier online (citizen, business) or receive one at the counter (receptionist): JSON, or multipart with a "payload" JSON field and files named component.<key>. Idempotency-Key header: a retry returns the same dossier.',
    },
    handler: async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const idempotencyKey = typeof key === 'string' && IDEMPOTENCY_KEY.test(key) ? key : undefined;
      const { payload, files } = await readDossierRequest(request, storage, limits);
      const result = await submitDossier(ctx, request.actor, payload, files, idempotencyKey);
      const detail = result.view ?? (await describeSubmitted(ctx, result.id));
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(result.replayed ? 200 : 201).send(detail);
    },
  });

  r.get('/api/dossiers', {
    config: { permission: 'dossier.read' },
    schema: {
      tags: ['dossiers'],
      summary: 'Officer queues and search, scoped to the officer’s units',
      querystring: DossierListQuery,
    },
    handler: (request) => listDossiers(ctx, request.actor, request.query),
  });

  r.get('/api/dossiers/:key', {
    config: { permission: 'dossier.read' },
    schema: {
      tags: ['dossiers'],
      summary: 'One dossier by id or code, with files and journal (read audited)',
      params: DossierKeyParams,
    },
    handler: (request) => getDossier(ctx, request.actor, request.params.key, requestOrigin(request)),
  });

  r.post('/api/dossiers/:id/actions/:action', {
    config: { permission: 'dossier.read' },
    schema: {
      tags: ['dossiers'],
      summary:
        'Take one action of the state machine (body: {version, …}; multipart with "payload" for files). Stale version → 409 CONFLICT; forbidden transition → 409 INVALID_TRANSITION.',
      params: ActionParams,
    },
    handler: async (request) => {
      const { payload, files } = await readDossierRequest(request, storage, limits);
      try {
        const body = parseOrThrow(ActionBody, payload, 'body');
        return await actOnDossier(ctx, request.actor, request.params.id, request.params.action, body, files);
      } finally {
        await Promise.all(files.map((f) => storage.discard(f.staged)));
      }
    },
  });

  r.get('/api/dossiers/:id/forms/:form.pdf', {
    config: { permission: 'dossier.read' },
    schema: {
      tags: ['dossiers'],
      summary: 'Forms 01 receipt, 02 supplement, 03 refusal, 05 control slip (A5 PDF)',
      params: FormParams,
    },
    handler: async (request, reply) => {
      const pdf = await renderForm(ctx, request.actor, request.params.id, request.params.form);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="mau-${request.params.form}.pdf"`)
        .send(pdf);
    },
  });

  r.get('/api/track/:code', {
    config: { permission: 'public', rateLimit: rateLimit(ctx.config, 'lookup') },
    schema: {
      tags: ['dossiers'],
      summary: 'Public tracking by dossier code and the last 4 digits of the applicant’s ID number or phone',
      params: TrackParams,
      querystring: TrackQuery,
    },
    handler: (request) => trackDossier(ctx, request.params.code, request.query.check),
  });
}
