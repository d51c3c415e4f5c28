import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/errors.ts';
import type { ModuleOptions } from '../../http/route-config.ts';
import { exportWorkbook, XLSX_TYPE } from './excel-export.ts';
import { importWorkbook, MAX_WORKBOOK_BYTES } from './excel-import.ts';
import {
  AtQuery,
  CatalogueStats,
  ExportQuery,
  ImportReport,
  ProcedureList,
  ProcedureListQuery,
  ProcedureParams,
  ProcedureVersion,
  ProcedureVersionInput,
  VersionParams,
} from './schemas.ts';
import { catalogueStats, searchCatalogue } from './search.ts';
import { createDraft, getProcedure, listVersions, publishVersion, updateDraft } from './service.ts';

export async function catalogueRoutes(app: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Workbooks arrive as the raw body (or see docs/catalogue.md); the parser is scoped to this plugin.
  app.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer', bodyLimit: MAX_WORKBOOK_BYTES }, (_req, body, done) =>
    done(null, body),
  );

  r.get('/api/procedures', {
    config: { permission: 'public' },
    schema: {
      tags: ['catalogue'],
      summary: 'Search the procedure catalogue (diacritics-insensitive, typo-tolerant), with filters',
      querystring: ProcedureListQuery,
      response: { 200: ProcedureList },
    },
    handler: (request) => searchCatalogue(ctx, request.query),
  });

  r.get('/api/procedures/:code', {
    config: { permission: 'public' },
    schema: {
      tags: ['catalogue'],
      summary: 'The published version in force today, or on `at` (the version a dossier of that day keeps)',
      params: ProcedureParams,
      querystring: AtQuery,
      response: { 200: ProcedureVersion },
    },
    handler: (request) => getProcedure(ctx, request.params.code, request.query.at),
  });

  r.get('/api/catalogue/stats', {
    config: { permission: 'public' },
    schema: {
      tags: ['catalogue'],
      summary: 'Published online services (levels 3 and 4) in force, by level and by tier',
      querystring: AtQuery,
      response: { 200: CatalogueStats },
    },
    handler: (request) => catalogueStats(ctx, request.query.at),
  });

  r.get('/api/procedures/:code/versions', {
    config: { permission: 'catalogue.manage' },
    schema: {
      tags: ['catalogue'],
      summary: 'Every version of a procedure, drafts included',
      params: ProcedureParams,
      response: { 200: z.object({ items: z.array(ProcedureVersion) }) },
    },
    handler: async (request) => ({ items: await listVersions(ctx, request.params.code) }),
  });

  r.post('/api/procedures', {
    config: { permission: 'catalogue.manage' },
    schema: {
      tags: ['catalogue'],
      summary: 'Create a draft version',
      body: ProcedureVersionInput,
      response: { 201: ProcedureVersion },
    },
    handler: async (request, reply) => reply.code(201).send(await createDraft(ctx, request.body)),
  });

  r.put('/api/procedures/:code/versions/:id', {
    config: { permission: 'catalogue.manage' },
    schema: {
      tags: ['catalogue'],
      summary: 'Replace a draft version (published versions are immutable)',
      params: VersionParams,
      body: ProcedureVersionInput,
      response: { 200: ProcedureVersion },
    },
    handler: (request) => updateDraft(ctx, request.params.code, request.params.id, request.body),
  });

  r.post('/api/procedures/:code/versions/:id/publish', {
    config: { permission: 'catalogue.manage' },
    schema: {
      tags: ['catalogue'],
      summary: 'Publish a draft; an open earlier version ends the day this one starts',
      params: VersionParams,
      response: { 200: ProcedureVersion },
    },
    handler: (request) => publishVersion(ctx, request.params.code, request.params.id),
  });

  r.get('/api/catalogue/export.xlsx', {
    config: { permission: 'catalogue.manage' },
    schema: { tags: ['catalogue'], summary: 'Export procedures to an Excel workbook', querystring: ExportQuery },
    handler: async (request, reply) => {
      const codes = request.query.codes
        ?.split(',')
        .map((c) => c.trim())
        .filter(Boolean);
      const buffer = await exportWorkbook(ctx, { codes, drafts: request.query.drafts === 'true' });
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', 'attachment; filename="thu-tuc-hanh-chinh.xlsx"')
        .send(buffer);
    },
  });

  r.post('/api/catalogue/import', {
    config: { permission: 'catalogue.manage' },
    bodyLimit: MAX_WORKBOOK_BYTES,
    schema: {
      tags: ['catalogue'],
      summary: 'Import a workbook: everything is checked first, then all of it is applied or none',
      consumes: [XLSX_TYPE],
      response: { 200: ImportReport },
    },
    handler: async (request, reply) => {
      const body: unknown = request.body;
      if (!Buffer.isBuffer(body)) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
          vi: `Hãy gửi tệp .xlsx với Content-Type ${XLSX_TYPE}.`,
          en: `Send the .xlsx file with Content-Type ${XLSX_TYPE}.`,
        });
      }
      return reply.code(200).send(await importWorkbook(ctx, body));
    },
  });
}
