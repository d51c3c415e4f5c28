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

type AgencyLookup = (id: string) => Promise<Agency>;

/** One request's agency look-ups, each agency read once (a workflow's steps walk the same tree). */
function agencyLookup(ctx: AppContext, known: readonly Agency[] = []): AgencyLookup {
  const seen = new Map<string, Promise<Agency>>(known.map((a) => [a.id, Promise.resolve(a)]));
  return (id) => {
    let agency = seen.get(id);
    if (!agency) seen.set(id, (agency = getAgency(ctx, id)));
    return agency;
  };
}

/** A one-stop desk stands for its People's Committee or department when routing. */
async function ownerOf(lookup: AgencyLookup, agency: Agency): Promise<Agency> {
  if (agency.kind === 'one-stop-desk' && agency.parentId) return lookup(agency.parentId);
  return agency;
}

async function committeeAt(lookup: AgencyLookup, from: Agency, tier: 'commune' | 'district' | 'city'): Promise<Agency> {
  let current: Agency | undefined = from;
  while (current) {
    if (current.level === tier && COMMITTEE_KINDS.has(current.kind)) return current;
    current = current.parentId ? await lookup(current.parentId) : undefined;
  }
  throw new AppError('CONFLICT', {
    vi: `Không xác định được cơ quan cấp ${tier} cho hồ sơ tiếp nhận tại ${from.name}.`,
    en: `No ${tier}-level agency found above ${from.name} for this workflow step.`,
  });
}

/** The agency a tier-relative step resolves to from the receiving agency (liên thông). */
async function tierAgency(
  ctx: AppContext,
  lookup: AgencyLookup,
  step: WorkflowStep,
  receivingAgencyId: string,
): Promise<Agency> {
  const receiving = await ownerOf(lookup, await lookup(receivingAgencyId));
  const base =
    step.tier === 'receiving' || step.tier === null ? receiving : await committeeAt(lookup, receiving, step.tier);
  if (!step.division) return base;
  const children = await listAgencies(ctx, { parent: base.id, limit: 1000, offset: 0 });
  const division = children.items.find((a) => a.key.endsWith(`.${step.division}`));
  if (!division)
    throw new AppError('CONFLICT', {
      vi: `${base.name} không có phòng "${step.division}" mà quy trình yêu cầu.`,
      en: `${base.name} has no division "${step.division}" that the workflow needs.`,
    });
  return division;
}

export async function resolveAllStepAgencies(
  ctx: AppContext,
  steps: readonly WorkflowStep[],
  receivingAgencyId: string,
): Promise<string[]> {
  const lookup = agencyLookup(ctx);
  const out: string[] = [];
  for (const step of steps) out.push(step.agencyId ?? (await tierAgency(ctx, lookup, step, receivingAgencyId)).id);
  return out;
}

/** A step of a dossier's workflow as the dossier view shows it: where it runs, resolved for this dossier. */
export interface WorkflowStepView {
  index: number;
  name: { vi: string; en: string };
  role: WorkflowStep['role'];
  budgetDays: number;
  /** The agency the step resolves to from the receiving agency; null when the agency tree has none (the
   * API then refuses to move the dossier there, with the reason). */
  agency: { id: string; name: string } | null;
}

/**
 * The workflow of a dossier with each step's agency resolved (tier-relative steps included), so the
 * officer's screen shows who holds each step and offers transfers to exactly the agencies the API accepts.
 */
export async function describeWorkflow(
  ctx: AppContext,
  version: Pick<ProcedureVersion, 'workflow' | 'timeLimit'>,
  receiving: string | Agency,
): Promise<WorkflowStepView[]> {
  const lookup = agencyLookup(ctx, typeof receiving === 'string' ? [] : [receiving]);
  const receivingAgencyId = typeof receiving === 'string' ? receiving : receiving.id;
  const out: WorkflowStepView[] = [];
  for (const [index, step] of workflowSteps(version).entries()) {
    // A fixed agency is the step's whatever its record says (the catalogue checked it exists when published).
    const found = step.agencyId
      ? lookup(step.agencyId).catch((error: unknown) => {
          if (error instanceof AppError && error.code === 'NOT_FOUND')
            return { id: step.agencyId!, name: step.agencyId! };
          throw error;
        })
      : tierAgency(ctx, lookup, step, receivingAgencyId);
    const agency = await found.then(
      (a) => ({ id: a.id, name: a.name }),
      (error: unknown) => {
        if (error instanceof AppError && error.code === 'CONFLICT') return null;
        throw error;
      },
    );
    out.push({ index, name: step.name, role: step.role, budgetDays: step.budgetDays, agency });
  }
  return out;
}
