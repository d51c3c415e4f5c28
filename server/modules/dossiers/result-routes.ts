import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import type { ModuleOptions } from '../../http/route-config.ts';
import { notFound } from '../../http/errors.ts';
import { rateLimit } from '../identity/service.ts';
import { isIssuedResult, verifyResult } from './result-signatures.ts';
import { ResultParams, ResultVerification } from './schemas.ts';

/** The portal page a result's QR opens (web/src/pages/verify-result.tsx). */
export function verificationUrl(publicUrl: string, resultCode: string): string {
  return `${publicUrl.replace(/\/$/, '')}/xac-thuc/${encodeURIComponent(resultCode)}`;
}

/** Public verification of e-results by their code, rate-limited like tracking (Decree 45/2020 Art. 14(3)). */
export async function resultRoutes(app: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const limit = rateLimit(ctx.config, 'lookup');

  r.get('/api/results/:resultCode', {
    config: { permission: 'public', rateLimit: limit },
    schema: {
      tags: ['dossiers'],
      summary:
        'Verify an e-result by its code {dossier code}-KQ{n}: valid or not, agency, signer, time, SHA-256 (no personal data)',
      params: ResultParams,
      response: { 200: ResultVerification },
    },
    handler: (request) => verifyResult(ctx, request.params.resultCode),
  });

  r.get('/api/results/:resultCode/qr.svg', {
    config: { permission: 'public', rateLimit: limit },
    schema: {
      tags: ['dossiers'],
      summary: 'QR code (SVG) of the address where anyone verifies this e-result',
      params: ResultParams,
    },
    handler: async (request, reply) => {
      const code = request.params.resultCode;
      if (!(await isIssuedResult(ctx, code))) throw notFound({ vi: 'kết quả điện tử', en: 'e-result' }, code);
      const svg = await QRCode.toString(verificationUrl(ctx.config.PUBLIC_URL, code), {
        type: 'svg',
        margin: 1,
        errorCorrectionLevel: 'M',
      });
      return reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(svg);
    },
  });
}
