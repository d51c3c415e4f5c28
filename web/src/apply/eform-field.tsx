import type { EformField, ScalarField } from '../../../shared/schemas/eform.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { AddressInput, type AddressValue } from './address-input.tsx';

type Values = Record<string, unknown>;

interface FieldProps {
  field: EformField;
  path: string;
  value: unknown;
  errors: Record<string, string>;
  onChange: (value: unknown) => void;
}

/** One e-form field, rendered from its declarative definition, with its hint and error beside it. */
export function EformFieldInput({ field, path, value, errors, onChange }: FieldProps) {
  const { lang } = useI18n();
  const id = `f-eform.${path}`;
  const error = errors[`eform.${path}`];
  const hintId = field.help ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const label = `${field.label[lang]}${field.required ? '' : ` (${lang === 'vi' ? 'không bắt buộc' : 'optional'})`}`;
  const wrap = (control: React.ReactNode, asGroup = false) => (
    <div className={`field${error ? ' field-error' : ''}`}>
      {asGroup ? (
        <span className="label" id={`${id}-label`}>
          {label}
        </span>
      ) : (
        <label htmlFor={id} id={`${id}-label`}>
          {label}
        </label>
      )}
      {field.help && (
        <p id={hintId} className="hint">
          {field.help[lang]}
        </p>
      )}
      {error && (
        <p id={errorId} className="error-message">
          {error}
        </p>
      )}
      {control}
    </div>
  );
  const common = { id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined };

  switch (field.type) {
    case 'text':
      return wrap(
        field.multiline ? (
          <textarea {...common} value={str(value)} rows={4} onChange={(e) => onChange(blank(e.target.value))} />
        ) : (
          <input {...common} value={str(value)} onChange={(e) => onChange(blank(e.target.value))} />
        ),
      );
    case 'cccd':
      return wrap(
        <input
          {...common}
          inputMode="numeric"
          maxLength={12}
          value={str(value)}
          onChange={(e) => onChange(blank(e.target.value))}
        />,
      );
    case 'phone':
      return wrap(
        <input
          {...common}
          type="tel"
          autoComplete="tel"
          value={str(value)}
          onChange={(e) => onChange(blank(e.target.value))}
        />,
      );
    case 'email':
      return wrap(
        <input
          {...common}
          type="email"
          autoComplete="email"
          value={str(value)}
          onChange={(e) => onChange(blank(e.target.value))}
        />,
      );
    case 'number':
      return wrap(
        <input
          {...common}
          inputMode="decimal"
          value={typeof value === 'number' ? String(value) : str(value)}
          onChange={(e) =>
            onChange(
              e.target.value === ''
                ? undefined
                : Number.isNaN(Number(e.target.value))
                  ? e.target.value
                  : Number(e.target.value),
            )
          }
        />,
      );
    case 'date':
      return wrap(
        <input {...common} type="date" value={str(value)} onChange={(e) => onChange(blank(e.target.value))} />,
      );
    case 'select':
      return wrap(
        <select {...common} value={str(value)} onChange={(e) => onChange(blank(e.target.value))}>
          <option value="">{lang === 'vi' ? '— Chọn —' : '— Choose —'}</option>
          {field.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label[lang]}
            </option>
          ))}
        </select>,
      );
    case 'yesno':
      return wrap(
        <div className="radios" role="radiogroup" aria-labelledby={`${id}-label`} aria-describedby={describedBy}>
          {[true, false].map((v) => (
            <label key={String(v)} className="radio">
              <input type="radio" name={id} checked={value === v} onChange={() => onChange(v)} />{' '}
              {v ? (lang === 'vi' ? 'Có' : 'Yes') : lang === 'vi' ? 'Không' : 'No'}
            </label>
          ))}
        </div>,
        true,
      );
    case 'address':
      return wrap(
        <AddressInput
          id={id}
          value={value as AddressValue | undefined}
          onChange={onChange}
          describedBy={describedBy}
          invalid={Boolean(error)}
        />,
        true,
      );
    case 'table':
      return wrap(<TableInput field={field} path={path} value={value} errors={errors} onChange={onChange} />, true);
    case 'upload':
      return null;
    default: {
      const exhaustive: never = field;
      return exhaustive;
    }
  }
}

function TableInput({
  field,
  path,
  value,
  errors,
  onChange,
}: FieldProps & { field: Extract<EformField, { type: 'table' }> }) {
  const { lang } = useI18n();
  const rows = Array.isArray(value) ? (value as Values[]) : [];
  const setRow = (i: number, row: Values) => onChange(rows.map((r, j) => (j === i ? row : r)));
  return (
    <div className="table-input">
      {rows.map((row, i) => (
        <fieldset key={i} className="table-row">
          <legend>
            {field.label[lang]} — {i + 1}
          </legend>
          {field.columns.map((col: ScalarField) => (
            <EformFieldInput
              key={col.name}
              field={col}
              path={`${path}.${i}.${col.name}`}
              value={row[col.name]}
              errors={errors}
              onChange={(v) => setRow(i, { ...row, [col.name]: v })}
            />
          ))}
          <button
            type="button"
            className="button button-secondary"
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            {lang === 'vi' ? 'Xóa dòng này' : 'Remove this row'}
          </button>
        </fieldset>
      ))}
      {(field.maxRows === undefined || rows.length < field.maxRows) && (
        <button type="button" className="button button-secondary" onClick={() => onChange([...rows, {}])}>
          {lang === 'vi' ? 'Thêm dòng' : 'Add a row'}
        </button>
      )}
    </div>
  );
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function blank(value: string): string | undefined {
  return value === '' ? undefined : value;
}
