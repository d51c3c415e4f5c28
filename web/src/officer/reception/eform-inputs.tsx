import type { EformField } from '../../../../shared/schemas/eform.ts';
import { TextInput } from '../../components/form.tsx';
import { useOfficerI18n } from '../i18n.ts';
import { SelectInput, TextArea } from '../fields.tsx';

type Data = Record<string, unknown>;

/**
 * The e-form filled at the counter from what the applicant says or brings. Values take the shapes the
 * shared validator expects (numbers, booleans, { unitCode, street }); uploads come from the checklist.
 */
export function EformInputs(props: {
  fields: readonly EformField[];
  data: Data;
  onChange: (name: string, value: unknown) => void;
  error: (name: string) => string | undefined;
}) {
  const { t, lang } = useOfficerI18n();
  const { data, onChange, error } = props;
  return (
    <>
      {props.fields.map((f) => {
        const name = `eform.${f.name}`;
        const label = `${f.label[lang]}${f.required ? '' : ` (${t('officer.r.optional')})`}`;
        const help = f.help?.[lang];
        const value = data[f.name];
        const text = (v: string) => onChange(f.name, v === '' ? undefined : v);
        switch (f.type) {
          case 'text':
            return f.multiline ? (
              <TextArea
                key={f.name}
                name={name}
                label={label}
                {...(help ? { hint: help } : {})}
                rows={3}
                value={(value as string) ?? ''}
                error={error(name)}
                onChange={(e) => text(e.target.value)}
              />
            ) : (
              <TextInput
                key={f.name}
                name={name}
                label={label}
                {...(help ? { hint: help } : {})}
                value={(value as string) ?? ''}
                error={error(name)}
                onChange={(e) => text(e.target.value)}
              />
            );
          case 'cccd':
          case 'phone':
          case 'email':
            return (
              <TextInput
                key={f.name}
                name={name}
                label={label}
                {...(help ? { hint: help } : {})}
                inputMode={f.type === 'email' ? 'email' : 'numeric'}
                value={(value as string) ?? ''}
                error={error(name)}
                onChange={(e) => text(e.target.value.trim())}
              />
            );
          case 'number':
            return (
              <TextInput
                key={f.name}
                name={name}
                label={label}
                inputMode="decimal"
                value={typeof value === 'number' ? String(value) : ''}
                error={error(name)}
                onChange={(e) => onChange(f.name, e.target.value === '' ? undefined : Number(e.target.value))}
              />
            );
          case 'date':
            return (
              <TextInput
                key={f.name}
                name={name}
                label={label}
                type="date"
                value={(value as string) ?? ''}
                error={error(name)}
                onChange={(e) => text(e.target.value)}
              />
            );
          case 'select':
            return (
              <SelectInput
                key={f.name}
                name={name}
                label={label}
                value={(value as string) ?? ''}
                error={error(name)}
                options={[
                  { value: '', label: '—' },
                  ...f.options.map((o) => ({ value: o.value, label: o.label[lang] })),
                ]}
                onChange={(e) =>
                  onChange(f.name, e.target.value === '' ? undefined : f.multiple ? [e.target.value] : e.target.value)
                }
              />
            );
          case 'yesno':
            return (
              <SelectInput
                key={f.name}
                name={name}
                label={label}
                value={value === undefined ? '' : value ? 'yes' : 'no'}
                error={error(name)}
                options={[
                  { value: '', label: '—' },
                  { value: 'yes', label: t('officer.d.yes') },
                  { value: 'no', label: t('officer.d.no') },
                ]}
                onChange={(e) => onChange(f.name, e.target.value === '' ? undefined : e.target.value === 'yes')}
              />
            );
          case 'address': {
            const a = (value ?? {}) as { unitCode?: string; street?: string };
            const set = (next: { unitCode?: string; street?: string }) =>
              onChange(
                f.name,
                next.unitCode || next.street
                  ? { unitCode: next.unitCode ?? '', ...(next.street ? { street: next.street } : {}) }
                  : undefined,
              );
            return (
              <fieldset key={f.name} className="group">
                <legend>{label}</legend>
                {error(name) && <p className="error-message">{error(name)}</p>}
                <div className="row-grid">
                  <TextInput
                    name={`${name}.unitCode`}
                    label={t('officer.r.communeCode')}
                    inputMode="numeric"
                    value={a.unitCode ?? ''}
                    error={error(`${name}.unitCode`)}
                    onChange={(e) => set({ ...a, unitCode: e.target.value.trim() })}
                  />
                  <TextInput
                    name={`${name}.street`}
                    label={t('officer.r.street')}
                    value={a.street ?? ''}
                    error={error(`${name}.street`)}
                    onChange={(e) => set({ ...a, street: e.target.value })}
                  />
                </div>
              </fieldset>
            );
          }
          case 'upload':
            return null; // filled from the component checklist
          case 'table':
            return (
              <p key={f.name} className="hint">
                {label}: {t('officer.r.tableLater')}
              </p>
            );
          default: {
            const exhaustive: never = f;
            return exhaustive;
          }
        }
      })}
    </>
  );
}
