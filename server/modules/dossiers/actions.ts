import type { Calendar } from '../../../shared/calendar/calendar.ts';
import type { ProcedureVersion, WorkflowStep } from '../../../shared/schemas/procedure.ts';
import type { AppContext } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { getProcedureVersion } from '../catalogue/service.ts';
import { isInScope, resolveAccess, type Actor } from '../identity/service.ts';
import {
  acceptanceDeadlines,
  calendarOf,
  handOverAt,
  isLateSupplementRequest,
  supplementDeadlines,
} from './deadlines.ts';
import { guardClosing, storeTimeliness } from './apology-guard.ts';
import { checkAssignee } from './assignee.ts';
import { commitAction, invalidTransition, staleVersion } from './journal.ts';
import { stateOf } from './mapping.ts';
import * as repo from './repository.ts';
import { notifyApplicant } from './notify.ts';
import { prepareResultSignatures } from './result-signatures.ts';
import { resolveAllStepAgencies, workflowSteps } from './routing.ts';
import type { ActionBody } from './schemas.ts';
import type { UploadedFile } from './uploads.ts';
import { invalid } from './validation.ts';
import { findTransition, type ActionName, type DossierState, type Effect } from './workflow.ts';

interface Context {
  ctx: AppContext;
  actor: Actor;
  row: repo.DossierRow;
  state: DossierState;
  version: ProcedureVersion;
  steps: WorkflowStep[];
  agencies: string[];
  calendar: Calendar;
  now: Date;
  body: ActionBody;
  uploads: UploadedFile[];
  /** Rows an action adds inside its transaction (the result signatures), and what its audit record adds. */
  writes: Array<(trx: Database) => Promise<void>>;
  audit: Record<string, unknown>;
}

const required = (field: string, vi: string, en: string) => invalid([{ field: `body.${field}`, message: { vi, en } }]);
const conflict = (vi: string, en: string) => new AppError('CONFLICT', { vi, en });
const forbidden = () =>
  new AppError('FORBIDDEN', {
    vi: 'Bạn không có quyền thực hiện thao tác này trên hồ sơ này.',
    en: 'You may not do this on this dossier.',
  });

/** The permission a step needs, from the role the workflow names for it. */
function stepPermission(step: WorkflowStep | undefined): string {
  if (step?.role === 'leader') return 'dossier.approve';
  if (step?.role === 'receptionist') return 'dossier.receive';
  return 'dossier.process';
}

async function holds(x: Context, permission: string): Promise<boolean> {
  const access = await resolveAccess(x.ctx, x.actor, permission);
  const agencyId = permission === 'dossier.receive' ? x.row.receiving_agency_id : x.row.handling_agency_id;
  return isInScope(access, { agencyId, ownerId: x.row.applicant_account_id });
}

async function holdsAny(x: Context, permissions: readonly string[]): Promise<boolean> {
  for (const p of permissions) if (await holds(x, p)) return true;
  return false;
}

/** Moves to step j (or back to the receiving desk past the last step), handing over per Art. 18. */
function moveTo(x: Context, j: number): Effect {
  const done = j >= x.steps.length;
  const agency = done ? x.row.receiving_agency_id : x.agencies[j]!;
  const handOver =
    agency === x.state.handlingAgencyId ? x.now.toISOString() : handOverAt(x.calendar, x.now, x.row.channel);
  return {
    stepIndex: done ? null : j,
    stepRole: done ? null : x.steps[j]!.role,
    handlingAgencyId: agency,
    assigneeId: null,
    stepAvailableAt: handOver,
    stepDueAt: done ? null : (x.state.stepDueAts?.[j] ?? null),
  };
}

function requireAssignee(x: Context) {
  if (x.state.assigneeId !== x.actor.id)
    throw conflict(
      'Bước này chưa được giao cho bạn; hãy nhận xử lý trước.',
      'This step is not assigned to you; take it first.',
    );
}

const isHead = (a: Actor) => a.roles.some((r) => r.role === 'division_head' || r.role === 'leader');

type Handler = (x: Context) => Promise<Effect> | Effect;

