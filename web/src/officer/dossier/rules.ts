import type { Account } from '../../session.tsx';
import { hasRole } from '../util.ts';
import type { DossierDetail, WorkflowStepView } from './types.ts';

/**
 * Which of the actions the state machine allows (detail.allowedActions, from workflow.ts) this officer
 * is offered: the transition's permissions by role, and the step's own rules (actions.ts) — who holds
 * the step, whether it is an approval step, whether there is a step to go back to. The API decides
 * again; the screen only never offers what would be refused.
 */
export function offeredActions(d: DossierDetail, account: Account, holdsStepAgency: boolean): string[] {
  const me = account.id;
  const receptionist = hasRole(account, 'receptionist');
  const processor = hasRole(account, 'specialist', 'division_head');
  const leader = hasRole(account, 'leader');
  const head = hasRole(account, 'division_head', 'leader');
  // A step is worked only by officers of the agency holding it (actions.ts `holds`, handling agency).
  const atStep = d.stepIndex !== null && holdsStepAgency;
  const pastSteps = d.stepIndex === null;
  const mine = d.stepAssigneeId === me;
  const free = d.stepAssigneeId === null;
  const stepRole = atStep ? d.stepRole : null;
  const isApprovalStep = stepRole === 'leader';
  // actions.ts stepPermission: a receptionist step is the desk's, a leader step the leader's, others processors'.
  const canTakeStep = stepRole === 'leader' ? leader : stepRole === 'receptionist' ? receptionist : processor || head;
  const rules: Record<string, boolean> = {
    accept: receptionist,
    refuse: d.acceptedAt === null ? receptionist : leader && isApprovalStep,
    request_supplement: d.acceptedAt === null ? receptionist : receptionist || (processor && holdsStepAgency),
    submit_supplement: receptionist,
    assign: atStep && canTakeStep && (free || (head && !mine)),
    complete_step: atStep && !isApprovalStep && mine,
    send_back: atStep && (d.stepIndex ?? 0) > 0 && (mine || (free && canTakeStep) || head),
    transfer: atStep && !isApprovalStep && processor && (mine || head) && transferTargets(d).length > 0,
    approve: isApprovalStep && leader && (free || mine),
    request_payment: false, // the payments issue drives status 6
    payment_received: false,
    mark_processed: pastSteps && (receptionist || processor),
    // actions.ts: dossier.approve where the dossier is (back at its receiving desk); once, with a result file.
    sign_result: leader && holdsStepAgency && d.resultSignedAt === null && d.files.some((f) => f.kind === 'result'),
    return_result: receptionist,
    withdraw: receptionist,
    stop: leader && (pastSteps || holdsStepAgency),
  };
  return d.allowedActions.filter((a) => rules[a] === true);
}

/**
 * Where a transfer may send the dossier: the agencies of the workflow's other steps, as the API resolved
 * them for this dossier (fixed and tier-relative steps alike), except the one holding it now. An agency
 * holding several steps is offered once, under the first of them: the step `transfer` moves to (actions.ts).
 */
export function transferTargets(d: DossierDetail): Array<{ id: string; step: WorkflowStepView }> {
  const targets = new Map<string, WorkflowStepView>();
  for (const step of d.workflow) {
    if (!step.agency || step.index === d.stepIndex || step.agency.id === d.handlingAgencyId) continue;
    if (!targets.has(step.agency.id)) targets.set(step.agency.id, step);
  }
  return [...targets].map(([id, step]) => ({ id, step }));
}
