import { useState } from 'react';
import { useApi } from '../../api.ts';
import { apiSend, fieldErrors } from '../../api-send.ts';
import { ErrorSummary, TextInput } from '../../components/form.tsx';
import { LoadError } from '../../components/layout.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { roleLabel } from '../../pages/account.tsx';
import type { Account } from '../../session.tsx';
import { SelectInput } from '../fields.tsx';
import { Done, OfficerShell } from '../shell.tsx';
import { errorText, hasRole } from '../util.ts';

interface OfficerList {
  items: Array<Account & { isDisabled: boolean }>;
}
const ROLES = ['receptionist', 'specialist', 'division_head', 'leader', 'unit_admin', 'inspector'] as const;

/** Officers holding a role in one's units, and (for unit and city administrators) creating one. */
export function AdminOfficersPage() {
  const { t } = useI18n();
  const { result, reload } = useApi<OfficerList>('/api/officers');
  return (
    <OfficerShell title={t('officer.admin.officers')}>
      {(account) => (
        <>
          {hasRole(account, 'unit_admin', 'city_admin') && <CreateOfficer account={account} onCreated={reload} />}
          <h2>{t('officer.staff.list')}</h2>
          {result.state === 'loading' && <p>{t('common.loading')}</p>}
          {result.state === 'error' && <LoadError onRetry={reload} />}
          {result.state === 'ready' && (
            <div className="table-scroll">
              <table className="dense">
                <caption className="visually-hidden">{t('officer.staff.list')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('officer.staff.name')}</th>
                    <th scope="col">{t('officer.staff.contact')}</th>
                    <th scope="col">{t('officer.staff.roles')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.data.items.map((o) => (
                    <tr key={o.id}>
                      <td>
                        {o.fullName}
                        {o.isDisabled && <> ({t('officer.staff.disabled')})</>}
                      </td>
                      <td>{[o.phone, o.email].filter(Boolean).join(' · ')}</td>
                      <td>
                        <ul className="plain-list tight">
                          {o.roles.map((r, i) => (
                            <li key={i}>
                              {roleLabel(t, r.role)} — {r.agency?.name ?? r.unit?.name}
                            </li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </OfficerShell>
  );
}

function CreateOfficer({ account, onCreated }: { account: Account; onCreated: () => void }) {
  const { t, lang } = useI18n();
  const units = [...new Map(account.roles.flatMap((r) => (r.unit ? [[r.unit.code, r.unit] as const] : []))).values()];
  const [form, setForm] = useState({
    fullName: '',
    phone: '',
    email: '',
    password: '',
    role: 'receptionist',
    unitCode: units[0]?.code ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const change = (name: keyof typeof form) => (e: { target: { value: string } }) => {
    setForm((f) => ({ ...f, [name]: e.target.value }));
    setErrors((list) => Object.fromEntries(Object.entries(list).filter(([k]) => !k.startsWith(name))));
  };

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setDone(undefined);
    try {
      const created = await apiSend<Account>('POST', '/api/officers', lang, {
        fullName: form.fullName,
        ...(form.phone.trim() ? { phone: form.phone } : {}),
        ...(form.email.trim() ? { email: form.email } : {}),
        password: form.password,
        roles: [{ role: form.role, unitCode: form.unitCode }],
      });
      setErrors({});
      setSummary(undefined);
      setDone(
        `${t('officer.staff.created')} ${created.fullName} — ${roleLabel(t, form.role)}. ${t('officer.staff.tell')}`,
      );
      setForm((f) => ({ ...f, fullName: '', phone: '', email: '', password: '' }));
      onCreated();
    } catch (error) {
      const fields = fieldErrors(error);
      // roles.0.unitCode → unitCode, roles.0.role → role: the one assignment this form makes.
      const mapped = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.replace(/^roles\.0\./, ''), v]));
      setErrors(mapped);
      setSummary(errorText(error, t('common.error')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="new-officer">
      <h2 id="new-officer">{t('officer.staff.new')}</h2>
      <ErrorSummary message={summary} errors={errors} />
      {done && <Done>{done}</Done>}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="row-grid">
          <TextInput
            name="fullName"
            label={t('register.fullName')}
            value={form.fullName}
            error={errors['fullName']}
            onChange={change('fullName')}
            autoComplete="off"
          />
          <TextInput
            name="phone"
            label={t('register.phone')}
            value={form.phone}
            error={errors['phone']}
            onChange={change('phone')}
            inputMode="tel"
            autoComplete="off"
          />
          <TextInput
            name="email"
            label={t('register.email')}
            value={form.email}
            error={errors['email']}
            onChange={change('email')}
            type="email"
            autoComplete="off"
          />
          <TextInput
            name="password"
            label={t('officer.staff.password')}
            hint={t('officer.staff.passwordHint')}
            value={form.password}
            error={errors['password']}
            onChange={change('password')}
            type="password"
            autoComplete="new-password"
          />
          <SelectInput
            name="role"
            label={t('officer.staff.role')}
            value={form.role}
            error={errors['role']}
            options={ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))}
            onChange={change('role')}
          />
          <TextInput
            name="unitCode"
            label={t('officer.staff.unitCode')}
            hint={`${t('officer.staff.unitHint')} ${units.map((u) => `${u.code} ${u.name}`).join(', ')}`}
            value={form.unitCode}
            error={errors['unitCode']}
            onChange={change('unitCode')}
            inputMode="numeric"
          />
        </div>
        <button type="submit" className="button" disabled={busy} aria-busy={busy}>
          {t('officer.staff.create')}
        </button>
      </form>
    </section>
  );
}
