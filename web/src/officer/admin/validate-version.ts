import {
  ProcedureVersionInput,
  type ProcedureVersion,
  type ProcedureVersionInput as VersionInput,
} from '../../../../shared/schemas/procedure.ts';
// The same pure rules the API and the Excel import apply (no I/O), so the builder shows them as one types.
import { versionProblems } from '../../../../shared/catalogue/version-rules.ts';
import type { Language } from '../../i18n/i18n.tsx';
import { localText } from '../util.ts';

export type Draft = VersionInput;

/** Every problem of a draft keyed by its path (`workflow.2.budgetDays`), in the reader's language. */
export function versionErrors(draft: Draft, lang: Language, generic: string): Record<string, string> {
  const out: Record<string, string> = {};
  const parsed = ProcedureVersionInput.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      out[path] ??= issue.message.includes(' | ') ? localText(issue.message, lang) : generic;
    }
    return out;
  }
  for (const p of versionProblems(parsed.data)) out[p.path] ??= p.message[lang];
  return out;
}

/** The editable part of a stored version (what PUT and POST take). */
export function toDraft(v: ProcedureVersion): Draft {
  const { id: _id, status: _status, hasFee: _hasFee, publishedAt: _publishedAt, ...rest } = v;
  return rest;
}

export function emptyDraft(today: string): Draft {
  return {
    code: '',
    validFrom: today,
    validTo: null,
    name: '',
    sector: '',
    tiers: ['commune'],
    agencyId: null,
    applicantTypes: ['citizen'],
    steps: '',
    timeLimit: { value: 1, unit: 'workingDays' },
    channels: [],
    components: [],
    resultType: '',
    legalBasis: '',
    onlineLevel: 2,
    cutoff15: false,
    supplementMode: 'RESTART',
    eform: null,
    workflow: [],
  };
}

/** A copy of `value` with `path` (dot-separated, numeric parts index arrays) set to `next`. */
export function setPath<T>(value: T, path: string, next: unknown): T {
  const keys = path.split('.');
  const copy = structuredClone(value) as unknown as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  keys.slice(0, -1).forEach((k) => {
    node = node[k] as Record<string, unknown>;
  });
  node[keys[keys.length - 1]!] = next;
  return copy as T;
}

/** Today in Hanoi as YYYY-MM-DD (the catalogue's validity dates are Vietnamese calendar days). */
export function todayInHanoi(offsetDays = 0): string {
  return new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}
