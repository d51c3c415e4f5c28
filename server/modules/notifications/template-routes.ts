import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  TemplateDraftBody,
  TemplateKeyParams,
  TemplateList,
  TemplateLocaleParams,
  TemplatePreview,
  TemplateView,
} from '../../../shared/schemas/notification-templates.ts';
import { pickLanguage } from '../../http/language.ts';
import type { ModuleOptions } from '../../http/route-config.ts';
import { requestOrigin } from '../audit/service.ts';
import {
  getNotificationTemplate,
  listNotificationTemplates,
  previewTemplateDraft,
  resetTemplateOverride,
  saveTemplateOverride,
} from './template-admin.ts';

/** City administrators reword the notification templates per language (docs/notifications.md). */
export async function templateRoutes(app: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  const config = { permission: 'notifications.templates.manage' };

  r.get('/api/notification-templates', {
    config,
    schema: {
      tags,
      summary: 'Every notification template, and which languages an administrator reworded',
      response: { 200: TemplateList },
    },
    handler: () => listNotificationTemplates(ctx),
  });

  r.get('/api/notification-templates/:name', {
    config,
    schema: {
      tags,
      summary: 'One template: its placeholders, the default texts and the override per language, with sample values',
      params: TemplateKeyParams,
      response: { 200: TemplateView },
    },
    handler: (request) => getNotificationTemplate(ctx, request.params.name),
  });

  r.put('/api/notification-templates/:name/:locale', {
    config,
    schema: {
      tags,
      summary:
        'Reword a template in one language (null keeps a part’s default). Every placeholder must be a parameter of the template; the SMS is unaccented and fits 160 GSM-7 characters with the sample values. Audited.',
      params: TemplateLocaleParams,
      body: TemplateDraftBody,
      response: { 200: TemplateView },
    },
    handler: (request) =>
      saveTemplateOverride(
        ctx,
        request.actor,
        request.params.name,
        request.params.locale,
        request.body,
        requestOrigin(request),
      ),
  });

  r.delete('/api/notification-templates/:name/:locale', {
    config,
    schema: {
      tags,
      summary: 'Reset a template in one language to the default texts (audited)',
      params: TemplateLocaleParams,
      response: { 200: TemplateView },
    },
    handler: (request) =>
      resetTemplateOverride(ctx, request.actor, request.params.name, request.params.locale, requestOrigin(request)),
  });

  r.post('/api/notification-templates/:name/:locale/preview', {
    config,
    schema: {
      tags,
      summary: 'A draft rendered with the sample parameters, and its problems (nothing is stored)',
      params: TemplateLocaleParams,
      body: TemplateDraftBody,
      response: { 200: TemplatePreview },
    },
    handler: (request) =>
      previewTemplateDraft(request.params.name, request.params.locale, request.body, pickLanguage(request)),
  });
}
