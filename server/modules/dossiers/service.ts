import { sql } from 'kysely';
import type { AppContext } from '../../context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { getProcedureVersion } from '../catalogue/service.ts';
import { isInScope, resolveAccess, scopeCondition, type Actor } from '../identity/service.ts';
import { getUnit } from '../units/service.ts';
import { performAction } from './actions.ts';
import { commitAction } from './journal.ts';
import { toDetail, toSummary } from './mapping.ts';
import * as repo from './repository.ts';
import { describeWorkflow } from './routing.ts';
import type { ActionBody, DossierListQuery } from './schemas.ts';
import type { UploadedFile } from './uploads.ts';
import type { ActionName } from './workflow.ts';

export { submitDossier } from './submission.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WHAT = { vi: 'hồ sơ', en: 'dossier' };

export function findDossier(ctx: AppContext, key: string): Promise<repo.DossierRow | undefined> {
  return UUID.test(key) ? repo.findDossierById(ctx.db, key) : repo.findDossierByCode(ctx.db, key);
}

/** Read access: the applicant, or an officer of the receiving or the handling agency's units. */
async function mayRead(ctx: AppContext, actor: Actor, row: repo.DossierRow): Promise<boolean> {
  const access = await resolveAccess(ctx, actor, 'dossier.read');
  return (
    isInScope(access, { agencyId: row.handling_agency_id, ownerId: row.applicant_account_id }) ||
    isInScope(access, { agencyId: row.receiving_agency_id, unitId: row.receiving_unit_id })
  );
}

/** Loads a dossier the actor may see; another unit's dossier answers 404, like a missing one (no oracle). */
export async function getVisibleDossier(ctx: AppContext, actor: Actor, key: string): Promise<repo.DossierRow> {
  const row = await findDossier(ctx, key);
  if (!row || !(await mayRead(ctx, actor, row))) throw notFound(WHAT, key);
  return row;
}

/**
 * The full dossier, with its workflow's steps and the agency each resolves to for this dossier (the
 * transfer targets); every read of its personal data by an officer is audited (Decree 13/2023).
 */
export async function getDossier(
  ctx: AppContext,
  actor: Actor,
  key: string,
  origin?: { ip: string; userAgent: string | null },
) {
  const row = await getVisibleDossier(ctx, actor, key);
  const detail = await describeDossier(ctx, row);
  await recordAudit(ctx.db, {
    at: ctx.clock.now(),
    actor: { id: actor.id, kind: actor.kind },
    action: 'dossier.read',
    record: { type: 'dossier', id: row.id },
    agencyId: row.handling_agency_id,
    unitId: row.receiving_unit_id,
    ...origin,
  });
  return detail;
}

/** The full view of a row: files, journal, signatures, and the workflow with each step's agency resolved. */
async function describeDossier(ctx: AppContext, row: repo.DossierRow) {
  const [files, events, signatures, version] = await Promise.all([
    repo.findFiles(ctx.db, row.id),
    repo.findEvents(ctx.db, row.id),
    repo.findSignatures(ctx.db, row.id),
    getProcedureVersion(ctx, row.procedure_version_id),
  ]);
  const workflow = await describeWorkflow(ctx, version, row.receiving_agency_id);
  return { ...toDetail(row, files, events, signatures), workflow };
}

/** The dossier its submitter has just written (no read audit: the write is audited already). */
export async function describeSubmitted(ctx: AppContext, id: string) {
  const row = await repo.findDossierById(ctx.db, id);
  if (!row) throw notFound(WHAT, id);
  return describeDossier(ctx, row);
}

/** Where the actor holds a permission: the dossier's handling or receiving agency (or it is their own). */
async function scopeOf(ctx: AppContext, actor: Actor, permission: string) {
  const access = await resolveAccess(ctx, actor, permission);
  return sql<boolean>`(${scopeCondition(access, { agency: 'handling_agency_id', owner: 'applicant_account_id' })} OR ${scopeCondition(access, { agency: 'receiving_agency_id', unit: 'receiving_unit_id' })})`;
}

