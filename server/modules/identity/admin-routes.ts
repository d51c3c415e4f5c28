import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleOptions } from '../../http/route-config.ts';
import { addOfficerRole, removeOfficerRole, updateOfficer } from './officer-admin.ts';
import { createOfficer, listOfficers } from './officers.ts';
import { requestMeta } from './request-meta.ts';
import {
  AccountView,
  CreateOfficerBody,
  IdParams,
  OfficerList,
  OfficerUpdate,
  RoleInput,
  RoleParams,
  TokenCreateBody,
  TokenCreated,
  TokenList,
} from './schemas.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './tokens.ts';

/** Officer administration and API tokens. */
export async function adminRoutes(app: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['identity'];

  r.get('/api/officers', {
    config: { permission: 'identity.officers.read' },
    schema: { tags, summary: 'Officers holding a role in one’s units', response: { 200: OfficerList } },
    handler: (request) => listOfficers(ctx, request.actor),
  });

  r.post('/api/officers', {
    config: { permission: 'identity.officers.manage' },
    schema: {
      tags,
      summary: 'Create an officer account with role assignments inside one’s units',
      body: CreateOfficerBody,
      response: { 201: AccountView },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await createOfficer(ctx, request.actor, request.body, requestMeta(request))),
  });

  r.patch('/api/officers/:id', {
    config: { permission: 'identity.officers.manage' },
    schema: {
      tags,
      summary: 'Rename, disable or re-enable an officer of one’s units (disabling ends their sessions)',
      params: IdParams,
      body: OfficerUpdate,
      response: { 200: AccountView },
    },
    handler: (request) => updateOfficer(ctx, request.actor, request.params.id, request.body, requestMeta(request)),
  });

  r.post('/api/officers/:id/roles', {
    config: { permission: 'identity.officers.manage' },
    schema: {
      tags,
      summary: 'Give an officer a role for a unit or agency inside one’s units',
      params: IdParams,
      body: RoleInput,
      response: { 201: AccountView },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await addOfficerRole(ctx, request.actor, request.params.id, request.body, requestMeta(request))),
  });

  r.delete('/api/officers/:id/roles/:roleId', {
    config: { permission: 'identity.officers.manage' },
    schema: { tags, summary: 'Take a role assignment away', params: RoleParams, response: { 200: AccountView } },
    handler: (request) =>
      removeOfficerRole(ctx, request.actor, request.params.id, request.params.roleId, requestMeta(request)),
  });

  r.get('/api/tokens', {
    config: { permission: 'identity.tokens.manage' },
    schema: { tags, summary: 'One’s API tokens (never the secrets)', response: { 200: TokenList } },
    handler: (request) => listApiTokens(ctx, request.actor),
  });

  r.post('/api/tokens', {
    config: { permission: 'identity.tokens.manage' },
    schema: {
      tags,
      summary: 'Create an API token; the secret is in this answer only',
      body: TokenCreateBody,
      response: { 201: TokenCreated },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await createApiToken(ctx, request.actor, request.body, requestMeta(request))),
  });

  r.delete('/api/tokens/:id', {
    config: { permission: 'identity.tokens.manage' },
    schema: { tags, summary: 'Revoke an API token', params: IdParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await revokeApiToken(ctx, request.actor, request.params.id, requestMeta(request));
      return reply.code(204).send(null);
    },
  });
}
