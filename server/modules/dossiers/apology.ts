import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { extendDueDate } from '../../../shared/calendar/dossier-clock.ts';
import { isCalendarInputError } from '../../../shared/calendar/errors.ts';
import { formatVnIso } from '../../../shared/calendar/instant.ts';
import type { AppContext } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { isInScope, resolveAccess, type Actor } from '../identity/service.ts';
import { enqueueNotification } from '../notifications/service.ts';
import type { DossierApologiesTable } from '../timeliness/tables.ts';
import { calendarOf } from './deadlines.ts';
import * as repo from './repository.ts';
import { getVisibleDossier } from './service.ts';
import { invalid } from './validation.ts';

type Apology = DossierApologiesTable;
// The time limit is running (or paused for a supplement). Also 9: a dossier processed late before the
// closing guard existed must still be able to get its letter, or it could never be returned.
const OPEN = [2, 4, 5, 6, 9];

export function apologyView(a: Apology) {
  return {
    id: a.id,
    dossierId: a.dossier_id,
    agencyId: a.agency_id,
    state: a.state,
    reason: a.reason,
    previousDueAt: a.previous_due_at.toISOString(),
    newAppointmentAt: a.new_due_at.toISOString(),
    draftedAt: a.drafted_at.toISOString(),
    approvedAt: a.approved_at?.toISOString() ?? null,
  };
}

const forbidden = () =>
  new AppError('FORBIDDEN', {
    vi: 'Chỉ cán bộ, lãnh đạo của cơ quan đang giải quyết hồ sơ mới được lập hoặc duyệt phiếu xin lỗi.',
    en: 'Only officers and leaders of the agency handling the dossier may write or approve an apology letter.',
  });

async function mayAct(ctx: AppContext, actor: Actor, row: repo.DossierRow, permissions: string[]) {
  for (const p of permissions) {
    const access = await resolveAccess(ctx, actor, p);
    if (isInScope(access, { agencyId: row.handling_agency_id })) return;
  }
  throw forbidden();
}

function alreadyExtended(first: Apology): AppError {
  // Decree 61/2018 Art. 19(9): the appointment is rescheduled at most once.
  return new AppError(
    'CONFLICT',
    {
      vi: `Hồ sơ đã được hẹn lại ngày trả kết quả một lần theo phiếu xin lỗi ${first.id} (hẹn mới ${formatVnIso(first.new_due_at)}); không được hẹn lại lần thứ hai (Nghị định 61/2018, Điều 19 khoản 9).`,
      en: `The appointment was already rescheduled once by apology letter ${first.id} (new date ${formatVnIso(first.new_due_at)}); a second new date is not allowed (Decree 61/2018 Art. 19(9)).`,
    },
    [{ field: 'apology', apologyId: first.id, message: { vi: 'đã hẹn lại một lần', en: 'already rescheduled once' } }],
  );
}

export function findApologies(db: Database, dossierId: string): Promise<Apology[]> {
  return db
    .selectFrom('dossier_apologies')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .orderBy('drafted_at')
    .execute();
}

export async function getApologies(ctx: AppContext, actor: Actor, key: string) {
  const row = await getVisibleDossier(ctx, actor, key);
  return (await findApologies(ctx.db, row.id)).map(apologyView);
}

/**
 * Step one of form 04: a specialist or leader of the competent (handling) agency writes the reason and
 * ONE new date, validated by the calendar (later than the current due date, on a working day). A draft
 * may be rewritten until a leader approves it.
 */
export async function draftApology(
  ctx: AppContext,
  actor: Actor,
  key: string,
  input: { reason: string; newAppointmentAt: string },
) {
  const row = await getVisibleDossier(ctx, actor, key);
  await mayAct(ctx, actor, row, ['dossier.process', 'dossier.approve']);
  if (!OPEN.includes(row.status) || !row.due_at)
    throw new AppError('CONFLICT', {
      vi: 'Chỉ lập phiếu xin lỗi cho hồ sơ đang giải quyết (đã tiếp nhận, chưa có kết quả).',
      en: 'An apology letter is written only for a dossier being processed (accepted, no result yet).',
    });
  const existing = await findApologies(ctx.db, row.id);
  const approved = existing.find((a) => a.state === 'approved');
  if (approved) throw alreadyExtended(approved);
  let newDue: Date;
  try {
    newDue = extendDueDate(
      await calendarOf(ctx, row.receiving_agency_id),
      { dueAt: row.due_at, extensionCount: 0 },
      input.newAppointmentAt,
    );
  } catch (error) {
    if (!isCalendarInputError(error)) throw error;
    throw invalid([
      {
        field: 'body.newAppointmentAt',
        message: {
          vi: 'Ngày hẹn mới phải sau ngày hẹn hiện tại và là ngày làm việc.',
          en: `The new date must be after the current due date, on a working day (${error.message}).`,
        },
      },
    ]);
  }
  const now = ctx.clock.now();
  const apology: Apology = {
    id: randomUUID(),
    dossier_id: row.id,
    agency_id: row.handling_agency_id,
    reason: input.reason,
    previous_due_at: row.due_at,
    new_due_at: newDue,
    state: 'draft',
    drafted_by: actor.id,
    drafted_at: now,
    approved_by: null,
    approved_at: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('dossier_apologies').where('dossier_id', '=', row.id).where('state', '=', 'draft').execute();
    await trx.insertInto('dossier_apologies').values(apology).execute();
    await recordAudit(trx, {
      at: now,
      actor: { id: actor.id, kind: actor.kind },
      action: 'dossier.apology_draft',
      record: { type: 'dossier', id: row.id },
      agencyId: row.handling_agency_id,
      unitId: row.receiving_unit_id,
      after: { apologyId: apology.id, newDueAt: newDue.toISOString() },
    });
  });
  return apologyView(apology);
}

