import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleOptions } from '../../http/route-config.ts';
import { DueRequest, DueResponse, OfficialYearInput, YearCalendarResponse, YearParams, YearQuery } from './schemas.ts';
import { computeDue, getYear, replaceYearTable } from './service.ts';

export async function calendarRoutes(app: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/calendar/due', {
    config: { permission: 'public' },
    schema: {
      tags: ['calendar'],
      summary: 'Due instant of a time limit (working days, working hours or calendar days), Vietnam time',
      body: DueRequest,
      response: { 200: DueResponse },
    },
    handler: (request) => computeDue(ctx, request.body),
  });

  r.get('/api/calendar/:year', {
    config: { permission: 'public' },
    schema: {
      tags: ['calendar'],
      summary: 'Working days, named days off and make-up days of a year (provisional when not yet announced)',
      params: YearParams,
      querystring: YearQuery,
      response: { 200: YearCalendarResponse },
    },
    handler: (request) => getYear(ctx, request.params.year, request.query.agencyId),
  });

  r.put('/api/calendar/:year/days', {
    config: { permission: 'calendar.manage' },
    schema: {
      tags: ['calendar'],
      summary: 'Replace a year’s official table of days off and make-up working days (audited)',
      params: YearParams,
      body: OfficialYearInput,
      response: { 200: YearCalendarResponse },
    },
    handler: (request) => replaceYearTable(ctx, request.params.year, request.body, request.actor.id),
  });
}
