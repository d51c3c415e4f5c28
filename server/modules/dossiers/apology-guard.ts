import { classifyTimeliness, type Timeliness } from '../../../shared/calendar/dossier-clock.ts';
import { sql } from 'kysely';
import type { AppContext } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { DossierRow } from './repository.ts';
import type { DossierState } from './workflow.ts';

/**
 * Our product rule on top of Decree 61/2018 Art. 19(9) (DOMAIN §3 item 7): a LATE dossier cannot be
 * closed — marked processed (9) or returned (10) — without an approved apology letter (form 04).
 * Pure: late means the end of processing (processed, else now) falls after the due date, by date.
 */
export function lateClosingRefusal(input: {
  action: string;
  dueAt: Date | null;
  processedAt: Date | null;
  now: Date;
  hasApprovedApology: boolean;
}): AppError | null {
  if (input.action !== 'mark_processed' && input.action !== 'return_result') return null;
  if (input.hasApprovedApology || input.dueAt === null) return null;
  const end = input.action === 'return_result' ? (input.processedAt ?? input.now) : input.now;
  if (classifyTimeliness(end, input.dueAt) !== 'late') return null;
  return new AppError(
    'CONFLICT',
    {
      vi: 'Hồ sơ đã quá hạn giải quyết nhưng chưa có phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04) được lãnh đạo duyệt; không thể kết thúc hồ sơ (Nghị định 61/2018, Điều 19 khoản 9).',
      en: 'The dossier is late and has no apology letter with a new date (form 04) approved by a leader, so it cannot be closed (Decree 61/2018 Art. 19(9)).',
    },
    [
      {
        field: 'apology',
        dueAt: input.dueAt.toISOString(),
        message: { vi: 'cần phiếu xin lỗi (mẫu 04)', en: 'an apology letter (form 04) is required' },
      },
    ],
  );
}

/** The guard as the action path calls it: throws the refusal, if any. */
export async function guardClosing(ctx: AppContext, row: DossierRow, action: string, now: Date): Promise<void> {
  if (action !== 'mark_processed' && action !== 'return_result') return;
  const approved = await ctx.db
    .selectFrom('dossier_apologies')
    .select('id')
    .where('dossier_id', '=', row.id)
    .where('state', '=', 'approved')
    .executeTakeFirst();
  const refusal = lateClosingRefusal({
    action,
    dueAt: row.due_at,
    processedAt: row.processed_at,
    now,
    hasApprovedApology: approved !== undefined,
  });
  if (refusal) throw refusal;
}

/** The end of processing (DOMAIN §4): processed (9) > returned (10) > stopped or refused. */
function endOfProcessing(s: DossierState): string | null {
  if (s.processedAt) return s.processedAt;
  if (s.returnedAt) return s.returnedAt;
  if (s.status === 3 || s.status === 8) return s.finishedAt;
  return null;
}

/**
 * Stores early / on time / late (by date, via the calendar's classifier) the first time processing
 * ends; later endings (returned after processed) keep the first verdict. Runs in the action's transaction.
 * The extended date counts only for a letter approved before the original deadline (Decree 61/2018 Art.
 * 19(9): the apology comes before the deadline); a letter written after it moves the appointment for the
 * applicant but cannot turn a late dossier into an on-time one.
 */
export async function storeTimeliness(trx: Database, dossierId: string, next: DossierState): Promise<void> {
  const end = endOfProcessing(next);
  if (!end || !next.dueAt) return;
  const letter = await trx
    .selectFrom('dossier_apologies')
    .select(['previous_due_at', 'approved_at'])
    .where('dossier_id', '=', dossierId)
    .where('state', '=', 'approved')
    .executeTakeFirst();
  const lateLetter = letter?.approved_at && letter.approved_at.getTime() > letter.previous_due_at.getTime();
  const due = lateLetter ? letter.previous_due_at : next.dueAt;
  const verdict: Timeliness = classifyTimeliness(end, due);
  // The column belongs to the timeliness migration (0085), not to the dossiers table type.
  await sql`UPDATE dossiers SET timeliness = ${verdict} WHERE id = ${dossierId} AND timeliness IS NULL`.execute(trx);
}
