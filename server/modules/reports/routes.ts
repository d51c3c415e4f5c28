import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleOptions } from '../../http/route-config.ts';
import {
  Form07b,
  FormReport,
  Index766,
  PublicDashboard,
  ReportQuery,
  SpeedQuery,
  SpeedReport,
  TrackingLog,
} from './schemas.ts';
import { DASHBOARD_TTL_MS } from './dashboard.ts';
import {
  formWorkbook,
  getForm,
  getForm07b,
  getIndex766,
  getPublicDashboardJson,
  getSpeed,
  getTrackingLog,
  trackingLogWorkbook,
  XLSX_TYPE,
} from './service.ts';

function sendWorkbook(reply: FastifyReply, name: string, buffer: Buffer) {
  return reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="${name}.xlsx"`).send(buffer);
}

export async function reportsRoutes(app: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];

  for (const form of ['06a', '07a'] as const) {
    r.get(`/api/reports/${form}`, {
      config: { permission: 'reports.read' },
      schema: {
        tags,
        summary: `Circular 01/2020 form ${form} (${form === '06a' ? 'per unit' : 'per sector'}); format=xlsx for the workbook`,
        querystring: ReportQuery,
        response: { 200: FormReport },
      },
      handler: async (request, reply) => {
        const report = await getForm(ctx, request.actor, form, request.query);
        if (request.query.format === 'xlsx')
          return sendWorkbook(
            reply,
            `bieu-${form}-${report.period.from}-${report.period.to}`,
            await formWorkbook(report),
          );
        return report;
      },
    });
  }

  r.get('/api/reports/07b', {
    config: { permission: 'reports.read' },
    schema: {
      tags,
      summary: 'Circular 01/2020 form 07b: procedures per tier, one-stop and liên thông',
      querystring: ReportQuery,
      response: { 200: Form07b },
    },
    handler: (request) => getForm07b(ctx, request.actor, request.query),
  });

  r.get('/api/reports/tracking-log', {
    config: { permission: 'reports.read' },
    schema: {
      tags,
      summary: 'Dossier tracking log (form 06, Circular 01/2018); format=xlsx for the workbook',
      querystring: ReportQuery,
      response: { 200: TrackingLog },
    },
    handler: async (request, reply) => {
      const log = await getTrackingLog(ctx, request.actor, request.query);
      if (request.query.format === 'xlsx')
        return sendWorkbook(reply, `so-theo-doi-${log.period.from}-${log.period.to}`, await trackingLogWorkbook(log));
      return log;
    },
  });

  r.get('/api/reports/766', {
    config: { permission: 'reports.read' },
    schema: {
      tags,
      summary: 'Decision 766/QĐ-TTg indicators, score and rating for a unit and period',
      querystring: ReportQuery,
      response: { 200: Index766 },
    },
    handler: (request) => getIndex766(ctx, request.actor, request.query),
  });

  r.get('/api/reports/speed', {
    config: { permission: 'reports.read' },
    schema: {
      tags,
      summary: 'Actual processing time against the statutory time, per procedure (and unit)',
      querystring: SpeedQuery,
      response: { 200: SpeedReport },
    },
    handler: (request) => getSpeed(ctx, request.actor, request.query),
  });

  // Untyped reply: the handler sends the cached JSON text, validated against PublicDashboard when computed.
  app.get('/api/public/dashboard', {
    config: { permission: 'public' },
    schema: {
      tags,
      summary: 'Public dashboard: online services, dossiers, on-time rate and online share by area, speed vs. the law',
      response: { 200: PublicDashboard },
    },
    handler: async (_request, reply) => {
      reply.header('cache-control', `public, max-age=${DASHBOARD_TTL_MS / 1000}, stale-while-revalidate=300`);
      // Already validated against PublicDashboard and serialised once per refresh.
      return reply.type('application/json; charset=utf-8').send(await getPublicDashboardJson(ctx));
    },
  });
}
