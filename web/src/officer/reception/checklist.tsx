import type { Component } from '../../../../shared/schemas/procedure.ts';
import { useOfficerI18n } from '../i18n.ts';

export interface Received {
  /** The paper was shown or handed over (originals checked, copies kept). */
  paper: boolean;
  /** Scans or files, sent as `component.<key>` and marked digitised (Circular 01/2023). */
  files: File[];
}

/** The components of the procedure, each ticked as received and optionally scanned (Decree 61 Art. 17). */
export function Checklist(props: {
  components: readonly Component[];
  received: Record<string, Received>;
  onChange: (next: Record<string, Received>) => void;
  error: string | undefined;
}) {
  const { t } = useOfficerI18n();
  const set = (key: string, change: Partial<Received>) => {
    const current = props.received[key] ?? { paper: false, files: [] };
    props.onChange({ ...props.received, [key]: { ...current, ...change } });
  };
  if (props.components.length === 0) return <p className="hint">{t('officer.proc.noComponents')}</p>;
  return (
    <div className={props.error ? 'field-error' : undefined} id="f-components">
      {props.error && <p className="error-message">{props.error}</p>}
      <ol className="builder-list checklist">
        {props.components.map((c) => {
          const r = props.received[c.key] ?? { paper: false, files: [] };
          const id = `f-component-${c.key}`;
          return (
            <li key={c.key} className="builder-item">
              <div className="check">
                <input
                  type="checkbox"
                  id={`${id}-paper`}
                  checked={r.paper}
                  onChange={(e) => set(c.key, { paper: e.target.checked })}
                />
                <label htmlFor={`${id}-paper`}>
                  {c.name} {c.required ? '' : `(${t('officer.r.optional')})`}
                </label>
              </div>
              <p className="hint">
                {t('officer.proc.originals')}: {c.originals} · {t('officer.proc.certifiedCopies')}: {c.certifiedCopies}{' '}
                · {t('officer.proc.photocopies')}: {c.photocopies}
              </p>
              <label htmlFor={`${id}-files`} className="small-label">
                {t('officer.r.scan')} <span className="visually-hidden">{c.name}</span>
              </label>
              <input
                id={`${id}-files`}
                type="file"
                multiple
                accept=".pdf,image/*"
                onChange={(e) => set(c.key, { files: [...(e.target.files ?? [])], paper: true })}
              />
            </li>
          );
        })}
      </ol>
    </div>
  );
}