export async function listDossiers(ctx: AppContext, actor: Actor, query: DossierListQuery) {
  const scope = await scopeOf(ctx, actor, 'dossier.read');
  // "To sign": only where the officer may sign (dossier.approve), like actions.ts decides for sign_result.
  const signScope = query.queue === 'sign' ? await scopeOf(ctx, actor, 'dossier.approve') : undefined;
  const unitIds = query.unit ? [(await getUnit(ctx, query.unit)).id] : undefined;
  const now = ctx.clock.now();
  const byQueue: Partial<repo.ListFilter> = (() => {
    switch (query.queue) {
      case 'reception':
        return { status: [1] };
      case 'unassigned':
        return { status: [2, 4], assigneeId: null, stepFinished: false };
      case 'mine':
        return { status: [2, 4], assigneeId: actor.id };
      case 'supplement':
        return { status: [5] };
      case 'approve':
        return { status: [4], stepFinished: false, stepRole: 'leader' };
      case 'sign':
        return { status: [9], resultUnsigned: true, alsoScope: signScope };
      case 'return':
        return { status: [9] };
      case 'overdue':
        return { status: [2, 4, 5, 6], dueBefore: now };
      case undefined:
        return {};
    }
  })();
  const { total, rows } = await repo.listDossiers(ctx.db, {
    scope,
    ...byQueue,
    ...(query.status ? { status: [query.status] } : {}),
    ...(query.assignee ? { assigneeId: query.assignee } : {}),
    unitIds,
    q: query.q,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { total, page: query.page, pageSize: query.pageSize, items: rows.map(toSummary) };
}

export async function actOnDossier(
  ctx: AppContext,
  actor: Actor,
  id: string,
  action: ActionName,
  body: ActionBody,
  uploads: UploadedFile[],
) {
  const row = await getVisibleDossier(ctx, actor, id);
  const updated = await performAction(ctx, actor, row, action, body, uploads);
  return toSummary(updated);
}

/**
 * For the payments module: a confirmed payment moves an awaiting-payment dossier back to processing
 * (4 → 6 → 4). Runs as the system; idempotent (a dossier no longer in status 6 is left alone).
 */
export async function recordPaymentReceived(ctx: AppContext, dossierId: string, note: string): Promise<boolean> {
  const row = await repo.findDossierById(ctx.db, dossierId);
  if (!row) throw notFound(WHAT, dossierId);
  if (row.status !== 6) return false;
  await commitAction(ctx, { row, actor: null, action: 'payment_received', effect: {}, note });
  return true;
}

export function assertAccepted(row: repo.DossierRow): void {
  if (row.code === null)
    throw new AppError('CONFLICT', { vi: 'Hồ sơ chưa được tiếp nhận.', en: 'The dossier has not been accepted yet.' });
}

/** One file of a dossier the actor may read; its download is audited like any read of personal data. */
export async function readDossierFile(
  ctx: AppContext,
  actor: Actor,
  dossierId: string,
  fileId: string,
  origin?: { ip: string; userAgent: string | null },
) {
  const row = await getVisibleDossier(ctx, actor, dossierId);
  const file = await repo.findFileById(ctx.db, fileId);
  if (!file || file.dossier_id !== row.id) throw notFound({ vi: 'tệp của hồ sơ', en: 'file of the dossier' }, fileId);
  await recordAudit(ctx.db, {
    at: ctx.clock.now(),
    actor: { id: actor.id, kind: actor.kind },
    action: 'dossier.file.read',
    record: { type: 'dossier', id: row.id },
    agencyId: row.handling_agency_id,
    unitId: row.receiving_unit_id,
    after: { fileId: file.id, kind: file.kind },
    ...origin,
  });
  return { sha256: file.sha256, mediaType: file.media_type, fileName: file.file_name, kind: file.kind };
}