/**
 * Step two: a leader approves the draft. In one transaction the letter is approved, the appointment
 * (due_at) moves to the new date with a journal event, and the applicant's e-mail/SMS/inbox message
 * (template dossier.apology, with the link to form 04) is written to the outbox.
 */
export async function approveApology(ctx: AppContext, actor: Actor, key: string) {
  const row = await getVisibleDossier(ctx, actor, key);
  await mayAct(ctx, actor, row, ['dossier.approve']);
  const now = ctx.clock.now();
  const approved = await ctx.db.transaction().execute(async (trx) => {
    // The row lock orders this against any concurrent action on the dossier.
    const locked = await trx
      .selectFrom('dossiers')
      .selectAll()
      .where('id', '=', row.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const letters = await findApologies(trx, row.id);
    const first = letters.find((a) => a.state === 'approved');
    if (first) throw alreadyExtended(first);
    const draft = letters.find((a) => a.state === 'draft');
    if (!draft)
      throw new AppError('CONFLICT', {
        vi: 'Chưa có dự thảo phiếu xin lỗi để duyệt.',
        en: 'There is no draft apology letter to approve.',
      });
    if (!OPEN.includes(locked.status) || locked.due_at?.getTime() !== draft.previous_due_at.getTime())
      throw new AppError('CONFLICT', {
        vi: 'Hạn giải quyết của hồ sơ đã thay đổi kể từ khi lập dự thảo; hãy lập lại phiếu xin lỗi.',
        en: 'The dossier’s due date has changed since the draft was written; write the letter again.',
      });
    await trx
      .updateTable('dossier_apologies')
      .set({ state: 'approved', approved_by: actor.id, approved_at: now })
      .where('id', '=', draft.id)
      .execute();
    const seq = locked.version + 1;
    await sql`UPDATE dossiers SET due_at = ${draft.new_due_at}, extended_due_at = ${draft.new_due_at},
      apology_id = ${draft.id}, version = ${seq} WHERE id = ${row.id}`.execute(trx);
    // Journalled so the history shows it and the reducer replays it (workflow.ts: extend_due).
    await repo.insertEvent(trx, {
      dossier_id: row.id,
      seq,
      action: 'extend_due',
      at: now,
      actor_id: actor.id,
      actor_name: actor.fullName,
      from_status: locked.status,
      to_status: locked.status,
      from_step: locked.step_index,
      to_step: locked.step_index,
      from_agency_id: locked.handling_agency_id,
      to_agency_id: locked.handling_agency_id,
      note: draft.reason,
      files: '[]',
      effect: JSON.stringify({ dueAt: draft.new_due_at.toISOString() }),
    });
    await notifyApplicant(ctx, trx, locked, draft);
    await recordAudit(trx, {
      at: now,
      actor: { id: actor.id, kind: actor.kind },
      action: 'dossier.apology_approve',
      record: { type: 'dossier', id: row.id },
      agencyId: locked.handling_agency_id,
      unitId: locked.receiving_unit_id,
      before: { dueAt: draft.previous_due_at.toISOString() },
      after: { dueAt: draft.new_due_at.toISOString(), apologyId: draft.id },
    });
    return { ...draft, state: 'approved' as const, approved_by: actor.id, approved_at: now };
  });
  ctx.log.info({ dossierId: row.id, apologyId: approved.id }, 'apology approved, appointment extended');
  return apologyView(approved);
}

/** Decree 61/2018 Art. 19(9): the applicant is told by e-mail, SMS and the inbox, with form 04 attached by link. */
async function notifyApplicant(ctx: AppContext, trx: Database, row: repo.DossierRow, a: Apology) {
  const base = ctx.config.PUBLIC_URL.replace(/\/$/, '');
  await enqueueNotification(trx, {
    template: 'dossier.apology',
    eventKey: `apology:${a.id}`,
    recipient: { accountId: row.applicant_account_id, email: row.applicant.email, phone: row.applicant.phone },
    params: {
      dossierCode: row.code ?? `HS-${row.id.slice(0, 8)}`,
      reason: a.reason,
      newAppointmentAt: formatVnIso(a.new_due_at),
      letterUrl: `${base}/api/dossiers/${row.id}/forms/04.pdf`,
    },
    now: ctx.clock.now(),
  });
}
