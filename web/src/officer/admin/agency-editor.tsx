import { useState } from 'react';
import { AgencyUpdate, type Agency, type AgencyUpdateInput } from '../../../../shared/schemas/units.ts';
import { ApiError, apiGet } from '../../api.ts';
import { apiSend, fieldErrors } from '../../api-send.ts';
import { ErrorSummary, TextInput } from '../../components/form.tsx';
import { useOfficerI18n } from '../i18n.ts';
import { errorText, localText } from '../util.ts';

const FIELDS = ['name', 'shortName', 'address', 'phone', 'email', 'openingHours'] as const;
type Field = (typeof FIELDS)[number];
type Form = Record<Field, string>;

const formOf = (a: Agency): Form => ({
  name: a.name,
  shortName: a.shortName,
  address: a.address ?? '',
  phone: a.phone ?? '',
  email: a.email ?? '',
  openingHours: a.openingHours ?? '',
});

/**
 * An agency's names and contact details, edited on the version read (PATCH /api/agencies/{id}). Checked as
 * one types with the API's own schema (shared/schemas/units.ts), so the words beside a field are the ones
 * the server would answer; a stale version reloads the agency and says so.
 */
export function AgencyEditor(props: { agency: Agency; onSaved: (agency: Agency) => void; onCancel: () => void }) {
  const { t, lang } = useOfficerI18n();
  const [agency, setAgency] = useState(props.agency);
  const [form, setForm] = useState<Form>(() => formOf(props.agency));
  const [touched, setTouched] = useState<ReadonlySet<Field>>(new Set());
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const body: AgencyUpdateInput = { version: agency.version, ...form };
  const checked = AgencyUpdate.safeParse(body);
  const typed: Record<string, string> = {};
  if (!checked.success)
    for (const issue of checked.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (touched.has(field as Field)) typed[field] ??= localText(issue.message, lang);
    }
  const errors = { ...serverErrors, ...typed };

  const change = (field: Field) => (e: { target: { value: string } }) => {
    setForm((f) => ({ ...f, [field]: e.target.value }));
    setTouched((s) => new Set(s).add(field));
    setServerErrors(({ [field]: _dropped, ...rest }) => rest);
  };

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setTouched(new Set(FIELDS));
    if (!checked.success) {
      setSummary(t('common.error'));
      return;
    }
    setBusy(true);
    try {
      // Only what changed is sent: an unchanged field never overwrites someone else's edit of it.
      const before = formOf(agency);
      const changed = Object.fromEntries(FIELDS.filter((f) => form[f] !== before[f]).map((f) => [f, form[f]]));
      if (Object.keys(changed).length === 0) {
        props.onCancel();
        return;
      }
      const saved = await apiSend<Agency>('PATCH', `/api/agencies/${encodeURIComponent(agency.id)}`, lang, {
        version: agency.version,
        ...changed,
      });
      props.onSaved(saved);
    } catch (error) {
      const latest =
        error instanceof ApiError && error.status === 409
          ? await apiGet<Agency>(`/api/agencies/${encodeURIComponent(agency.id)}`, lang).catch(() => undefined)
          : undefined;
      if (latest) {
        setAgency(latest);
        setForm(formOf(latest));
        setTouched(new Set());
        setServerErrors({});
        setSummary(t('officer.agency.stale'));
      } else {
        setServerErrors(fieldErrors(error));
        setSummary(errorText(error, t('common.error')));
      }
    } finally {
      setBusy(false);
    }
  }

  const input = (field: Field, extra: Partial<Parameters<typeof TextInput>[0]> = {}) => (
    <TextInput
      name={field}
      label={t(`officer.agency.${field}`)}
      value={form[field]}
      error={errors[field]}
      onChange={change(field)}
      autoComplete="off"
      {...extra}
    />
  );

  return (
    <form className="panel" onSubmit={(e) => void save(e)} noValidate aria-label={t('officer.agency.editing')}>
      <ErrorSummary message={summary} errors={errors} />
      <div className="row-grid">
        {input('name')}
        {input('shortName')}
        {input('address', { hint: t('officer.agency.blankHint') })}
        {input('phone', { inputMode: 'tel' })}
        {input('email', { type: 'email' })}
        {input('openingHours', { hint: t('officer.agency.openingHoursHint') })}
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={busy} aria-busy={busy}>
          {t('officer.agency.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={props.onCancel}>
          {t('officer.agency.cancel')}
        </button>
      </div>
    </form>
  );
}
