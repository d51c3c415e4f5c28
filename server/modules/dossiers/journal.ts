import type { AppContext } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { fileRows, journalFiles, withStagedFiles } from './files.ts';
import { columnsOf, stateOf } from './mapping.ts';
import * as repo from './repository.ts';
import { storageFor } from './storage.ts';
import type { DossierFilesTable } from './tables.ts';
import type { UploadedFile } from './uploads.ts';
import {
  applyEvent,
  STATUSES,
  TransitionError,
  type ActionName,
  type DossierState,
  type Effect,
  type Status,
} from './workflow.ts';

export interface Committer {
  id: string;
  kind: string;
  fullName: string;
}

export function invalidTransition(action: ActionName, status: number): AppError {
  const s = STATUSES[status as Status];
  return new AppError(
    'INVALID_TRANSITION',
    {
      vi: `Không thể thực hiện "${action}" khi hồ sơ đang ở trạng thái ${status} (${s.vi}).`,
      en: `"${action}" is not allowed while the dossier is in status ${status} (${s.en}).`,
    },
    [{ field: 'action', currentStatus: status, currentStatusKey: s.key, message: { vi: s.vi, en: s.en } }],
  );
}

export function staleVersion(current: number): AppError {
  return new AppError(
    'CONFLICT',
    {
      vi: 'Hồ sơ vừa được người khác cập nhật; hãy tải lại rồi thao tác lại.',
      en: 'Someone else has just changed this dossier; reload it and try again.',
    },
    [{ field: 'body.version', currentVersion: current, message: { vi: 'phiên bản cũ', en: 'stale version' } }],
  );
}

export interface Commit {
  row: repo.DossierRow;
  actor: Committer | null;
  action: ActionName;
  effect: Effect;
  note?: string | undefined;
  uploads?: readonly UploadedFile[];
  fileKind?: DossierFilesTable['kind'];
  /** Work inside the transaction before the state is written (e.g. allocating the dossier code). */
  before?: (trx: Database) => Promise<Effect>;
  /** What the action's audit record carries besides status, step and agency (e.g. the signed results). */
  audit?: Record<string, unknown>;
  /** Work inside the transaction after the state is written (e.g. the applicant's notification). */
  after?: (trx: Database, next: DossierState) => Promise<void>;
}

/**
 * Applies one action: the reducer decides the status, the row is compared-and-set on its version, and
 * the journal row, the files and the audit record are written in the same transaction.
 */
export async function commitAction(ctx: AppContext, c: Commit): Promise<repo.DossierRow> {
  const storage = storageFor(ctx.config);
  const uploads = c.uploads ?? [];
  const now = ctx.clock.now();
  const files = fileRows(c.row.id, uploads, c.fileKind ?? 'supplement', now);
  const from = stateOf(c.row);
  await withStagedFiles(ctx.db, storage, uploads, async (trx, promote) => {
    const extra = c.before ? await c.before(trx) : {};
    let next;
    try {
      next = applyEvent(from, { action: c.action, effect: { ...c.effect, ...extra } });
    } catch (error) {
      if (error instanceof TransitionError) throw invalidTransition(c.action, from.status);
      throw error;
    }
    const seq = c.row.version + 1;
    if (!(await repo.updateDossier(trx, c.row.id, c.row.version, columnsOf(next)))) throw staleVersion(c.row.version);
    await repo.insertFiles(trx, files);
    await repo.insertEvent(trx, {
      dossier_id: c.row.id,
      seq,
      action: c.action,
      at: now,
      actor_id: c.actor?.id ?? null,
      actor_name: c.actor?.fullName ?? 'Hệ thống',
      from_status: from.status,
      to_status: next.status,
      from_step: from.stepIndex,
      to_step: next.stepIndex,
      from_agency_id: from.handlingAgencyId,
      to_agency_id: next.handlingAgencyId,
      note: c.note ?? null,
      files: JSON.stringify(journalFiles(files)),
      effect: JSON.stringify({ ...c.effect, ...extra }),
    });
    if (c.after) await c.after(trx, next);
    await promote();
    // The audit row is a plain insert (sealed into its chain later, ADR 0016), committed with the change.
    await recordAudit(trx, {
      at: now,
      actor: c.actor ? { id: c.actor.id, kind: c.actor.kind } : null,
      action: `dossier.${c.action}`,
      record: { type: 'dossier', id: c.row.id },
      agencyId: next.handlingAgencyId,
      unitId: c.row.receiving_unit_id,
      before: { status: from.status, step: from.stepIndex, agency: from.handlingAgencyId },
      after: { status: next.status, step: next.stepIndex, agency: next.handlingAgencyId, code: next.code, ...c.audit },
    });
  });
  ctx.log.info({ dossierId: c.row.id, action: c.action, from: from.status }, 'dossier action');
  return (await repo.findDossierById(ctx.db, c.row.id))!;
}
