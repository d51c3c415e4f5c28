import type { Component } from '../../../../shared/schemas/procedure.ts';
import { TextInput } from '../../components/form.tsx';
import { useOfficerI18n } from '../i18n.ts';
import { Checkbox } from '../fields.tsx';
import { numberValue, shownNumber } from './section-general.tsx';
import type { Editor } from './version-form.tsx';

type ComponentDraft = Omit<Component, 'group' | 'required' | 'templates'> & Partial<Component>;

/** The dossier's components (Decree 61/2018 Art. 19: originals / copies counted per document). */
export function ComponentsSection({ editor }: { editor: Editor }) {
  const { t } = useOfficerI18n();
  const { draft, set, error, readOnly } = editor;
  const list = (draft.components ?? []) as ComponentDraft[];
  const counts = ['originals', 'certifiedCopies', 'photocopies'] as const;
  return (
    <section aria-labelledby="sec-components">
      <h2 id="sec-components">{t('officer.proc.components')}</h2>
      {list.length === 0 && <p className="hint">{t('officer.proc.noComponents')}</p>}
      <ol className="builder-list">
        {list.map((c, i) => (
          <li key={i} className="builder-item">
            <div className="row-grid">
              <TextInput
                name={`components.${i}.key`}
                label={t('officer.proc.componentKey')}
                value={c.key}
                error={error(`components.${i}.key`)}
                onChange={(e) => set(`components.${i}.key`, e.target.value)}
              />
              <TextInput
                name={`components.${i}.name`}
                label={t('officer.proc.componentName')}
                value={c.name}
                error={error(`components.${i}.name`)}
                onChange={(e) => set(`components.${i}.name`, e.target.value)}
              />
              {counts.map((k) => (
                <TextInput
                  key={k}
                  name={`components.${i}.${k}`}
                  label={t(`officer.proc.${k}`)}
                  inputMode="numeric"
                  value={shownNumber(c[k])}
                  error={error(`components.${i}.${k}`)}
                  onChange={(e) => set(`components.${i}.${k}`, numberValue(e.target.value))}
                />
              ))}
            </div>
            <Checkbox
              name={`components.${i}.required`}
              label={t('officer.proc.componentRequired')}
              checked={c.required ?? true}
              onChange={(on) => set(`components.${i}.required`, on)}
            />
            {!readOnly && (
              <button
                type="button"
                className="link-inline"
                onClick={() =>
                  set(
                    'components',
                    list.filter((_, j) => j !== i),
                  )
                }
              >
                {t('officer.builder.remove')} <span className="visually-hidden">{c.name || c.key}</span>
              </button>
            )}
          </li>
        ))}
      </ol>
      {!readOnly && (
        <button
          type="button"
          className="button button-secondary"
          onClick={() =>
            set('components', [
              ...list,
              { key: '', name: '', originals: 1, certifiedCopies: 0, photocopies: 0, required: true },
            ])
          }
        >
          {t('officer.proc.addComponent')}
        </button>
      )}
    </section>
  );
}
