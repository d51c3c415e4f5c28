import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleOptions } from '../../http/route-config.ts';
import { approveApology, draftApology, getApologies } from './apology.ts';
import { renderForm04 } from './forms/form04.ts';

const Params = z.object({ id: z.uuid() });
const DraftBody = z.object({
  reason: z
    .string()
    .trim()
    .min(5, 'Ghi rõ lý do trễ hẹn (ít nhất 5 ký tự) | State the reason (at least 5 characters)')
    .max(2000),
  newAppointmentAt: z.iso.datetime({
    offset: true,
    message: 'Ngày giờ hẹn mới, có múi giờ | The new date and time, with an offset',
  }),
});

/** Apology letters, form 04 (Decree 61/2018 Art. 19(9)): draft, approve, read, print. */
export async function apologyRoutes(app: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/dossiers/:id/apology', {
    config: { permission: 'dossier.read' },
    schema: { tags: ['dossiers'], summary: 'Apology letters (form 04) of a dossier, drafts included', params: Params },
    handler: (request) => getApologies(ctx, request.actor, request.params.id),
  });

  r.post('/api/dossiers/:id/apology', {
    config: { permission: 'dossier.read' },
    schema: {
      tags: ['dossiers'],
      summary:
        'Draft the apology letter (form 04): reason and ONE new date after the current due date, on a working day. Specialist or leader of the handling agency. A second new date after an approved one → 409.',
      params: Params,
      body: DraftBody,
    },
    handler: async (request, reply) =>
      reply.code(201).send(await draftApology(ctx, request.actor, request.params.id, request.body)),
  });

  r.post('/api/dossiers/:id/apology/approve', {
    config: { permission: 'dossier.approve' },
    schema: {
      tags: ['dossiers'],
      summary:
        'A leader of the handling agency approves the draft: the appointment moves to the new date and the applicant is notified (e-mail, SMS, inbox) with form 04.',
      params: Params,
    },
    handler: (request) => approveApology(ctx, request.actor, request.params.id),
  });

  r.get('/api/dossiers/:id/forms/04.pdf', {
    config: { permission: 'dossier.read' },
    schema: { tags: ['dossiers'], summary: 'Form 04: apology letter with the new date (A5 PDF)', params: Params },
    handler: async (request, reply) => {
      const pdf = await renderForm04(ctx, request.actor, request.params.id);
      return reply.type('application/pdf').header('content-disposition', 'inline; filename="mau-04.pdf"').send(pdf);
    },
  });
}
