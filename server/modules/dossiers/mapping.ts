import type { Insertable } from 'kysely';
import type { DossierEventsTable, DossierFilesTable } from './tables.ts';
import type { DossierRow, EventRow, FileRow, SignatureRow } from './repository.ts';
import type { DossiersTable } from './tables.ts';
import { allowedActions, CHANNELS, STATUSES, type ChannelCode, type DossierState, type Status } from './workflow.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const date = (s: string | null | undefined) => (s ? new Date(s) : null);

/** The journal-derived part of a row, as the reducer sees it. */
export function stateOf(row: DossierRow): DossierState {
  return {
    status: row.status as Status,
    code: row.code,
    handlingAgencyId: row.handling_agency_id,
    stepIndex: row.step_index,
    stepRole: row.step_role,
    assigneeId: row.step_assignee_id,
    stepAvailableAt: iso(row.step_available_at),
    stepDueAt: iso(row.step_due_at),
    stepDueAts: row.step_due_ats,
    acceptedAt: iso(row.accepted_at),
    startsAt: iso(row.starts_at),
    dueAt: iso(row.due_at),
    pausedAt: iso(row.paused_at),
    approvedAt: iso(row.approved_at),
    processedAt: iso(row.processed_at),
    resultSignedAt: iso(row.result_signed_at),
    finishedAt: iso(row.finished_at),
    returnedAt: iso(row.returned_at),
    returnMethod: row.return_method,
    supplement: row.supplement,
  };
}

/** The columns a state occupies (the inverse of stateOf). */
export function columnsOf(state: DossierState): Partial<Insertable<DossiersTable>> {
  return {
    status: state.status,
    code: state.code,
    handling_agency_id: state.handlingAgencyId,
    step_index: state.stepIndex,
    step_role: state.stepRole,
    step_assignee_id: state.assigneeId,
    step_available_at: date(state.stepAvailableAt),
    step_due_at: date(state.stepDueAt),
    step_due_ats: state.stepDueAts === null ? null : JSON.stringify(state.stepDueAts),
    accepted_at: date(state.acceptedAt),
    starts_at: date(state.startsAt),
    due_at: date(state.dueAt),
    paused_at: date(state.pausedAt),
    approved_at: date(state.approvedAt),
    processed_at: date(state.processedAt),
    result_signed_at: date(state.resultSignedAt),
    finished_at: date(state.finishedAt),
    returned_at: date(state.returnedAt),
    return_method: state.returnMethod,
    supplement: state.supplement === null ? null : JSON.stringify(state.supplement),
  };
}

export function statusView(status: number) {
  const s = STATUSES[status as Status];
  return { status, statusKey: s.key, statusLabel: { vi: s.vi, en: s.en } };
}

/** The list view: no ID number, phone, address or e-form data. */
export function toSummary(row: DossierRow) {
  return {
    id: row.id,
    code: row.code,
    ...statusView(row.status),
    version: row.version,
    channel: CHANNELS[row.channel as ChannelCode],
    procedureCode: row.procedure_code,
    procedureVersionId: row.procedure_version_id,
    receivingAgencyId: row.receiving_agency_id,
    handlingAgencyId: row.handling_agency_id,
    applicantName: row.applicant.name,
    submittedAt: row.submitted_at.toISOString(),
    acceptedAt: iso(row.accepted_at),
    dueAt: iso(row.due_at),
    stepIndex: row.step_index,
    /** The current step's role (receptionist, specialist, leader…), as the dossier recorded it on entering. */
    stepRole: row.step_role,
    stepAssigneeId: row.step_assignee_id,
    stepDueAt: iso(row.step_due_at),
  };
}

/** A result file's signature (ADR 0017): what the officer and the applicant see beside the file. */
export function toSignature(s: SignatureRow) {
  return {
    resultCode: s.result_code,
    sha256: s.sha256,
    agencyId: s.agency_id,
    signerName: s.signer_name,
    signedAt: s.signed_at.toISOString(),
    algorithm: s.algorithm,
    keyId: s.key_id,
  };
}

export function toFile(f: FileRow, signature?: SignatureRow) {
  return {
    id: f.id,
    kind: f.kind,
    componentKey: f.component_key,
    sha256: f.sha256,
    sizeBytes: f.size_bytes,
    mediaType: f.media_type,
    fileName: f.file_name,
    isDigitised: f.is_digitised,
    reusedFrom: f.reused_from,
    signature: signature ? toSignature(signature) : null,
  };
}

export function toEvent(e: EventRow) {
  return {
    seq: e.seq,
    action: e.action,
    at: e.at.toISOString(),
    actorId: e.actor_id,
    actorName: e.actor_name,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    fromStep: e.from_step,
    toStep: e.to_step,
    fromAgencyId: e.from_agency_id,
    toAgencyId: e.to_agency_id,
    note: e.note,
    files: e.files,
  };
}

/** The full view (officers in scope and the applicant): personal data, files, journal, allowed actions. */
export function toDetail(row: DossierRow, files: FileRow[], events: EventRow[], signatures: SignatureRow[] = []) {
  const state = stateOf(row);
  return {
    ...toSummary(row),
    ownerType: row.owner_type,
    applicant: row.applicant,
    owner: row.owner,
    eform: row.eform_data,
    resultDelivery: row.result_delivery,
    deliveryAddress: row.delivery_address,
    startsAt: state.startsAt,
    pausedAt: state.pausedAt,
    approvedAt: state.approvedAt,
    processedAt: state.processedAt,
    resultSignedAt: state.resultSignedAt,
    finishedAt: state.finishedAt,
    returnedAt: state.returnedAt,
    returnMethod: state.returnMethod,
    stepAvailableAt: state.stepAvailableAt,
    stepDueAts: state.stepDueAts,
    supplement: state.supplement,
    allowedActions: allowedActions(state),
    files: files.map((f) =>
      toFile(
        f,
        signatures.find((s) => s.file_id === f.id),
      ),
    ),
    journal: events.map(toEvent),
  };
}

/**
 * The detail view of rows this request has just inserted, without reading them back (the submission
 * answer): JSON columns are parsed the way the driver would return them.
 */
export function detailOfInserted(
  dossier: Insertable<DossiersTable>,
  files: readonly Insertable<DossierFilesTable>[],
  events: readonly Insertable<DossierEventsTable>[],
) {
  const json = <T>(text: string | null | undefined): T => (text == null ? null : JSON.parse(text)) as T;
  const row = {
    ...dossier,
    version: 1,
    search_text: '',
    applicant: json(dossier.applicant),
    owner: json(dossier.owner),
    eform_data: json(dossier.eform_data),
    step_due_ats: json(dossier.step_due_ats),
    supplement: json(dossier.supplement),
  } as DossierRow;
  const fileRows = files.map((f) => ({ ...f }) as FileRow);
  const eventRows = events.map((e) => ({ ...e, files: json(e.files), effect: json(e.effect) }) as EventRow);
  return toDetail(row, fileRows, eventRows);
}
