import type { Agency } from '../../../shared/schemas/units.ts';
import type { ProcedureVersion, WorkflowStep } from '../../../shared/schemas/procedure.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { limitInWorkingDays } from '../../../shared/catalogue/workflow-budget.ts';
import { getAgency, listAgencies } from '../units/service.ts';

/**
 * Where each workflow step runs. A step names a fixed agency, or a tier relative to the receiving
 * agency (liên thông: a commune receives, the district appraises, a city department decides, and the
 * result comes back down), optionally a division of that tier's People's Committee.
 */

const COMMITTEE_KINDS = new Set(['commune-peoples-committee', 'district-peoples-committee', 'city-peoples-committee']);

/** The version's workflow; a version without one is handled in a single step at the receiving agency. */
export function workflowSteps(version: Pick<ProcedureVersion, 'workflow' | 'timeLimit'>): WorkflowStep[] {
  if (version.workflow.length > 0) return version.workflow;
  return [
    {
      name: { vi: 'Giải quyết hồ sơ', en: 'Handle the dossier' },
      agencyId: null,
      tier: 'receiving',
      division: null,
      role: 'specialist',
      budgetDays: limitInWorkingDays(version.timeLimit),
    },
  ];
}

/** A one-stop desk stands for its People's Committee or department when routing. */
async function ownerOf(ctx: AppContext, agency: Agency): Promise<Agency> {
  if (agency.kind === 'one-stop-desk' && agency.parentId) return getAgency(ctx, agency.parentId);
  return agency;
}

async function committeeAt(ctx: AppContext, from: Agency, tier: 'commune' | 'district' | 'city'): Promise<Agency> {
  let current: Agency | undefined = from;
  while (current) {
    if (current.level === tier && COMMITTEE_KINDS.has(current.kind)) return current;
    current = current.parentId ? await getAgency(ctx, current.parentId) : undefined;
  }
  throw new AppError('CONFLICT', {
    vi: `Không xác định được cơ quan cấp ${tier} cho hồ sơ tiếp nhận tại ${from.name}.`,
    en: `No ${tier}-level agency found above ${from.name} for this workflow step.`,
  });
}

export async function resolveStepAgency(
  ctx: AppContext,
  step: WorkflowStep,
  receivingAgencyId: string,
): Promise<string> {
  if (step.agencyId) return step.agencyId;
  const receiving = await ownerOf(ctx, await getAgency(ctx, receivingAgencyId));
  const base =
    step.tier === 'receiving' || step.tier === null ? receiving : await committeeAt(ctx, receiving, step.tier);
  if (!step.division) return base.id;
  const children = await listAgencies(ctx, { parent: base.id, limit: 1000, offset: 0 });
  const division = children.items.find((a) => a.key.endsWith(`.${step.division}`));
  if (!division)
    throw new AppError('CONFLICT', {
      vi: `${base.name} không có phòng "${step.division}" mà quy trình yêu cầu.`,
      en: `${base.name} has no division "${step.division}" that the workflow needs.`,
    });
  return division.id;
}

export async function resolveAllStepAgencies(
  ctx: AppContext,
  steps: readonly WorkflowStep[],
  receivingAgencyId: string,
): Promise<string[]> {
  const out: string[] = [];
  for (const step of steps) out.push(await resolveStepAgency(ctx, step, receivingAgencyId));
  return out;
}
