import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../api.ts';
import { apiSend, fieldErrors } from '../../api-send.ts';
import { ErrorSummary, TextInput } from '../../components/form.tsx';
import { LoadError } from '../../components/layout.tsx';
import { useOfficerI18n } from '../i18n.ts';
import { roleLabel } from '../../pages/account.tsx';
import type { Account } from '../../session.tsx';
import { SelectInput } from '../fields.tsx';
import { Done, OfficerShell } from '../shell.tsx';
import { errorText, hasRole } from '../util.ts';

interface OfficerList {
  items: Officer[];
}
const ROLES = ['receptionist', 'specialist', 'division_head', 'leader', 'unit_admin', 'inspector'] as const;
// server/modules/identity/officer-admin.ts CITY_ONLY_ROLES: only a city administrator gives or takes them.
const CITY_ONLY_ROLES: readonly string[] = ['city_admin', 'inspector'];
type Officer = Account & { isDisabled: boolean };

/** Officers holding a role in one's units, and (for unit and city administrators) creating one. */
export function AdminOfficersPage() {
  const { t } = useOfficerI18n();
  const { result, reload: load } = useApi<OfficerList>('/api/officers');
  const [done, setDone] = useState<string | undefined>();
  const reload = (message?: string) => {
    setDone(message);
    load();
  };
  return (
    <OfficerShell title={t('officer.admin.officers')}>
      {(account) => {
        const manage = hasRole(account, 'unit_admin', 'city_admin');
        return (
          <>
            {done && <Done>{done}</Done>}
            {manage && <CreateOfficer account={account} onCreated={reload} />}
            <h2>{t('officer.staff.list')}</h2>
            {result.state === 'loading' && <p>{t('common.loading')}</p>}
            {result.state === 'error' && <LoadError onRetry={load} />}
            {result.state === 'ready' && (
              <div className="table-scroll">
                <table className="dense">
                  <caption className="visually-hidden">{t('officer.staff.list')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('officer.staff.name')}</th>
                      <th scope="col">{t('officer.staff.contact')}</th>
                      <th scope="col">{t('officer.staff.roles')}</th>
                      {manage && <th scope="col">{t('officer.staff.manage')}</th>}
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
                            {o.roles.map((r) => (
                              <RoleItem
                                key={r.id}
                                officer={o}
                                role={r}
                                // The API refuses the last role (disable instead) and city-wide roles to others.
                                canRemove={
                                  manage &&
                                  o.roles.length > 1 &&
                                  (!CITY_ONLY_ROLES.includes(r.role) || hasRole(account, 'city_admin'))
                                }
                                onRemoved={reload}
                              />
                            ))}
                          </ul>
                        </td>
                        {manage && (
                          <td>
                            <OfficerTools officer={o} isSelf={o.id === account.id} onChanged={reload} />
                          </td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        );
      }}
    </OfficerShell>
  );
}

function CreateOfficer({ account, onCreated }: { account: Account; onCreated: (message?: string) => void }) {
  const { t, lang } = useOfficerI18n();
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

/** One role assignment of an officer, with its removal behind a confirmation (the API audits it). */
function RoleItem(props: {
  officer: Officer;
  role: Account['roles'][number];
  canRemove: boolean;
  onRemoved: (message: string) => void;
}) {
  const { t, lang } = useOfficerI18n();
  const { officer, role } = props;
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const question = useRef<HTMLParagraphElement>(null);
  // The confirmation takes the focus, so a keyboard or screen-reader user hears what they are confirming.
  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);
  const label = `${roleLabel(t, role.role)} — ${role.agency?.name ?? role.unit?.name ?? t('officer.wholeCity')}`;
  async function remove() {
    setBusy(true);
    try {
      await apiSend('DELETE', `/api/officers/${officer.id}/roles/${role.id}`, lang);
      props.onRemoved(`${t('officer.staff.roleRemoved')} ${officer.fullName}: ${label}.`);
    } catch (e) {
      setError(errorText(e, t('common.error')));
      setAsking(false);
    } finally {
      setBusy(false);
    }
  }
  return (
    <li>
      {label}
      {props.canRemove && !asking && (
        <>
          {' '}
          <button type="button" className="link-inline" onClick={() => setAsking(true)}>
            {t('officer.staff.removeRole')}
            <span className="visually-hidden">
              {' '}
              {label}, {officer.fullName}
            </span>
          </button>
        </>
      )}
      {asking && (
        <div className="inline-confirm">
          <p ref={question} tabIndex={-1}>
            {t('officer.staff.removeAsk')}
          </p>
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => void remove()}>
            {t('officer.staff.removeYes')}
            <span className="visually-hidden">
              {' '}
              {label}, {officer.fullName}
            </span>
          </button>{' '}
          <button type="button" className="button button-secondary" onClick={() => setAsking(false)}>
            {t('officer.act.cancel')}
          </button>
        </div>
      )}
      {error && (
        <p className="error-message" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

/** Disable or re-enable an account (disabling ends its sessions), and give it one more role. */
function OfficerTools({
  officer,
  isSelf,
  onChanged,
}: {
  officer: Officer;
  isSelf: boolean;
  onChanged: (message: string) => void;
}) {
  const { t, lang } = useOfficerI18n();
  const [adding, setAdding] = useState(false);
  const [role, setRole] = useState<string>('specialist');
  const [unitCode, setUnitCode] = useState(officer.roles.find((r) => r.unit)?.unit?.code ?? '');
  const [error, setError] = useState<string | undefined>();
  const at = `officer-${officer.id}`;
  async function toggle() {
    try {
      await apiSend('PATCH', `/api/officers/${officer.id}`, lang, { disabled: !officer.isDisabled });
      onChanged(
        `${t(officer.isDisabled ? 'officer.staff.enabledNow' : 'officer.staff.disabledNow')} ${officer.fullName}.`,
      );
    } catch (e) {
      setError(errorText(e, t('common.error')));
    }
  }
  async function addRole(e: React.FormEvent) {
    e.preventDefault();
    try {
      await apiSend('POST', `/api/officers/${officer.id}/roles`, lang, { role, unitCode });
      setAdding(false);
      onChanged(`${t('officer.staff.roleAdded')} ${officer.fullName}: ${roleLabel(t, role)}.`);
    } catch (err) {
      setError(fieldErrors(err)['unitCode'] ?? errorText(err, t('common.error')));
    }
  }
  return (
    <div>
      {error && (
        <p className="error-message" role="alert">
          {error}
        </p>
      )}
      {!isSelf && (
        <button type="button" className="link-inline" onClick={() => void toggle()}>
          {t(officer.isDisabled ? 'officer.staff.enable' : 'officer.staff.disable')}
          <span className="visually-hidden"> {officer.fullName}</span>
        </button>
      )}
      <button type="button" className="link-inline" aria-expanded={adding} onClick={() => setAdding(!adding)}>
        {t('officer.staff.addRole')}
        <span className="visually-hidden"> {officer.fullName}</span>
      </button>
      {adding && (
        <form onSubmit={(e) => void addRole(e)} className="inline-form">
          <SelectInput
            name={`${at}-role`}
            label={t('officer.staff.role')}
            compact
            value={role}
            options={ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))}
            onChange={(e) => setRole(e.target.value)}
          />
          <TextInput
            name={`${at}-unit`}
            label={t('officer.staff.unitCode')}
            inputMode="numeric"
            value={unitCode}
            onChange={(e) => setUnitCode(e.target.value.trim())}
          />
          <button type="submit" className="button button-secondary">
            {t('officer.staff.give')}
          </button>
        </form>
      )}
    </div>
  );
}
