import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleOptions } from '../../http/route-config.ts';
import { getMe, logIn, registerAccount, updateProfile } from './accounts.ts';
import { adminRoutes } from './admin-routes.ts';
import { changePassword, confirmPasswordReset, requestPasswordReset, resendCode, verifyContact } from './codes.ts';
import { clearSessionCookies, setSessionCookies } from './cookies.ts';
import { nationalIdRoutes } from './national-id-routes.ts';
import { rateLimit } from './rate-limits.ts';
import {
  Accepted,
  LoginBody,
  MeView,
  PasswordChangeBody,
  ProfileUpdate,
  RegisterBody,
  ResendBody,
  ResetConfirmBody,
  ResetRequestBody,
  VerifyBody,
} from './schemas.ts';
import { requestMeta } from './request-meta.ts';
import { endSession, SESSION_COOKIE } from './sessions.ts';

export async function identityRoutes(app: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['identity'];

  r.post('/api/auth/register', {
    config: { permission: 'public', rateLimit: rateLimit(ctx.config, 'register') },
    schema: {
      tags,
      summary: 'Register a citizen or business account (logs in)',
      body: RegisterBody,
      response: { 201: MeView },
    },
    handler: async (request, reply) => {
      const { me, session } = await registerAccount(ctx, request.body, requestMeta(request));
      setSessionCookies(reply, ctx.config, session);
      return reply.code(201).send(me);
    },
  });

  r.post('/api/auth/login', {
    config: { permission: 'public', rateLimit: rateLimit(ctx.config, 'login') },
    schema: { tags, summary: 'Log in with phone or e-mail and password', body: LoginBody, response: { 200: MeView } },
    handler: async (request, reply) => {
      const { me, session } = await logIn(ctx, request.body, requestMeta(request));
      setSessionCookies(reply, ctx.config, session);
      return me;
    },
  });

  r.post('/api/auth/logout', {
    config: { permission: 'identity.self' },
    schema: { tags, summary: 'End this session', response: { 204: z.null() } },
    handler: async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await endSession(ctx, token);
      clearSessionCookies(reply);
      return reply.code(204).send(null);
    },
  });

  r.get('/api/me', {
    config: { permission: 'identity.self' },
    schema: { tags, summary: 'Who is logged in, with roles and their units', response: { 200: MeView } },
    handler: (request) => getMe(ctx, request.actor.id, request.actor.csrfToken),
  });

  r.patch('/api/me', {
    config: { permission: 'identity.self' },
    schema: { tags, summary: 'Update one’s profile', body: ProfileUpdate, response: { 200: MeView } },
    handler: (request) => updateProfile(ctx, request.actor.id, request.body, requestMeta(request)),
  });

  r.post('/api/me/password', {
    config: { permission: 'identity.self', rateLimit: rateLimit(ctx.config, 'code') },
    schema: {
      tags,
      summary: 'Change one’s password (current password required; other sessions end)',
      body: PasswordChangeBody,
      response: { 200: Accepted },
    },
    handler: async (request) => {
      const meta = requestMeta(request);
      await changePassword(ctx, request.actor.id, request.body, { ...meta, currentToken: meta.previousToken });
      return { ok: true as const };
    },
  });

  r.post('/api/auth/verify', {
    config: { permission: 'identity.self', rateLimit: rateLimit(ctx.config, 'code') },
    schema: {
      tags,
      summary: 'Confirm a phone number or e-mail with its 6-digit code',
      body: VerifyBody,
      response: { 200: Accepted },
    },
    handler: async (request) => {
      await verifyContact(ctx, request.actor.id, request.body.channel, request.body.code);
      return { ok: true as const };
    },
  });

  r.post('/api/auth/verify/resend', {
    config: { permission: 'identity.self', rateLimit: rateLimit(ctx.config, 'code') },
    schema: { tags, summary: 'Send a new verification code', body: ResendBody, response: { 202: Accepted } },
    handler: async (request, reply) => {
      await resendCode(ctx, request.actor.id, request.body.channel);
      return reply.code(202).send({ ok: true as const });
    },
  });

  r.post('/api/auth/password-reset', {
    config: { permission: 'public', rateLimit: rateLimit(ctx.config, 'code') },
    schema: {
      tags,
      summary: 'Ask for a reset code (same answer whether or not the account exists)',
      body: ResetRequestBody,
      response: { 202: Accepted },
    },
    handler: async (request, reply) => {
      await requestPasswordReset(ctx, request.body.login);
      return reply.code(202).send({ ok: true as const });
    },
  });

  r.post('/api/auth/password-reset/confirm', {
    config: { permission: 'public', rateLimit: rateLimit(ctx.config, 'code') },
    schema: {
      tags,
      summary: 'Set a new password with the reset code',
      body: ResetConfirmBody,
      response: { 200: Accepted },
    },
    handler: async (request) => {
      await confirmPasswordReset(ctx, request.body, requestMeta(request));
      return { ok: true as const };
    },
  });

  await app.register(adminRoutes, { ctx });
  await app.register(nationalIdRoutes, { ctx });
}
