import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/errors.ts';
import type { ModuleOptions } from '../../http/route-config.ts';
import { listBanks } from './banks.ts';
import { receiveNotification } from './notifications.ts';
import { isProviderName } from './providers/registry.ts';
import { renderQrPng, renderQrSvg } from './qr-image.ts';
import { getReconciliation, reconcileStatement } from './reconciliation.ts';
import { completeRefund, refundCredit, refundPayment } from './refunds.ts';
import {
  BankList,
  BankQuery,
  CreditList,
  IntentParams,
  PaymentIntent,
  PaymentStatus,
  ProviderParams,
  ReconciliationBody,
  Refund,
  RefundBody,
} from './schemas.ts';
import { getPaymentIntent, listFlaggedCredits, renderPaymentReceipt } from './service.ts';

// Only these request headers are kept with a raw notification: enough to investigate, no cookies.
const KEPT_HEADERS = ['content-type', 'user-agent', 'x-forwarded-for', 'x-request-id'];

export async function paymentsRoutes(app: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Gateways' notifications: bodies are kept byte for byte, so this scope parses nothing itself.
  await app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => done(null, body));
    const notify = async (request: FastifyRequest, reply: FastifyReply) => {
      const { provider } = ProviderParams.parse(request.params);
      if (!isProviderName(provider))
        throw new AppError('NOT_FOUND', {
          vi: `Không có cổng thanh toán "${provider}".`,
          en: `No payment provider "${provider}".`,
        });
      const headers = Object.fromEntries(
        KEPT_HEADERS.flatMap((h) => (typeof request.headers[h] === 'string' ? [[h, request.headers[h]]] : [])),
      );
      const ack = await receiveNotification(
        ctx,
        provider,
        {
          method: request.method,
          query: Object.fromEntries(
            Object.entries(request.query as Record<string, unknown>).map(([k, v]) => [k, String(v as string)]),
          ),
          rawBody: typeof request.body === 'string' ? request.body : '',
          contentType: request.headers['content-type'],
        },
        { remoteAddress: request.ip, headers },
      );
      return reply.code(ack.status).type('application/json; charset=utf-8').send(ack.body);
    };
    const config = { permission: 'public' };
    const schema = {
      tags: ['payments'],
      summary: 'Gateway notification (IPN/webhook), answered as the gateway expects',
    };
    // VNPAY calls its IPN URL with GET; payOS posts JSON. Both land here.
    raw.post('/api/payments/notify/:provider', { config, schema }, notify);
    raw.get('/api/payments/notify/:provider', { config, schema: { ...schema, hide: true } }, notify);
  });

  r.get('/api/payments/banks', {
    config: { permission: 'public' },
    schema: {
      tags: ['payments'],
      summary: 'Banks and wallets reachable by VietQR (NAPAS BIN)',
      querystring: BankQuery,
      response: { 200: BankList },
    },
    handler: (request) => {
      const all = listBanks();
      const items =
        request.query.supported === 'true'
          ? all.filter((b) => b.vietQRStatus !== 'NOT_SUPPORTED' && !b.deprecated)
          : all;
      return { total: items.length, items };
    },
  });

  r.get('/api/payments/:id', {
    config: { permission: 'payments.read' },
    schema: {
      tags: ['payments'],
      summary: 'One payment with its credits and refunds',
      params: IntentParams,
      response: { 200: PaymentIntent },
    },
    handler: (request) => getPaymentIntent(ctx, request.params.id),
  });

  // The browser's return from a gateway never changes anything: the page polls this until the
  // gateway's signed notification has arrived (DOMAIN.md §6: never trust the redirect).
  r.get('/api/payments/:id/status', {
    config: { permission: 'public' },
    schema: {
      tags: ['payments'],
      summary: 'State of a payment, for the payer’s page to poll',
      params: IntentParams,
      response: { 200: PaymentStatus },
    },
    handler: async (request) => {
      const { id, reference, state, amount, expiresAt, paidAt } = await getPaymentIntent(ctx, request.params.id);
      return { id, reference, state, amount, expiresAt, paidAt };
    },
  });

  // The QR is a capability: whoever holds the payment id may show it (the citizen's screen).
  r.get('/api/payments/:id/qr.svg', {
    config: { permission: 'public' },
    schema: { tags: ['payments'], summary: 'The VietQR image (SVG)', params: IntentParams },
    handler: async (request, reply) => {
      const intent = await getPaymentIntent(ctx, request.params.id);
      return reply.type('image/svg+xml').send(await renderQrSvg(intent.vietqr.payload));
    },
  });
  r.get('/api/payments/:id/qr.png', {
    config: { permission: 'public' },
    schema: { tags: ['payments'], summary: 'The VietQR image (PNG)', params: IntentParams },
    handler: async (request, reply) => {
      const intent = await getPaymentIntent(ctx, request.params.id);
      return reply.type('image/png').send(await renderQrPng(intent.vietqr.payload));
    },
  });

  r.get('/api/payments/:id/receipt.pdf', {
    config: { permission: 'payments.read' },
    schema: {
      tags: ['payments'],
      summary: 'E-receipt (biên lai điện tử) of a paid payment, PDF',
      params: IntentParams,
    },
    handler: async (request, reply) => {
      const pdf = await renderPaymentReceipt(ctx, request.params.id, 'Bộ phận Một cửa');
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="bien-lai-${request.params.id}.pdf"`)
        .send(pdf);
    },
  });

  r.post('/api/payments/:id/refund', {
    config: { permission: 'payments.refund' },
    schema: {
      tags: ['payments'],
      summary: 'Refund a payment (all or part)',
      params: IntentParams,
      body: RefundBody,
      response: { 200: PaymentIntent },
    },
    handler: (request) => refundPayment(ctx, request.params.id, { ...request.body, requestedBy: request.actor.id }),
  });

  r.get('/api/payments/credits', {
    config: { permission: 'payments.reconcile' },
    schema: {
      tags: ['payments'],
      summary: 'Money needing a decision: flagged for refund (late, duplicate, wrong amount) or unmatched',
      response: { 200: CreditList },
    },
    handler: () => listFlaggedCredits(ctx),
  });

  r.post('/api/payments/credits/:id/refund', {
    config: { permission: 'payments.refund' },
    schema: {
      tags: ['payments'],
      summary: 'Refund money that arrived, even when it matched no payment',
      params: IntentParams,
      body: RefundBody.omit({ creditId: true }),
      response: { 200: Refund },
    },
    handler: (request) => refundCredit(ctx, request.params.id, { ...request.body, requestedBy: request.actor.id }),
  });

  r.post('/api/payments/refunds/:id/confirm', {
    config: { permission: 'payments.refund' },
    schema: {
      tags: ['payments'],
      summary: 'Confirm a refund paid back by hand (bank transfers have no refund API)',
      params: IntentParams,
      body: z.object({ providerRefundId: z.string().trim().min(1).max(100) }),
    },
    handler: async (request) => {
      await completeRefund(ctx, request.params.id, request.body);
      return { ok: true };
    },
  });

  r.post('/api/payments/reconciliations', {
    config: { permission: 'payments.reconcile' },
    schema: {
      tags: ['payments'],
      summary: 'Reconcile a gateway statement (CSV) against our credits',
      body: ReconciliationBody,
    },
    handler: async (request, reply) =>
      reply.code(201).send(await reconcileStatement(ctx, { ...request.body, uploadedBy: request.actor.id })),
  });

  r.get('/api/payments/reconciliations/:id', {
    config: { permission: 'payments.reconcile' },
    schema: { tags: ['payments'], summary: 'A reconciliation report', params: IntentParams },
    handler: (request) => getReconciliation(ctx, request.params.id),
  });
}