const HANDLERS: Record<Exclude<ActionName, 'submit'>, Handler> = {
  accept: (x) => {
    const d = acceptanceDeadlines(x.calendar, x.now, x.version, x.steps);
    const first = { ...x.state, stepDueAts: d.stepDueAts };
    return { acceptedAt: x.now.toISOString(), ...d, ...moveTo({ ...x, state: first }, 0), supplement: null };
  },
  refuse: (x) => {
    if (!x.body.reason) throw required('reason', 'Phải ghi rõ lý do từ chối.', 'A reason for the refusal is required.');
    return { finishedAt: x.now.toISOString(), supplement: null };
  },
  request_supplement: (x) => {
    if (!x.body.items) throw required('items', 'Liệt kê các giấy tờ cần bổ sung.', 'List the items to supplement.');
    if (!x.body.reason) throw required('reason', 'Phải ghi rõ lý do.', 'A reason is required.');
    const processing = x.state.acceptedAt !== null;
    return {
      supplement: {
        items: x.body.items,
        reason: x.body.reason,
        requestedAt: x.now.toISOString(),
        requestedBy: x.actor.id,
        phase: processing ? 'processing' : 'reception',
        isLate: isLateSupplementRequest(x.calendar, x.state.acceptedAt, x.now),
      },
      ...(processing ? { pausedAt: x.now.toISOString() } : {}),
    };
  },
  submit_supplement: (x) => {
    if (x.state.acceptedAt === null || !x.state.dueAt || !x.state.pausedAt) return { supplement: null };
    const d = supplementDeadlines(
      x.calendar,
      x.version.supplementMode,
      x.now,
      {
        dueAt: x.state.dueAt,
        pausedAt: x.state.pausedAt,
        stepIndex: x.state.stepIndex,
        stepDueAts: x.state.stepDueAts,
      },
      x.version,
      x.steps,
    );
    const stepDueAt = x.state.stepIndex === null ? null : (d.stepDueAts[x.state.stepIndex] ?? null);
    return { ...d, stepDueAt, pausedAt: null, supplement: null };
  },
  assign: async (x) => {
    const step = x.state.stepIndex === null ? undefined : x.steps[x.state.stepIndex];
    if (!step) throw conflict('Hồ sơ không ở bước xử lý nào.', 'The dossier is at no processing step.');
    if (!(await holds(x, stepPermission(step)))) throw forbidden();
    const assignee = x.body.assigneeId ?? x.actor.id;
    if (assignee !== x.actor.id) {
      if (!isHead(x.actor)) throw forbidden();
      await checkAssignee(
        x.ctx,
        assignee,
        { role: step.role, permission: stepPermission(step) },
        x.state.handlingAgencyId,
      );
    }
    if (x.state.assigneeId !== null && x.state.assigneeId !== x.actor.id && !isHead(x.actor))
      throw conflict('Bước này đã có cán bộ khác nhận xử lý.', 'Another officer has already taken this step.');
    return { assigneeId: assignee };
  },
  complete_step: async (x) => {
    const step = x.state.stepIndex === null ? undefined : x.steps[x.state.stepIndex];
    if (!step) throw conflict('Hồ sơ không ở bước xử lý nào.', 'The dossier is at no processing step.');
    if (step.role === 'leader')
      throw conflict(
        'Bước này là bước phê duyệt: dùng thao tác "approve".',
        'This is an approval step: use "approve".',
      );
    requireAssignee(x);
    return moveTo(x, x.state.stepIndex! + 1);
  },
  approve: async (x) => {
    const step = x.state.stepIndex === null ? undefined : x.steps[x.state.stepIndex];
    if (!step || step.role !== 'leader')
      throw conflict('Hồ sơ chưa đến bước phê duyệt.', 'The dossier is not at an approval step.');
    if (!(await holds(x, 'dossier.approve'))) throw forbidden();
    if (x.state.assigneeId !== null) requireAssignee(x);
    return { approvedAt: x.now.toISOString(), ...moveTo(x, x.state.stepIndex! + 1) };
  },
  send_back: async (x) => {
    if (x.state.stepIndex === null || x.state.stepIndex === 0)
      throw conflict('Không có bước trước để trả lại.', 'There is no earlier step to send back to.');
    if (!x.body.reason) throw required('reason', 'Phải ghi rõ lý do trả lại.', 'A reason is required.');
    if (x.state.assigneeId !== null && !isHead(x.actor)) requireAssignee(x);
    return moveTo(x, x.state.stepIndex - 1);
  },
  transfer: async (x) => {
    const target = x.body.agencyId;
    if (!target) throw required('agencyId', 'Chọn cơ quan nhận.', 'Choose the receiving agency.');
    const j = x.agencies.findIndex((a, i) => a === target && i !== x.state.stepIndex);
    if (j < 0 || target === x.state.handlingAgencyId)
      throw conflict(
        `Quy trình của thủ tục không có bước tại cơ quan ${target}.`,
        `The procedure's workflow has no step at agency ${target}.`,
      );
    if (x.state.assigneeId !== null && !isHead(x.actor)) requireAssignee(x);
    return moveTo(x, j);
  },
  request_payment: () => ({}),
  payment_received: () => ({}),
  mark_processed: (x) => {
    if (x.state.stepIndex !== null)
      throw conflict('Các bước xử lý chưa hoàn thành.', 'The processing steps are not finished yet.');
    if (x.steps.some((s) => s.role === 'leader') && !x.state.approvedAt)
      throw conflict('Kết quả chưa được phê duyệt.', 'The result has not been approved.');
    if (!x.uploads.some((u) => u.field === 'result'))
      throw required('result', 'Đính kèm tệp kết quả (trường "result").', 'Attach the result file (field "result").');
    return { processedAt: x.now.toISOString(), finishedAt: x.now.toISOString() };
  },
  sign_result: async (x) => {
    const signatures = await prepareResultSignatures(x.ctx, x.row, x.actor, x.now);
    x.writes.push((trx) => repo.insertSignatures(trx, signatures));
    x.audit = {
      results: signatures.map((s) => ({ code: s.result_code, sha256: s.sha256 })),
      keyId: signatures[0]?.key_id,
    };
    return { resultSignedAt: x.now.toISOString() };
  },
  return_result: (x) => {
    const method = x.body.method ?? x.row.result_delivery;
    // Decree 45/2020 Art. 14(3): a result given online is an e-result, digitally signed. Paper results
    // handed over at the counter or posted carry their own signature and seal.
    if (method === 'online' && x.state.resultSignedAt === null)
      throw new AppError(
        'CONFLICT',
        {
          vi: 'Chưa thể trả kết quả trực tuyến: kết quả điện tử chưa được lãnh đạo ký số (Nghị định 45/2020, Điều 14 khoản 3).',
          en: 'The result cannot be returned online yet: the e-result has not been digitally signed by a leader (Decree 45/2020 Art. 14(3)).',
        },
        [
          {
            field: 'body.method',
            message: { vi: 'cần kết quả điện tử đã ký số', en: 'needs a digitally signed e-result' },
          },
        ],
      );
    return { returnedAt: x.now.toISOString(), returnMethod: method };
  },
  withdraw: (x) => ({ finishedAt: x.now.toISOString(), supplement: null, pausedAt: null }),
  stop: (x) => {
    if (!x.body.reason) throw required('reason', 'Phải ghi rõ lý do dừng xử lý.', 'A reason is required.');
    return { finishedAt: x.now.toISOString(), supplement: null, pausedAt: null };
  },
};

