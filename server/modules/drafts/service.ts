import type { AppContext } from '../../context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { DraftData, MAX_DRAFT_BYTES, type Draft } from './schemas.ts';
import * as repo from './repository.ts';

/** Drafts belong to the logged-in account only: every query is keyed on the actor's own id. */
export async function getDraft(ctx: AppContext, accountId: string, code: string): Promise<Draft> {
  const row = await repo.findDraft(ctx.db, accountId, code);
  if (!row) throw notFound({ vi: 'bản nháp cho thủ tục', en: 'draft for procedure' }, code);
  return {
    procedureCode: row.procedure_code,
    data: DraftData.parse(row.data),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function saveDraft(ctx: AppContext, accountId: string, code: string, data: DraftData): Promise<Draft> {
  if (Buffer.byteLength(JSON.stringify(data)) > MAX_DRAFT_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', { vi: 'Bản nháp quá lớn.', en: 'The draft is too large.' }, [
      { field: 'body.eform', message: { vi: 'tối đa 256 KB', en: 'at most 256 KB' } },
    ]);
  }
  const now = ctx.clock.now();
  await repo.upsertDraft(ctx.db, accountId, code, data, now);
  return { procedureCode: code, data, updatedAt: now.toISOString() };
}

export async function discardDraft(ctx: AppContext, accountId: string, code: string): Promise<void> {
  await repo.deleteDraft(ctx.db, accountId, code);
}
