import type { InputHTMLAttributes, ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/** A labelled input with its hint and its error beside it (the error names what to fix). */
export function TextInput(
  props: { name: string; label: string; hint?: string; error?: string | undefined } & Omit<
    InputHTMLAttributes<HTMLInputElement>,
    'name'
  >,
) {
  const { name, label, hint, error, ...input } = props;
  const id = `f-${name}`;
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="error-message">
          {error}
        </p>
      )}
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={described} {...input} />
    </div>
  );
}

/** GOV.UK-style summary at the top of a form: focused on failure, each error links to its field. */
export function ErrorSummary({ message, errors }: { message: string | undefined; errors: Record<string, string> }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message, errors]);
  if (!message) return null;
  const entries = Object.entries(errors);
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t('form.errorTitle')}</h2>
      <p>{message}</p>
      {entries.length > 0 && (
        <ul>
          {entries.map(([name, text]) => (
            <li key={name}>
              <a href={`#f-${name}`}>{text}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function SubmitButton({ busy, children }: { busy: boolean; children: ReactNode }) {
  return (
    <button type="submit" className="button" disabled={busy} aria-busy={busy}>
      {children}
    </button>
  );
}

/** The text of a form field (files and missing fields read as ''). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/** A wide table that scrolls sideways on a phone; focusable so keyboard users can scroll it (WCAG 2.1.1). */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
