import type { Tier, TimeLimit, WorkflowStep } from '../../../shared/schemas/procedure.ts';
import { limitInWorkingDays } from '../../../shared/catalogue/workflow-budget.ts';

const quarter = (x: number) => Math.max(0.25, Math.floor(x * 4) / 4);
const step = (
  vi: string,
  en: string,
  role: WorkflowStep['role'],
  budgetDays: number,
  at: Partial<WorkflowStep>,
): WorkflowStep => ({
  name: { vi, en },
  agencyId: null,
  tier: null,
  division: null,
  role,
  budgetDays,
  ...at,
});

/**
 * A plausible internal workflow sharing out the statutory limit (Decree 61/2018 Art. 16–19): the desk
 * receives, a specialist reviews, (at district and city) the division head checks, the leader signs.
 * Calendar-day limits are budgeted at 5/7 of their length, the working days they usually hold.
 */
export function defaultWorkflow(
  tier: Tier,
  limit: TimeLimit,
  agencyId: string | null,
  division: string | null,
): WorkflowStep[] {
  const total = limitInWorkingDays(limit) * (limit.unit === 'calendarDays' ? 5 / 7 : 1);
  const here: Partial<WorkflowStep> = agencyId ? { agencyId } : { tier: 'receiving' };
  const office: Partial<WorkflowStep> = agencyId
    ? { agencyId }
    : tier === 'district'
      ? { tier: 'district', division }
      : { tier: 'receiving' };
  if (total < 1) return [step('Xử lý', 'Process', 'specialist', Math.floor(total * 1000) / 1000, here)];
  const receive = total <= 1 ? 0.25 : 0.5;
  const leader = quarter(total * 0.2);
  const head = tier === 'commune' ? 0 : quarter(total * 0.15);
  const specialist = quarter(total - receive - leader - head);
  return [
    step('Tiếp nhận, kiểm tra hồ sơ', 'Receive and check the file', 'receptionist', receive, here),
    step('Thẩm định hồ sơ', 'Review the file', 'specialist', specialist, office),
    ...(head > 0 ? [step('Kiểm tra, trình ký', 'Check and submit for signature', 'division_head', head, office)] : []),
    step(
      'Phê duyệt, ký kết quả',
      'Approve and sign',
      'leader',
      leader,
      tier === 'district' && !agencyId ? { tier: 'district' } : here,
    ),
  ];
}

/**
 * Construction permit at a district with the city's planning department consulted (liên thông district
 * → city → district; Decree 59/2015 Art. 102(3) lets the licensing body ask the bodies concerned).
 */
export function constructionPermitWorkflow(planningDept: string): WorkflowStep[] {
  return [
    step('Tiếp nhận, kiểm tra hồ sơ', 'Receive and check the file', 'receptionist', 0.5, { tier: 'receiving' }),
    step('Thẩm định, kiểm tra thực địa', 'Review and site inspection', 'specialist', 5, {
      tier: 'district',
      division: 'quan-ly-do-thi',
    }),
    step(
      'Lấy ý kiến Sở Quy hoạch - Kiến trúc',
      'Opinion of the Department of Planning and Architecture',
      'specialist',
      3,
      { agencyId: planningDept },
    ),
    step('Kiểm tra, trình ký', 'Check and submit for signature', 'division_head', 1, {
      tier: 'district',
      division: 'quan-ly-do-thi',
    }),
    step('Phê duyệt, ký giấy phép', 'Approve and sign the permit', 'leader', 1, { tier: 'district' }),
  ];
}
