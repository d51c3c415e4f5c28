/**
 * The dossier state machine as data, and the pure reducer that folds the journal into a state.
 * No I/O here: the service computes an action's effect (due times with the calendar, the next agency,
 * the code) and this module decides whether the action is allowed and what the status becomes.
 */

// DOMAIN §3 statuses with the national-portal codes (a real provincial system).
export const STATUSES = {
  1: { key: 'receiving', vi: 'Đã nộp, chờ tiếp nhận', en: 'Submitted' },
  2: { key: 'new', vi: 'Đã tiếp nhận', en: 'Accepted' },
  3: { key: 'denied', vi: 'Từ chối', en: 'Refused' },
  4: { key: 'processing', vi: 'Đang xử lý', en: 'Processing' },
  5: { key: 'waiting', vi: 'Chờ bổ sung', en: 'Supplement requested' },
  6: { key: 'paying', vi: 'Chờ thanh toán', en: 'Awaiting payment' },
  7: { key: 'cancelled', vi: 'Đã rút', en: 'Withdrawn' },
  8: { key: 'unresolved', vi: 'Dừng xử lý', en: 'Stopped' },
  9: { key: 'releasing', vi: 'Đã có kết quả', en: 'Processed' },
  10: { key: 'done', vi: 'Đã trả kết quả', en: 'Returned' },
} as const;
export type Status = keyof typeof STATUSES;
export const ALL_STATUSES = Object.keys(STATUSES).map(Number) as Status[];

export const CHANNELS = { 1: 'in_person', 2: 'online', 3: 'postal' } as const;
export type ChannelCode = keyof typeof CHANNELS;
export const OWNER_TYPES = ['citizen', 'business', 'state_agency', 'organisation', 'other'] as const;
export type OwnerType = (typeof OWNER_TYPES)[number];
export const RESULT_DELIVERIES = ['counter', 'post', 'online'] as const;
export type ResultDelivery = (typeof RESULT_DELIVERIES)[number];

export const ACTIONS = [
  'submit',
  'accept',
  'refuse',
  'request_supplement',
  'submit_supplement',
  'assign',
  'complete_step',
  'send_back',
  'transfer',
  'approve',
  'request_payment',
  'payment_received',
  'mark_processed',
  'sign_result',
  'return_result',
  'withdraw',
  'stop',
] as const;
export type ActionName = (typeof ACTIONS)[number];

/** Whether the dossier has been accepted: the same action can mean a reception or a processing step. */
export type Phase = 'reception' | 'processing';

export interface Transition {
  action: ActionName;
  from: readonly Status[];
  to: Status;
  /** Any one of these permissions lets the actor take the action (identity's catalogue). */
  permissions: readonly string[];
  phase?: Phase;
  /** The action is not allowed once this part of the state is set (e.g. a result is signed once). */
  unless?: keyof DossierState;
  basis: string;
}

const APPLICANT_OR_DESK = ['dossier.submit', 'dossier.receive'];
// The step's own role is checked too (a receptionist step, a specialist step, a leader's approval).
const PROCESSOR = ['dossier.process', 'dossier.approve', 'dossier.receive'];

export const TRANSITIONS: readonly Transition[] = [
  { action: 'accept', from: [1], to: 2, permissions: ['dossier.receive'], basis: 'Decree 61/2018 Art. 17(1)(c)' },
  { action: 'refuse', from: [1], to: 3, permissions: ['dossier.receive'], basis: 'Decree 61/2018 Art. 17(1)(b)' },
  { action: 'refuse', from: [4], to: 3, permissions: ['dossier.approve'], basis: 'Decree 61/2018 Art. 19(8)' },
  {
    action: 'request_supplement',
    from: [1],
    to: 5,
    permissions: ['dossier.receive'],
    phase: 'reception',
    basis: 'Decree 61/2018 Art. 17(1)(a): once, in writing, itemised (form 02)',
  },
  {
    action: 'request_supplement',
    from: [2, 4],
    to: 5,
    // Art. 5(1)(e): processing officers ask only through the one-stop desk; the desk issues form 02.
    permissions: ['dossier.receive', 'dossier.process'],
    phase: 'processing',
    basis: 'Decree 61/2018 Art. 19(4)',
  },
  {
    action: 'submit_supplement',
    from: [5],
    to: 1,
    permissions: APPLICANT_OR_DESK,
    phase: 'reception',
    basis: 'Art. 17',
  },
  {
    action: 'submit_supplement',
    from: [5],
    to: 4,
    permissions: APPLICANT_OR_DESK,
    phase: 'processing',
    basis: 'Decree 61/2018 Art. 19(4): the time limit restarts (or resumes, PAUSE mode)',
  },
  { action: 'assign', from: [2, 4], to: 4, permissions: PROCESSOR, phase: 'processing', basis: 'Decree 61 Art. 19' },
  { action: 'complete_step', from: [4], to: 4, permissions: PROCESSOR, basis: 'Decree 61/2018 Art. 19' },
  { action: 'send_back', from: [4], to: 4, permissions: PROCESSOR, basis: 'Decree 61/2018 Art. 19' },
  { action: 'transfer', from: [4], to: 4, permissions: ['dossier.process'], basis: 'Decree 61/2018 Art. 18, 19(2)' },
  { action: 'approve', from: [4], to: 4, permissions: ['dossier.approve'], basis: 'Decree 61/2018 Art. 19(3)' },
  {
    action: 'request_payment',
    from: [4],
    to: 6,
    permissions: ['dossier.process', 'dossier.receive'],
    basis: 'DOMAIN §6',
  },
  { action: 'payment_received', from: [6], to: 4, permissions: ['dossier.receive'], basis: 'DOMAIN §6' },
  {
    action: 'mark_processed',
    from: [4],
    to: 9,
    permissions: ['dossier.process', 'dossier.receive'],
    basis: 'Art. 19(7)',
  },
  {
    // The result file is attached at mark_processed; the leader then signs it (ADR 0017). Once: the
    // signature covers every result file of the dossier, and an online return needs it.
    action: 'sign_result',
    from: [9],
    to: 9,
    permissions: ['dossier.approve'],
    unless: 'resultSignedAt',
    basis: 'Decree 45/2020 Art. 14(3): an e-result is digitally signed',
  },
  { action: 'return_result', from: [9], to: 10, permissions: ['dossier.receive'], basis: 'Decree 61/2018 Art. 20' },
  { action: 'withdraw', from: [1, 2, 4, 5, 6], to: 7, permissions: APPLICANT_OR_DESK, basis: 'DOMAIN §3 step 9' },
  { action: 'stop', from: [2, 4, 5, 6], to: 8, permissions: ['dossier.approve'], basis: 'Decree 118/2025 Art. 21' },
];

