import type { Insertable } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { DossierRatingsTable, FeedbackReportsTable } from './tables.ts';

export function findRating(db: Database, dossierId: string) {
  return db.selectFrom('dossier_ratings').selectAll().where('dossier_id', '=', dossierId).executeTakeFirst();
}

/** Inserts unless the dossier is rated already; returns whether it inserted (one rating per dossier). */
export async function insertRating(db: Database, row: Insertable<DossierRatingsTable>): Promise<boolean> {
  const inserted = await db
    .insertInto('dossier_ratings')
    .values(row)
    .onConflict((oc) => oc.column('dossier_id').doNothing())
    .returning('dossier_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function insertFeedback(db: Database, row: Insertable<FeedbackReportsTable>): Promise<void> {
  await db.insertInto('feedback_reports').values(row).execute();
}
