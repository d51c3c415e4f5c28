import type { Database } from '../../db/client.ts';

export async function findDraft(db: Database, accountId: string, code: string) {
  return db
    .selectFrom('dossier_drafts')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('procedure_code', '=', code)
    .executeTakeFirst();
}

export async function upsertDraft(db: Database, accountId: string, code: string, data: unknown, now: Date) {
  await db
    .insertInto('dossier_drafts')
    .values({ account_id: accountId, procedure_code: code, data: JSON.stringify(data), updated_at: now })
    .onConflict((oc) =>
      oc.columns(['account_id', 'procedure_code']).doUpdateSet({ data: JSON.stringify(data), updated_at: now }),
    )
    .execute();
}

export async function deleteDraft(db: Database, accountId: string, code: string): Promise<void> {
  await db
    .deleteFrom('dossier_drafts')
    .where('account_id', '=', accountId)
    .where('procedure_code', '=', code)
    .execute();
}
