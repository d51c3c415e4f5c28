import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

/** Wraps a control with its label, hint and the error beside it (same markup as components/form.tsx). */
function Field(props: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: ReactNode;
  compact?: boolean | undefined;
}) {
  const { id, label, hint, error, children, compact } = props;
  return (
    <div className={`field${compact ? ' field-compact' : ''}${error ? ' field-error' : ''}`}>
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
      {children}
    </div>
  );
}

function described(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export function SelectInput(
  props: {
    name: string;
    label: string;
    hint?: string;
    error?: string | undefined;
    options: Array<{ value: string; label: string }>;
    compact?: boolean;
  } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name'>,
) {
  const { name, label, hint, error, options, compact, ...select } = props;
  const id = `f-${name}`;
  return (
    <Field id={id} label={label} hint={hint} error={error} compact={compact}>
      <select
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={described(id, hint, error)}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function TextArea(
  props: { name: string; label: string; hint?: string; error?: string | undefined } & Omit<
    TextareaHTMLAttributes<HTMLTextAreaElement>,
    'name'
  >,
) {
  const { name, label, hint, error, ...area } = props;
  const id = `f-${name}`;
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={described(id, hint, error)}
        {...area}
      />
    </Field>
  );
}

/** A checkbox with its label after it; an error shows above, beside the group. */
export function Checkbox(props: {
  name: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string | undefined;
}) {
  const id = `f-${props.name}`;
  return (
    <div className={`check${props.error ? ' field-error' : ''}`}>
      {props.error && (
        <p id={`${id}-error`} className="error-message">
          {props.error}
        </p>
      )}
      <input
        type="checkbox"
        id={id}
        name={props.name}
        checked={props.checked}
        aria-describedby={props.error ? `${id}-error` : undefined}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <label htmlFor={id}>{props.label}</label>
    </div>
  );
}
