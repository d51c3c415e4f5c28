import type { EformDefinition, EformField } from '../../../shared/schemas/eform.ts';

/**
 * Splits the e-form into pages of one topic each, GOV.UK style: a table gets its own page, other fields
 * go in runs of at most FIELDS_PER_PAGE; upload fields are left to the documents page (they name
 * procedure components).
 */
const FIELDS_PER_PAGE = 5;

export function pageFields(definition: EformDefinition | null): EformField[][] {
  const pages: EformField[][] = [];
  let run: EformField[] = [];
  const flush = () => {
    if (run.length > 0) pages.push(run);
    run = [];
  };
  for (const field of definition?.fields ?? []) {
    if (field.type === 'upload') continue;
    if (field.type === 'table') {
      flush();
      pages.push([field]);
      continue;
    }
    run.push(field);
    if (run.length === FIELDS_PER_PAGE) flush();
  }
  flush();
  return pages;
}

export function uploadFields(definition: EformDefinition | null): Array<Extract<EformField, { type: 'upload' }>> {
  return (definition?.fields ?? []).filter((f): f is Extract<EformField, { type: 'upload' }> => f.type === 'upload');
}
