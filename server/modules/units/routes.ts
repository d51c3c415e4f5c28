import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleOptions } from '../../http/route-config.ts';
import {
  Agency,
  AgencyList,
  AgencyListQuery,
  AgencyParams,
  AgencyUpdate,
  Unit,
  UnitList,
  UnitListQuery,
  UnitParams,
  UnitQuery,
} from './schemas.ts';
import { requestOrigin } from '../audit/service.ts';
import { updateAgency } from './agency-admin.ts';
import { getAgency, getUnit, listAgencies, listUnits } from './service.ts';

export async function unitsRoutes(app: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/units', {
    config: { permission: 'public' },
    schema: {
      tags: ['units'],
      summary: 'Administrative units (city, districts, communes), diacritics-insensitive search',
      querystring: UnitListQuery,
      response: { 200: UnitList },
    },
    handler: (request) => listUnits(ctx, request.query),
  });

  r.get('/api/units/:code', {
    config: { permission: 'public' },
    schema: {
      tags: ['units'],
      summary: 'One administrative unit by GSO code (the version in force at `at`, default: the active set)',
      params: UnitParams,
      querystring: UnitQuery,
      response: { 200: Unit },
    },
    handler: (request) => getUnit(ctx, request.params.code, request.query.at),
  });

  r.get('/api/agencies', {
    config: { permission: 'public' },
    schema: {
      tags: ['units'],
      summary: 'Agencies (People’s Committees, departments, divisions, one-stop desks)',
      querystring: AgencyListQuery,
      response: { 200: AgencyList },
    },
    handler: (request) => listAgencies(ctx, request.query),
  });

  r.get('/api/agencies/:id', {
    config: { permission: 'public' },
    schema: {
      tags: ['units'],
      summary: 'One agency by its identifier',
      params: AgencyParams,
      response: { 200: Agency },
    },
    handler: (request) => getAgency(ctx, request.params.id),
  });

  r.patch('/api/agencies/:id', {
    config: { permission: 'units.agencies.manage' },
    schema: {
      tags: ['units'],
      summary: 'Rename an agency of one’s units or update its contact details (on the version read; audited)',
      params: AgencyParams,
      body: AgencyUpdate,
      response: { 200: Agency },
    },
    handler: (request) => updateAgency(ctx, request.actor, request.params.id, request.body, requestOrigin(request)),
  });
}
