import { timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../http/errors.ts';
import { statusView } from './mapping.ts';
import * as repo from './repository.ts';
import { STATUSES, type Status } from './workflow.ts';

const same = (a: string | null, b: string) =>
  a !== null && a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Public tracking (Decree 61/2018 Art. 17(3)): by code plus the last 4 digits of the applicant's ID
 * number or phone. A wrong check answers exactly like an unknown code (no oracle); the history names
 * actions, statuses and agencies, never people or personal data.
 */
export async function trackDossier(ctx: AppContext, code: string, check: string) {
  const row = await repo.findForTracking(ctx.db, code);
  const ok = row !== undefined && (same(row.check_id4, check) || same(row.check_phone4, check));
  if (!row || !ok)
    throw notFound({ vi: 'hồ sơ với mã và số kiểm tra này', en: 'dossier with this code and check' }, code);
  return {
    code: row.code,
    ...statusView(row.status),
    procedureCode: row.procedure_code,
    receivedAt: row.accepted_at?.toISOString() ?? null,
    appointmentAt: row.due_at?.toISOString() ?? null,
    // Decree 61/2018 Art. 19(9): the reason and the one new date.
    apology: row.apology
      ? { newAppointmentAt: new Date(row.apology.newDueAt).toISOString(), reason: row.apology.reason }
      : null,
    returnedAt: row.returned_at?.toISOString() ?? null,
    history: row.history.map((e) => ({
      at: new Date(e.at).toISOString(),
      action: e.action,
      status: e.status,
      statusLabel: { vi: STATUSES[e.status as Status].vi, en: STATUSES[e.status as Status].en },
      agencyId: e.agencyId,
    })),
  };
}
