import { Link } from 'wouter';
import { useApi } from '../../api.ts';
import { useOfficerI18n } from '../i18n.ts';
import { roleLabel } from '../../pages/account.tsx';
import type { Account } from '../../session.tsx';

interface UnitList {
  total: number;
  items: Array<{ code: string; fullName: string }>;
}

/** Who the officer is here: their assignments, and the units under them (the scope of every list). */
export function Assignments({ account }: { account: Account }) {
  const { t } = useOfficerI18n();
  const units = [...new Map(account.roles.flatMap((r) => (r.unit ? [[r.unit.code, r.unit] as const] : []))).values()];
  return (
    <div className="assignments">
      <p>
        {t('officer.hello')} <strong>{account.fullName}</strong>
      </p>
      <h2 className="visually-hidden">{t('officer.assignments')}</h2>
      <ul className="plain-list tight" aria-label={t('officer.assignments')}>
        {account.roles.map((r, i) => (
          <li key={i}>
            <strong>{roleLabel(t, r.role)}</strong> — {r.agency?.name ?? r.unit?.name ?? t('officer.wholeCity')}
          </li>
        ))}
      </ul>
      {units.map((u) => (
        <SubUnits key={u.code} code={u.code} name={u.name} />
      ))}
    </div>
  );
}

function SubUnits({ code, name }: { code: string; name: string }) {
  const { t } = useOfficerI18n();
  const { result } = useApi<UnitList>(`/api/units?parent=${code}`);
  if (result.state !== 'ready' || result.data.total === 0) return null;
  return (
    <details>
      <summary>
        {t('officer.unitsOf')} {name} ({result.data.total})
      </summary>
      <ul className="columns">
        {result.data.items.map((u) => (
          <li key={u.code}>{u.fullName}</li>
        ))}
      </ul>
    </details>
  );
}

export function AdminLinks() {
  const { t } = useOfficerI18n();
  return (
    <p>
      <Link href="/can-bo/quan-tri" className="button">
        {t('officer.admin.title')}
      </Link>
    </p>
  );
}
