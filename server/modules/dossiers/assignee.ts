import type { WorkflowStep } from '../../../shared/schemas/procedure.ts';
import type { AppContext } from '../../context.ts';
import { findActiveOfficer, isInScope, resolveAccess } from '../identity/service.ts';
import { invalid } from './validation.ts';

const STEP_ROLE = {
  receptionist: { vi: 'cán bộ tiếp nhận (một cửa)', en: 'receptionist' },
  specialist: { vi: 'chuyên viên xử lý', en: 'specialist' },
  division_head: { vi: 'trưởng phòng', en: 'division head' },
  leader: { vi: 'lãnh đạo phê duyệt', en: 'leader' },
} as const satisfies Record<WorkflowStep['role'], { vi: string; en: string }>;

/**
 * A head hands a step to one of the officers who work it (Decree 61/2018 Art. 19): an active officer
 * holding the role the workflow names for the step, assigned for the agency that holds the step (or a
 * unit or agency above it). Only that role counts, not another one that happens to carry the same
 * permission. The same answer for an unknown id, a citizen or an officer elsewhere: the reply tells
 * nobody which accounts exist.
 */
export async function checkAssignee(
  ctx: AppContext,
  assigneeId: string,
  step: { role: WorkflowStep['role']; permission: string },
  agencyId: string,
): Promise<void> {
  const officer = await findActiveOfficer(ctx, assigneeId);
  const inStepRole = officer && { ...officer, roles: officer.roles.filter((r) => r.role === step.role) };
  const access = inStepRole && (await resolveAccess(ctx, inStepRole, step.permission));
  if (access && isInScope(access, { agencyId })) return;
  const role = STEP_ROLE[step.role];
  throw invalid([
    {
      field: 'body.assigneeId',
      message: {
        vi: `Người được giao phải là cán bộ đang hoạt động, giữ vai trò ${role.vi} tại cơ quan đang giữ bước này.`,
        en: `The assignee must be an active officer holding the ${role.en} role at the agency that holds this step.`,
      },
    },
  ]);
}
