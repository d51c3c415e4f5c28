import { useApi } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session.tsx';
import { LoginNeeded, roleLabel } from './account.tsx';

interface UnitList {
  total: number;
  items: Array<{ code: string; fullName: string }>;
}

/** The officer's start page: their assignments and the units they serve (the queues arrive with dossiers). */
export function OfficerHomePage() {
  const { t } = useI18n();
  const { account } = useSession();
  if (account === undefined)
    return (
      <div className="wrap">
        <p>{t('common.loading')}</p>
      </div>
    );
  if (account === null || account.kind !== 'officer') return <LoginNeeded />;
  const units = [...new Map(account.roles.flatMap((r) => (r.unit ? [[r.unit.code, r.unit] as const] : []))).values()];
  return (
    <div className="wrap">
      <h1>{t('officer.title')}</h1>
      <p className="lead">
        {t('officer.hello')} {account.fullName}
      </p>
      <h2>{t('officer.assignments')}</h2>
      <ul className="plain-list" aria-label={t('officer.assignments')}>
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
  const { t } = useI18n();
  const { result } = useApi<UnitList>(`/api/units?parent=${code}`);
  if (result.state !== 'ready' || result.data.total === 0) return null;
  return (
    <section aria-labelledby={`units-${code}`}>
      <h2 id={`units-${code}`}>
        {t('officer.unitsOf')} {name}
      </h2>
      <ul className="columns">
        {result.data.items.map((u) => (
          <li key={u.code}>{u.fullName}</li>
        ))}
      </ul>
    </section>
  );
}