/** No action leaves these: refused, withdrawn, stopped, returned. */
export const TERMINAL_STATUSES: readonly Status[] = [3, 7, 8, 10];

/** The state the journal folds into; instants are ISO strings so events round-trip through jsonb. */
export interface DossierState {
  status: Status;
  code: string | null;
  handlingAgencyId: string;
  stepIndex: number | null;
  /** The role the current step needs (the leader's approval queue reads it). */
  stepRole: string | null;
  assigneeId: string | null;
  stepAvailableAt: string | null;
  stepDueAt: string | null;
  stepDueAts: string[] | null;
  acceptedAt: string | null;
  startsAt: string | null;
  dueAt: string | null;
  pausedAt: string | null;
  approvedAt: string | null;
  processedAt: string | null;
  /** When the result files were signed (sign_result); an online return needs it (Decree 45/2020 Art. 14(3)). */
  resultSignedAt: string | null;
  finishedAt: string | null;
  returnedAt: string | null;
  returnMethod: ResultDelivery | null;
  supplement: SupplementRequest | null;
}

export interface SupplementRequest {
  items: { name: string; count: number; note?: string | undefined }[];
  reason: string;
  requestedAt: string;
  requestedBy: string | null;
  phase: Phase;
  /** Decree 61/2018 Art. 19(4): later than 3 working days after receipt is flagged. */
  isLate: boolean;
}

/** What an action changes besides the status (computed by the service, recorded in the journal). */
export type Effect = Partial<Omit<DossierState, 'status'>>;

export interface JournalEvent {
  action: ActionName;
  effect: Effect;
}

export function phaseOf(state: Pick<DossierState, 'acceptedAt'>): Phase {
  return state.acceptedAt === null ? 'reception' : 'processing';
}

/** What the table looks at: the status, the phase, and the parts of the state a transition's `unless` names. */
export type MachineView = Pick<DossierState, 'status' | 'acceptedAt'> & Partial<DossierState>;

/** The transition an action takes from a state, or undefined when the table has none. */
export function findTransition(action: ActionName, state: MachineView) {
  const phase = phaseOf(state);
  return TRANSITIONS.find(
    (t) =>
      t.action === action &&
      t.from.includes(state.status) &&
      (t.phase === undefined || t.phase === phase) &&
      (t.unless === undefined || state[t.unless] == null),
  );
}

/** Actions the table allows from a state (the UI offers only these). */
export function allowedActions(state: MachineView): ActionName[] {
  return ACTIONS.filter((a) => findTransition(a, state) !== undefined);
}

export class TransitionError extends Error {
  readonly action: ActionName;
  readonly status: Status;
  constructor(action: ActionName, status: Status) {
    super(`action ${action} is not allowed from status ${status} (${STATUSES[status].key})`);
    this.action = action;
    this.status = status;
  }
}

/** The state right after submission: the first journal event's effect completes it. */
export function initialState(effect: Effect & { handlingAgencyId: string }): DossierState {
  return {
    code: null,
    stepIndex: null,
    stepRole: null,
    assigneeId: null,
    stepAvailableAt: null,
    stepDueAt: null,
    stepDueAts: null,
    acceptedAt: null,
    startsAt: null,
    dueAt: null,
    pausedAt: null,
    approvedAt: null,
    processedAt: null,
    resultSignedAt: null,
    finishedAt: null,
    returnedAt: null,
    returnMethod: null,
    supplement: null,
    ...effect,
    status: 1,
  };
}

/** One step of the fold; throws TransitionError for an action the table does not allow. */
export function applyEvent(state: DossierState, event: JournalEvent): DossierState {
  // An approved apology letter moves the appointment, status unchanged (Decree 61/2018 Art. 19(9); apology.ts).
  if ((event.action as string) === 'extend_due') return { ...state, ...event.effect };
  const transition = findTransition(event.action, state);
  if (!transition) throw new TransitionError(event.action, state.status);
  return { ...state, ...event.effect, status: transition.to };
}

/** The dossier's state from its journal (the first event is the submission). */
export function replayJournal(events: readonly JournalEvent[]): DossierState {
  const [first, ...rest] = events;
  if (!first || first.action !== 'submit') throw new Error('a journal starts with its submission');
  const start = initialState(first.effect as Effect & { handlingAgencyId: string });
  return rest.reduce(applyEvent, start);
}
