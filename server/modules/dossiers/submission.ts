import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import { validateSubmission } from '../../../shared/eform/validate-submission.ts';
import type { ProcedureVersion } from '../../../shared/schemas/procedure.ts';
import type { AppContext } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import { AppError, type ErrorDetail } from '../../http/errors.ts';
import { auditAppendQuery } from '../audit/service.ts';
import { getProcedure, todayInVietnam } from '../catalogue/service.ts';
import { isInScope, resolveAccess, type Actor } from '../identity/service.ts';
import { getAgency } from '../units/service.ts';
import { fileRows, journalFiles, withStagedFiles } from './files.ts';
import * as repo from './repository.ts';
import { describeWorkflow, type WorkflowStepView } from './routing.ts';
import { SubmitDossier } from './schemas.ts';
import type { BlobStorage } from './blob-storage.ts';
import { storageFor } from './storage.ts';
import type { DossierEventsTable, DossierFilesTable, DossiersTable } from './tables.ts';
import type { UploadedFile } from './uploads.ts';
import { invalid, parseOrThrow } from './validation.ts';
import { initialState } from './workflow.ts';
import { columnsOf, detailOfInserted } from './mapping.ts';

const CHANNEL_CODE = { in_person: 1, online: 2, postal: 3 } as const;
const last4 = (s: string | undefined) => (s && s.length >= 4 ? s.slice(-4) : null);

export interface SubmitResult {
  id: string;
  replayed: boolean;
  /** The new dossier's view, built from what was written (replays read theirs from the database). */
  view?: ReturnType<typeof detailOfInserted> & { workflow: WorkflowStepView[] };
}

/**
 * Online submission by a citizen or business, or counter reception by a receptionist for a walk-in
 * applicant. Status 1 until the desk decides; nothing is written unless everything is.
 */
export async function submitDossier(
  ctx: AppContext,
  actor: Actor,
  payload: unknown,
  uploads: UploadedFile[],
  idempotencyKey: string | undefined,
): Promise<SubmitResult> {
  const storage = storageFor(ctx.config);
  try {
    return await submitNew(ctx, actor, payload, uploads, idempotencyKey, storage);
  } catch (error) {
    // A retry (same Idempotency-Key) is not looked up first: the new dossier's insert meets the first one's
    // key, or a check that no longer passes (a procedure since replaced) refuses it; either way, the first
    // dossier is the answer. One round trip fewer for every submission that is not a retry.
    if (idempotencyKey && (repo.isIdempotencyClash(error) || error instanceof AppError)) {
      const first = await repo.findByIdempotencyKey(ctx.db, actor.id, idempotencyKey);
      if (first) return { id: first.id, replayed: true };
    }
    throw error;
  } finally {
    await Promise.all(uploads.map((u) => storage.discard(u.staged)));
  }
}

async function submitNew(
  ctx: AppContext,
  actor: Actor,
  payload: unknown,
  uploads: UploadedFile[],
  idempotencyKey: string | undefined,
  storage: BlobStorage,
): Promise<SubmitResult> {
  const input = parseOrThrow(SubmitDossier, payload, 'body');
  const version = await getProcedure(ctx, input.procedureCode, todayInVietnam(ctx));
  const agency = await getAgency(ctx, input.agencyId);
  const isOfficer = actor.kind === 'officer';
  const channel = isOfficer ? (input.channel ?? 'in_person') : 'online';
  if (isOfficer) {
    const access = await resolveAccess(ctx, actor, 'dossier.receive');
    if (!isInScope(access, { agencyId: agency.id })) throw outOfScope();
  } else if (version.onlineLevel < 3) {
    throw new AppError('CONFLICT', {
      vi: `Thủ tục ${version.code} chỉ cung cấp thông tin trực tuyến (mức độ 2); hãy nộp tại Bộ phận Một cửa.`,
      en: `Procedure ${version.code} is information-only online (level 2); apply at the one-stop desk.`,
    });
  }
  checkReceivingAgency(version, agency);
  const details = [
    ...eformProblems(version, input.eform, todayInVietnam(ctx)),
    ...componentProblems(version, input, uploads, channel),
  ];
  if (details.length > 0) throw invalid(details);
  const reused = await reusedFiles(ctx, actor, input.components);

  const now = ctx.clock.now();
  const id = randomUUID();
  const digitised = new Set(isOfficer ? input.components.filter((c) => c.isDigitised).map((c) => c.key) : []);
  const rows = [
    ...fileRows(id, uploads, 'component', now, digitised),
    ...reused.map((r) => ({ ...r, dossier_id: id, created_at: now })),
  ];
  const state = initialState({ handlingAgencyId: agency.id });
  const dossierValues: Insertable<DossiersTable> = {
    ...columnsOf(state),
    id,
    status: 1,
    channel: CHANNEL_CODE[channel],
    procedure_version_id: version.id,
    procedure_code: version.code,
    receiving_agency_id: agency.id,
    receiving_unit_id: agency.unitId,
    handling_agency_id: agency.id,
    applicant_account_id: isOfficer ? null : actor.id,
    applicant: JSON.stringify(input.applicant),
    owner_type: input.ownerType,
    owner: JSON.stringify(
      input.owner ?? {
        name: input.applicant.name,
        idNumber: input.applicant.idNumber,
        address: input.applicant.address,
      },
    ),
    eform_data: JSON.stringify(input.eform),
    result_delivery: input.resultDelivery,
    delivery_address: input.deliveryAddress ?? null,
    check_id4: last4(input.applicant.idNumber),
    check_phone4: last4(input.applicant.phone),
    submitted_at: now,
    created_by: actor.id,
    idempotency_key: idempotencyKey ?? null,
  };
  const eventValues: Insertable<DossierEventsTable> = {
    dossier_id: id,
    seq: 1,
    action: 'submit',
    at: now,
    actor_id: actor.id,
    actor_name: actor.fullName,
    from_status: null,
    to_status: 1,
    from_step: null,
    to_step: null,
    from_agency_id: null,
    to_agency_id: agency.id,
    note: channel === 'online' ? 'Nộp trực tuyến' : 'Tiếp nhận tại Bộ phận Một cửa',
    files: JSON.stringify(journalFiles(rows)),
    effect: JSON.stringify({ handlingAgencyId: agency.id }),
  };
  const audit = {
    at: now,
    actor: { id: actor.id, kind: actor.kind },
    action: 'dossier.submit',
    record: { type: 'dossier', id },
    agencyId: agency.id,
    unitId: agency.unitId,
    after: { status: 1, channel, procedureVersionId: version.id, files: rows.length },
  };
  // Read before writing: the answer shows the workflow like GET /api/dossiers/{id} (agencies are cached).
  const workflow = await describeWorkflow(ctx, version, agency);
  const write = (db: Database) =>
    repo.insertSubmission(db, { dossier: dossierValues, files: rows, event: eventValues }, auditAppendQuery(db, audit));
  // Without files the statement is the whole unit of work; with files, their blobs are promoted first
  // and removed again if the statement fails.
  if (uploads.length === 0) await write(ctx.db);
  else
    await withStagedFiles(ctx.db, storage, uploads, async (trx, promote) => {
      await promote();
      await write(trx);
    });
  return { id, replayed: false, view: { ...detailOfInserted(dossierValues, rows, [eventValues]), workflow } };
}

