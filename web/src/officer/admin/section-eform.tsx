import { EFORM_FIELD_TYPES, type EformField, type EformFieldType } from '../../../../shared/schemas/eform.ts';
import { TextInput } from '../../components/form.tsx';
import { useOfficerI18n } from '../i18n.ts';
import { Checkbox, SelectInput, TextArea } from '../fields.tsx';
import type { Editor } from './version-form.tsx';

type FieldDraft = Partial<EformField> & { name: string; type: EformFieldType; label: { vi: string; en: string } };

/** Changing a field's type keeps what all types share and starts the type's own settings afresh. */
function retype(f: FieldDraft, type: EformFieldType, componentKeys: string[]): FieldDraft {
  const base: FieldDraft = { name: f.name, label: f.label, required: f.required ?? false, type };
  if (type === 'select') return { ...base, options: [{ value: '1', label: { vi: '', en: '' } }] } as FieldDraft;
  if (type === 'upload') return { ...base, component: componentKeys[0] ?? '' } as FieldDraft;
  if (type === 'table')
    return { ...base, columns: [{ name: 'col1', type: 'text', label: { vi: 'Cột 1', en: 'Column 1' } }] } as FieldDraft;
  return base;
}

const optionsText = (f: FieldDraft) =>
  'options' in f && f.options ? f.options.map((o) => `${o.value} | ${o.label.vi} | ${o.label.en}`).join('\n') : '';

function parseOptions(text: string) {
  return text
    .split('\n')
    .map((line) => line.split('|').map((s) => s.trim()))
    .filter((parts) => parts.some(Boolean))
    .map(([value = '', vi = '', en = '']) => ({ value, label: { vi, en } }));
}

/** The e-form builder: the fields a citizen fills in, in order, with the checks the API will apply. */
export function EformSection({ editor }: { editor: Editor }) {
  const { t } = useOfficerI18n();
  const { draft, set, error, readOnly } = editor;
  const fields = (draft.eform?.fields ?? []) as FieldDraft[];
  const componentKeys = (draft.components ?? []).map((c) => c.key).filter(Boolean);
  const move = (i: number, by: number) => {
    const next = [...fields];
    const [item] = next.splice(i, 1);
    if (item) next.splice(i + by, 0, item);
    set('eform.fields', next);
  };
  const newField = (): FieldDraft => ({
    name: `field${fields.length + 1}`,
    type: 'text',
    label: { vi: '', en: '' },
    required: false,
  });
  return (
    <section aria-labelledby="sec-eform">
      <h2 id="sec-eform">{t('officer.eform.title')}</h2>
      {draft.eform == null ? (
        <>
          <p className="hint">{t('officer.eform.none')}</p>
          {!readOnly && (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => set('eform', { fields: [newField()] })}
            >
              {t('officer.eform.start')}
            </button>
          )}
        </>
      ) : (
        <>
          {error('eform.fields') && <p className="error-message">{error('eform.fields')}</p>}
          <ol className="builder-list">
            {fields.map((f, i) => {
              const at = `eform.fields.${i}`;
              return (
                <li key={i} className="builder-item">
                  <div className="row-grid">
                    <TextInput
                      name={`${at}.name`}
                      label={t('officer.eform.name')}
                      value={f.name}
                      error={error(`${at}.name`)}
                      onChange={(e) => set(`${at}.name`, e.target.value)}
                    />
                    <SelectInput
                      name={`${at}.type`}
                      label={t('officer.eform.type')}
                      value={f.type}
                      error={error(`${at}.type`)}
                      options={EFORM_FIELD_TYPES.map((type) => ({
                        value: type,
                        label: t(`officer.eform.type.${type}`),
                      }))}
                      onChange={(e) => set(at, retype(f, e.target.value as EformFieldType, componentKeys))}
                    />
                    <TextInput
                      name={`${at}.label.vi`}
                      label={t('officer.eform.labelVi')}
                      value={f.label.vi}
                      error={error(`${at}.label.vi`)}
                      onChange={(e) => set(`${at}.label.vi`, e.target.value)}
                    />
                    <TextInput
                      name={`${at}.label.en`}
                      label={t('officer.eform.labelEn')}
                      value={f.label.en}
                      error={error(`${at}.label.en`)}
                      onChange={(e) => set(`${at}.label.en`, e.target.value)}
                    />
                  </div>
                  <Checkbox
                    name={`${at}.required`}
                    label={t('officer.eform.required')}
                    checked={f.required ?? false}
                    onChange={(on) => set(`${at}.required`, on)}
                  />
                  {f.type === 'select' && (
                    <TextArea
                      key={`${i}-${f.type}`}
                      name={`${at}.options`}
                      label={t('officer.eform.options')}
                      hint={t('officer.eform.optionsHint')}
                      rows={3}
                      defaultValue={optionsText(f)}
                      error={
                        error(`${at}.options`) ??
                        Object.keys(f.options ?? [])
                          .map(
                            (j) =>
                              error(`${at}.options.${j}.value`) ??
                              error(`${at}.options.${j}.label.vi`) ??
                              error(`${at}.options.${j}.label.en`),
                          )
                          .find(Boolean)
                      }
                      onBlur={(e) => set(`${at}.options`, parseOptions(e.target.value))}
                    />
                  )}
                  {f.type === 'upload' && (
                    <SelectInput
                      name={`${at}.component`}
                      label={t('officer.eform.component')}
                      value={'component' in f ? (f.component ?? '') : ''}
                      error={error(`${at}.component`)}
                      options={[{ value: '', label: '—' }, ...componentKeys.map((k) => ({ value: k, label: k }))]}
                      onChange={(e) => set(`${at}.component`, e.target.value)}
                    />
                  )}
                  {f.type === 'table' && <p className="hint">{t('officer.eform.tableInExcel')}</p>}
                  {!readOnly && (
                    <p className="item-tools">
                      <button type="button" className="link-inline" disabled={i === 0} onClick={() => move(i, -1)}>
                        {t('officer.builder.up')} <span className="visually-hidden">{f.name}</span>
                      </button>
                      <button
                        type="button"
                        className="link-inline"
                        disabled={i === fields.length - 1}
                        onClick={() => move(i, 1)}
                      >
                        {t('officer.builder.down')} <span className="visually-hidden">{f.name}</span>
                      </button>
                      <button
                        type="button"
                        className="link-inline"
                        onClick={() =>
                          fields.length === 1
                            ? set('eform', null)
                            : set(
                                'eform.fields',
                                fields.filter((_, j) => j !== i),
                              )
                        }
                      >
                        {t('officer.builder.remove')} <span className="visually-hidden">{f.name}</span>
                      </button>
                    </p>
                  )}
                </li>
              );
            })}
          </ol>
          {!readOnly && (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => set('eform.fields', [...fields, newField()])}
            >
              {t('officer.eform.add')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
