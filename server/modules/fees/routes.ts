import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleOptions } from '../../http/route-config.ts';
import { DossierParams, FeePayments, PaymentOffer, ReceiptParams } from './schemas.ts';
import { feeReceipt, listFeePayments, requestFeePayment } from './service.ts';

export async function feesRoutes(app: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['payments'];

  r.post('/api/dossiers/:id/payments', {
    config: { permission: 'dossier.submit' },
    schema: {
      tags,
      summary: 'Pay a level-4 fee online: a VietQR to scan with any banking app (the same one on a repeated click)',
      params: DossierParams,
      response: { 201: PaymentOffer },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await requestFeePayment(ctx, request.actor, request.params.id)),
  });

  r.get('/api/dossiers/:id/payments', {
    config: { permission: 'dossier.read' },
    schema: {
      tags,
      summary: 'The payments of a dossier and their state (poll for “paid”)',
      params: DossierParams,
      response: { 200: FeePayments },
    },
    handler: (request) => listFeePayments(ctx, request.actor, request.params.id),
  });

  r.get('/api/dossiers/:id/payments/:paymentId/receipt.pdf', {
    config: { permission: 'dossier.read' },
    schema: { tags, summary: 'The e-receipt (biên lai điện tử) of a paid fee', params: ReceiptParams },
    handler: async (request, reply) =>
      reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="bien-lai.pdf"')
        .send(await feeReceipt(ctx, request.actor, request.params.id, request.params.paymentId)),
  });
}