function outOfScope(): AppError {
  return new AppError('FORBIDDEN', {
    vi: 'Bạn không có quyền tiếp nhận hồ sơ cho cơ quan này.',
    en: 'You may not receive dossiers for this agency.',
  });
}

function checkReceivingAgency(
  version: ProcedureVersion,
  agency: { id: string; level: string; parentId: string | null },
) {
  const ok = version.agencyId
    ? version.agencyId === agency.id || version.agencyId === agency.parentId
    : (version.tiers as string[]).includes(agency.level);
  if (!ok)
    throw new AppError('CONFLICT', {
      vi: `Cơ quan ${agency.id} không tiếp nhận thủ tục ${version.code}.`,
      en: `Agency ${agency.id} does not receive procedure ${version.code}.`,
    });
}

function eformProblems(version: ProcedureVersion, data: Record<string, unknown>, today: string): ErrorDetail[] {
  if (!version.eform) return [];
  return validateSubmission(version.eform, data, { today }).errors.map((e) => ({
    field: e.field ? `body.eform.${e.field}` : 'body.eform',
    code: e.code,
    message: e.message,
  }));
}

function componentProblems(
  version: ProcedureVersion,
  input: SubmitDossier,
  uploads: readonly UploadedFile[],
  channel: string,
): ErrorDetail[] {
  const known = new Map(version.components.map((c) => [c.key, c]));
  const problems: ErrorDetail[] = [];
  const provided = new Set<string>();
  for (const u of uploads) {
    const key = u.field.startsWith('component.') ? u.field.slice('component.'.length) : '';
    if (!known.has(key))
      problems.push({
        field: `files.${u.field}`,
        message: { vi: `Thủ tục không có thành phần "${key}".`, en: `The procedure has no component "${key}".` },
      });
    provided.add(key);
  }
  for (const c of input.components) {
    if (!known.has(c.key))
      problems.push({
        field: `body.components.${c.key}`,
        message: { vi: `Thủ tục không có thành phần "${c.key}".`, en: `The procedure has no component "${c.key}".` },
      });
    // Only an officer at the counter can vouch for a scanned paper; online, a file or a reused file is needed.
    if (c.reuseFileId || (c.isDigitised && channel !== 'online')) provided.add(c.key);
  }
  // Decree 61/2018 Art. 5(1)(đ): only the listed papers may be asked for; online, the required ones must come.
  if (channel === 'online')
    for (const c of version.components)
      if (c.required && !provided.has(c.key))
        problems.push({
          field: `files.component.${c.key}`,
          message: { vi: `Thiếu thành phần hồ sơ: ${c.name}.`, en: `Missing component: ${c.name}.` },
        });
  return problems;
}

/** Files reused from the applicant's earlier dossiers (Circular 01/2023: reuse of digitised papers). */
async function reusedFiles(ctx: AppContext, actor: Actor, components: SubmitDossier['components']) {
  const out: Omit<Insertable<DossierFilesTable>, 'dossier_id' | 'created_at'>[] = [];
  for (const c of components) {
    if (!c.reuseFileId) continue;
    const file = await repo.findFileById(ctx.db, c.reuseFileId);
    const owner = file ? await repo.findDossierById(ctx.db, file.dossier_id) : undefined;
    const mayReuse = owner && (owner.applicant_account_id === actor.id || owner.created_by === actor.id);
    if (!file || !mayReuse)
      throw invalid([
        {
          field: `body.components.${c.key}.reuseFileId`,
          message: { vi: 'Không tìm thấy tệp để dùng lại.', en: 'No reusable file with this id.' },
        },
      ]);
    out.push({
      id: randomUUID(),
      kind: 'component',
      component_key: c.key,
      sha256: file.sha256,
      size_bytes: file.size_bytes,
      media_type: file.media_type,
      file_name: file.file_name,
      is_digitised: file.is_digitised,
      reused_from: file.id,
    });
  }
  return out;
}
