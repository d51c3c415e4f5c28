import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/errors.ts';
import type { ModuleOptions } from '../../http/route-config.ts';
import { DevMailboxList, InboxList, InboxParams, InboxQuery } from './schemas.ts';
import { listDevelopmentMailbox, listMyNotifications, markMyNotificationRead } from './service.ts';
import { templateRoutes } from './template-routes.ts';

/** The signed-in account (the identity guard authenticates every non-public route before this runs). */
function accountIdOf(request: FastifyRequest): string {
  const actor = (request as { actor?: { id: string } }).actor;
  if (!actor) throw new AppError('UNAUTHENTICATED', { vi: 'Vui lòng đăng nhập.', en: 'Please sign in.' });
  return actor.id;
}

export async function notificationsRoutes(app: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/me/notifications', {
    config: { permission: 'notifications.read' },
    schema: {
      tags: ['notifications'],
      summary: 'My in-app notifications, newest first, with the number unread',
      querystring: InboxQuery,
      response: { 200: InboxList },
    },
    handler: (request) => listMyNotifications(ctx, accountIdOf(request), request.query),
  });

  r.post('/api/me/notifications/:id/read', {
    config: { permission: 'notifications.read' },
    schema: {
      tags: ['notifications'],
      summary: 'Mark one of my notifications read',
      params: InboxParams,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await markMyNotificationRead(ctx, accountIdOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  });

  await templateRoutes(app, { ctx });

  // Development only: what would have been e-mailed or texted when no SMTP server / gateway is configured.
  if (ctx.config.DEV_MAILBOX) {
    r.get('/api/dev/outbox', {
      config: { permission: 'public' },
      schema: {
        tags: ['notifications'],
        summary: 'Development mailbox: e-mail and SMS kept instead of sent (DEV_MAILBOX=true only)',
        response: { 200: DevMailboxList },
      },
      handler: () => listDevelopmentMailbox(ctx),
    });
  }
}