/** One action on one dossier: allowed by the table, by the actor's permission and scope, on the current version. */
export async function performAction(
  ctx: AppContext,
  actor: Actor,
  row: repo.DossierRow,
  action: ActionName,
  body: ActionBody,
  uploads: UploadedFile[],
): Promise<repo.DossierRow> {
  if (action === 'submit') throw invalidTransition(action, row.status);
  if (body.version !== row.version) throw staleVersion(row.version);
  const state = stateOf(row);
  const transition = findTransition(action, state);
  if (!transition) throw invalidTransition(action, row.status);
  const version = await getProcedureVersion(ctx, row.procedure_version_id);
  const steps = workflowSteps(version);
  const x: Context = {
    ctx,
    actor,
    row,
    state,
    version,
    steps,
    agencies: await resolveAllStepAgencies(ctx, steps, row.receiving_agency_id),
    calendar: await calendarOf(ctx, row.receiving_agency_id),
    now: ctx.clock.now(),
    body,
    uploads,
    writes: [],
    audit: {},
  };
  // For sign_result the handling agency is the receiving desk's (status 9), so this is "handles or received".
  if (!(await holdsAny(x, transition.permissions))) throw forbidden();
  await guardClosing(ctx, row, action, x.now); // a late dossier closes only with an approved apology (form 04)
  const effect = await HANDLERS[action](x);
  return commitAction(ctx, {
    row,
    actor,
    action,
    effect,
    note: body.reason ?? body.note,
    uploads,
    fileKind: action === 'mark_processed' ? 'result' : 'supplement',
    before: action === 'accept' ? (trx) => allocateCode(trx, row.receiving_agency_id, x.now) : undefined,
    audit: x.audit,
    after: async (trx, next) => {
      for (const write of x.writes) await write(trx);
      await notifyApplicant(ctx, trx, row, action, next, version.name, body.reason);
      await storeTimeliness(trx, row.id, next); // DOMAIN §4: the verdict when processing ends
    },
  });
}

/** `{receiving agency identifier}-{yyMMdd}-{NNNN}` (Decree 61/2018 Art. 26; Circular 01/2018 Art. 19). */
async function allocateCode(
  trx: Parameters<typeof repo.nextCodeNumber>[0],
  agencyId: string,
  at: Date,
): Promise<Effect> {
  const local = new Date(at.getTime() + 7 * 3_600_000).toISOString();
  const day = local.slice(0, 10);
  const n = await repo.nextCodeNumber(trx, agencyId, day);
  if (n > 9999) throw conflict('Đã hết số hồ sơ trong ngày.', 'The daily dossier numbers are exhausted.');
  return { code: `${agencyId}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(n).padStart(4, '0')}` };
}
