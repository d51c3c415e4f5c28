import { checkEformDefinition } from '../eform/check-definition.ts';
import type { LocalText } from '../schemas/eform.ts';
import type { ProcedureVersionData } from '../schemas/procedure.ts';
import { exceedsLimit, limitInWorkingDays, totalBudget } from './workflow-budget.ts';

/** One problem in a version, at a path inside it (`workflow.2.budgetDays`, `eform.fields.3.name`). */
export interface VersionProblem {
  path: string;
  message: LocalText;
  [extra: string]: unknown;
}

/**
 * Every rule a version must satisfy beyond its zod shape, except those needing the database (agencies
 * exist: see `agencyProblems`). Pure, so the Excel import and the API report the same problems.
 */
export function versionProblems(v: ProcedureVersionData): VersionProblem[] {
  const problems: VersionProblem[] = [];
  if (v.validTo !== null && v.validTo <= v.validFrom) {
    problems.push({
      path: 'validTo',
      message: {
        vi: `Ngày hết hiệu lực (${v.validTo}) phải sau ngày có hiệu lực (${v.validFrom}).`,
        en: `The end date (${v.validTo}) must be after the start date (${v.validFrom}).`,
      },
    });
  }
  if (new Set(v.tiers).size !== v.tiers.length) {
    problems.push({ path: 'tiers', message: { vi: 'Cấp thực hiện bị trùng.', en: 'A tier is listed twice.' } });
  }
  if (v.tiers.includes('city') && v.tiers.length === 1 && v.agencyId === null) {
    problems.push({
      path: 'agencyId',
      message: {
        vi: 'Thủ tục cấp thành phố phải ghi cơ quan thực hiện (sở, ngành).',
        en: 'A city-tier procedure must name its agency (a department).',
      },
    });
  }
  duplicates(v.channels.map((c) => c.channel)).forEach((i) =>
    problems.push({
      path: `channels.${i}.channel`,
      message: { vi: 'Kênh nộp bị trùng.', en: 'This channel is listed twice.' },
    }),
  );
  duplicates(v.components.map((c) => c.key)).forEach((i) =>
    problems.push({
      path: `components.${i}.key`,
      message: {
        vi: `Mã thành phần "${v.components[i]?.key}" bị trùng.`,
        en: `The component key "${v.components[i]?.key}" is used twice.`,
      },
    }),
  );
  if (exceedsLimit(v.timeLimit, v.workflow)) {
    const total = totalBudget(v.workflow);
    const limit = limitInWorkingDays(v.timeLimit);
    problems.push({
      path: 'workflow',
      message: {
        vi: `Tổng thời gian các bước (${total} ngày làm việc) vượt thời hạn giải quyết (${limit} ngày làm việc; ${v.timeLimit.value} ${unitVi(v.timeLimit.unit)}).`,
        en: `The step budgets total ${total} working days, over the statutory limit of ${limit} working days (${v.timeLimit.value} ${v.timeLimit.unit}).`,
      },
      total,
      limit,
    });
  }
  v.workflow.forEach((step, i) => {
    if (
      step.division !== null &&
      step.tier !== 'district' &&
      !(step.tier === 'receiving' && v.tiers.includes('district'))
    ) {
      problems.push({
        path: `workflow.${i}.division`,
        message: {
          vi: 'Chỉ bước ở cấp huyện mới ghi phòng chuyên môn.',
          en: 'Only a district-tier step names a division.',
        },
      });
    }
  });
  if (v.eform) {
    for (const p of checkEformDefinition(
      v.eform,
      v.components.map((c) => c.key),
    )) {
      problems.push({ path: `eform.${p.path}`, message: p.message });
    }
  }
  return problems;
}

/** Agency ids a version names (its own and its workflow steps'), with the path of each mention. */
export function agencyMentions(v: ProcedureVersionData): Array<{ path: string; id: string }> {
  const out: Array<{ path: string; id: string }> = [];
  if (v.agencyId) out.push({ path: 'agencyId', id: v.agencyId });
  v.workflow.forEach((s, i) => {
    if (s.agencyId) out.push({ path: `workflow.${i}.agencyId`, id: s.agencyId });
  });
  return out;
}

export function unknownAgencyProblem(path: string, id: string): VersionProblem {
  return {
    path,
    message: { vi: `Không có cơ quan mã "${id}".`, en: `There is no agency "${id}".` },
  };
}

/** Whether two validity periods [from, to) share a day (to null = open-ended). */
export function overlaps(
  a: { validFrom: string; validTo: string | null },
  b: { validFrom: string; validTo: string | null },
): boolean {
  return (a.validTo === null || b.validFrom < a.validTo) && (b.validTo === null || a.validFrom < b.validTo);
}

function duplicates(values: readonly string[]): number[] {
  return values.flatMap((v, i) => (values.indexOf(v) !== i ? [i] : []));
}

function unitVi(unit: ProcedureVersionData['timeLimit']['unit']): string {
  return unit === 'workingDays' ? 'ngày làm việc' : unit === 'workingHours' ? 'giờ làm việc' : 'ngày';
}
