import { z } from 'zod';
import { ProcedureCode } from '../../../shared/schemas/procedure.ts';

export const DraftParams = z.object({ code: ProcedureCode });

/** What the apply pages keep between visits: where they are and what was typed (never files). */
export const DraftData = z.object({
  step: z.number().int().min(0).max(100),
  agencyId: z.string().max(64).nullable(),
  eform: z.record(z.string(), z.unknown()),
  resultDelivery: z.enum(['counter', 'post', 'online']).nullable(),
  deliveryAddress: z.string().max(500).nullable(),
});
export type DraftData = z.infer<typeof DraftData>;

export const Draft = z.object({ procedureCode: z.string(), data: DraftData, updatedAt: z.string() });
export type Draft = z.infer<typeof Draft>;

// A draft is at most 256 KB of JSON: far beyond any real form, small enough to refuse abuse.
export const MAX_DRAFT_BYTES = 256 * 1024;
