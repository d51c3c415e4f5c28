/** The dossier API's views as the workspace reads them (server/modules/dossiers/mapping.ts). */
export interface LocalText {
  vi: string;
  en: string;
}

export interface DossierSummary {
  id: string;
  code: string | null;
  status: number;
  statusKey: string;
  statusLabel: LocalText;
  version: number;
  channel: 'in_person' | 'online' | 'postal';
  procedureCode: string;
  procedureVersionId: number;
  receivingAgencyId: string;
  handlingAgencyId: string;
  applicantName: string;
  submittedAt: string;
  acceptedAt: string | null;
  dueAt: string | null;
  stepIndex: number | null;
  /** The current step's role as the dossier recorded it (receptionist, specialist, division_head, leader). */
  stepRole: string | null;
  stepAssigneeId: string | null;
  stepDueAt: string | null;
}

export interface DossierList {
  total: number;
  page: number;
  pageSize: number;
  items: DossierSummary[];
}

/** A result file's digital signature (server/modules/dossiers/mapping.ts toSignature; ADR 0017). */
export interface ResultSignature {
  resultCode: string;
  sha256: string;
  agencyId: string;
  signerName: string;
  signedAt: string;
  algorithm: string;
  keyId: string;
}

export interface DossierFile {
  id: string;
  kind: string;
  componentKey: string | null;
  sha256: string;
  signature: ResultSignature | null;
  sizeBytes: number;
  mediaType: string;
  fileName: string;
  isDigitised: boolean;
  reusedFrom: string | null;
}

export interface JournalEntry {
  seq: number;
  action: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  fromStatus: number | null;
  toStatus: number;
  fromStep: number | null;
  toStep: number | null;
  fromAgencyId: string | null;
  toAgencyId: string | null;
  note: string | null;
}

/** A step of the dossier's workflow, with the agency it resolves to for this dossier (null: none found). */
export interface WorkflowStepView {
  index: number;
  name: LocalText;
  role: string;
  budgetDays: number;
  agency: { id: string; name: string } | null;
}

export interface DossierDetail extends DossierSummary {
  ownerType: string;
  applicant: { name: string; idNumber?: string; phone?: string; email?: string; address?: string };
  owner: { name: string; idNumber?: string; address?: string } | null;
  eform: Record<string, unknown>;
  resultDelivery: 'counter' | 'post' | 'online';
  deliveryAddress: string | null;
  startsAt: string | null;
  pausedAt: string | null;
  approvedAt: string | null;
  processedAt: string | null;
  resultSignedAt: string | null;
  returnedAt: string | null;
  returnMethod: string | null;
  stepAvailableAt: string | null;
  stepDueAts: string[] | null;
  supplement: { items: Array<{ name: string; count: number; note?: string }>; reason: string; isLate: boolean } | null;
  allowedActions: string[];
  workflow: WorkflowStepView[];
  files: DossierFile[];
  journal: JournalEntry[];
}
