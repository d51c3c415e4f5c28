import type { ProcedureVersion } from '../../../shared/schemas/procedure.ts';
import { useI18n } from '../i18n/i18n.tsx';

export type ChosenFiles = Record<string, File[]>;

/** What to attach: every component of the procedure, required ones marked, several files each. */
export function DocumentsStep(props: {
  procedure: ProcedureVersion;
  files: ChosenFiles;
  errors: Record<string, string>;
  onChange: (files: ChosenFiles) => void;
}) {
  const { t } = useI18n();
  return (
    <div>
      <p className="hint">{t('apply.documents.hint')}</p>
      {props.procedure.components.map((c) => {
        const id = `f-files.component.${c.key}`;
        const error = props.errors[`files.component.${c.key}`];
        const chosen = props.files[c.key] ?? [];
        return (
          <div key={c.key} className={`field${error ? ' field-error' : ''}`}>
            <label htmlFor={id}>
              {c.name}
              {!c.required && ` (${t('procedure.optional')})`}
            </label>
            {error && (
              <p id={`${id}-error`} className="error-message">
                {error}
              </p>
            )}
            <input
              id={id}
              type="file"
              multiple
              accept="application/pdf,image/jpeg,image/png"
              aria-describedby={error ? `${id}-error` : undefined}
              aria-invalid={error ? true : undefined}
              onChange={(e) => props.onChange({ ...props.files, [c.key]: [...(e.target.files ?? [])] })}
            />
            {chosen.length > 0 && (
              <ul className="file-list">
                {chosen.map((f) => (
                  <li key={f.name}>
                    {f.name} ({Math.ceil(f.size / 1024).toLocaleString('vi-VN')} KB)
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </div>
  );
}
