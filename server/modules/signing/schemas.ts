import { z } from 'zod';

export const PublicKeyView = z.object({
  keyId: z.string(),
  algorithm: z.literal('Ed25519'),
  publicKey: z.string().describe('SPKI PEM'),
  origin: z.enum(['configured', 'generated']).describe('generated: a development key kept in the database'),
  createdAt: z.string(),
});

export const PublicKeyList = z.object({ items: z.array(PublicKeyView) });
