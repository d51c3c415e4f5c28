import type { Condition, EformField } from '../../../shared/schemas/eform.ts';
import type { ProcedureVersionData } from '../../../shared/schemas/procedure.ts';
import type { SheetRow } from './excel-format.ts';

/** Rows of every sheet for one version (export), in sheet order; and the text forms of nested values. */
export interface VersionRows {
  procedures: SheetRow;
  channels: SheetRow[];
  fees: SheetRow[];
  components: SheetRow[];
  formFields: SheetRow[];
  workflow: SheetRow[];
}

export function versionToRows(v: ProcedureVersionData, status: 'draft' | 'published'): VersionRows {
  const id = { code: v.code, validFrom: v.validFrom };
  return {
    procedures: {
      ...id,
      validTo: v.validTo,
      status,
      name: v.name,
      sector: v.sector,
      tiers: v.tiers,
      agencyId: v.agencyId,
      applicantTypes: v.applicantTypes,
      timeLimitValue: v.timeLimit.value,
      timeLimitUnit: v.timeLimit.unit,
      onlineLevel: v.onlineLevel,
      cutoff15: v.cutoff15,
      supplementMode: v.supplementMode,
      resultType: v.resultType,
      legalBasis: v.legalBasis,
      steps: v.steps,
    },
    channels: v.channels.map((c) => ({
      ...id,
      channel: c.channel,
      timeValue: c.time?.value ?? null,
      timeUnit: c.time?.unit ?? null,
      timeNote: c.timeNote,
    })),
    fees: v.channels.flatMap((c) =>
      c.fees.map((f) => ({
        ...id,
        channel: c.channel,
        label: f.label,
        amountVnd: f.amountVnd,
        setByProvincialCouncil: f.setByProvincialCouncil,
        note: f.note,
      })),
    ),
    components: v.components.map((c) => ({
      ...id,
      key: c.key,
      name: c.name,
      group: c.group,
      originals: c.originals,
      certifiedCopies: c.certifiedCopies,
      photocopies: c.photocopies,
      required: c.required,
      templates: c.templates.map((t) => `${t.name} | ${t.url}`).join('\n') || null,
    })),
    formFields: (v.eform?.fields ?? []).flatMap((f) => [
      fieldToRow(id, f, null),
      ...(f.type === 'table' ? f.columns.map((c) => fieldToRow(id, c, f.name)) : []),
    ]),
    workflow: v.workflow.map((s) => ({
      ...id,
      nameVi: s.name.vi,
      nameEn: s.name.en,
      agencyId: s.agencyId,
      tier: s.tier,
      division: s.division,
      role: s.role,
      budgetDays: s.budgetDays,
    })),
  };
}

function fieldToRow(id: { code: string; validFrom: string }, f: EformField, parent: string | null) {
  const { name, type, label, required, visibleWhen, requiredWhen, ...rest } = f;
  const settings: Record<string, unknown> = { ...rest };
  delete settings['options'];
  delete settings['columns'];
  return {
    ...id,
    parent,
    name,
    type,
    labelVi: label.vi,
    labelEn: label.en,
    required,
    visibleWhen: visibleWhen ? formatCondition(visibleWhen) : null,
    requiredWhen: requiredWhen ? formatCondition(requiredWhen) : null,
    options: f.type === 'select' ? f.options.map((o) => `${o.value} | ${o.label.vi} | ${o.label.en}`).join('\n') : null,
    settings: Object.keys(settings).length > 0 ? JSON.stringify(settings) : null,
  };
}

/** `relation = other`, `relation != self`, `relation in a, b`, `spouseName filled`, `note empty`. */
export function formatCondition(c: Condition): string {
  const list = Array.isArray(c.value) ? c.value.join(', ') : (c.value ?? '');
  switch (c.op) {
    case 'eq':
      return `${c.field} = ${list}`;
    case 'ne':
      return `${c.field} != ${list}`;
    case 'in':
      return `${c.field} in ${list}`;
    case 'filled':
    case 'empty':
      return `${c.field} ${c.op}`;
    default: {
      const exhaustive: never = c.op;
      return exhaustive;
    }
  }
}

export function parseCondition(text: string): Condition | undefined {
  const t = text.trim();
  let m = /^(\w+)\s+(filled|empty)$/.exec(t);
  if (m) return { field: m[1]!, op: m[2] as 'filled' | 'empty' };
  m = /^(\w+)\s+in\s+(.+)$/.exec(t);
  if (m) return { field: m[1]!, op: 'in', value: m[2]!.split(',').map((s) => s.trim()) };
  m = /^(\w+)\s*(!=|=)\s*(.+)$/.exec(t);
  if (m) return { field: m[1]!, op: m[2] === '=' ? 'eq' : 'ne', value: m[3]!.trim() };
  return undefined;
}

export function parseOptions(text: string): Array<{ value: string; label: { vi: string; en: string } }> | undefined {
  const out = [];
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const parts = line.split('|').map((p) => p.trim());
    if (parts.length !== 3) return undefined;
    out.push({ value: parts[0]!, label: { vi: parts[1]!, en: parts[2]! } });
  }
  return out;
}

export function parseTemplates(text: string): Array<{ name: string; url: string }> | undefined {
  const out = [];
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const at = line.lastIndexOf('|');
    if (at < 0) return undefined;
    out.push({ name: line.slice(0, at).trim(), url: line.slice(at + 1).trim() });
  }
  return out;
}
