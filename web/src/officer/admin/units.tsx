import { useState } from 'react';
import type { AgencyList, UnitList } from '../../../../shared/schemas/units.ts';
import { useApi } from '../../api.ts';
import { LoadError } from '../../components/layout.tsx';
import { useOfficerI18n } from '../i18n.ts';
import { OfficerShell } from '../shell.tsx';

/** Browse the unit tree (city → district → commune) and each unit's agencies, starting from one's own. */
export function AdminUnitsPage() {
  const { t } = useOfficerI18n();
  return (
    <OfficerShell title={t('officer.admin.units')}>
      {(account) => {
        const own = [
          ...new Map(account.roles.flatMap((r) => (r.unit ? [[r.unit.code, r.unit] as const] : []))).values(),
        ];
        return <Browser start={own[0]?.code ?? '01'} />;
      }}
    </OfficerShell>
  );
}

function Browser({ start }: { start: string }) {
  const { t } = useOfficerI18n();
  const [trail, setTrail] = useState<Array<{ code: string; name: string }>>([{ code: start, name: start }]);
  const current = trail[trail.length - 1]!;
  const children = useApi<UnitList>(`/api/units?parent=${current.code}&limit=300`);
  const agencies = useApi<AgencyList>(`/api/agencies?unit=${current.code}&limit=300`);
  return (
    <>
      <nav aria-label={t('officer.units.trail')}>
        <ol className="trail">
          {trail.map((u, i) => (
            <li key={u.code}>
              {i < trail.length - 1 ? (
                <button type="button" className="link-inline" onClick={() => setTrail(trail.slice(0, i + 1))}>
                  {u.name}
                </button>
              ) : (
                <span aria-current="location">{u.name}</span>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <div className="two-columns">
        <section aria-labelledby="units-children">
          <h2 id="units-children">{t('officer.units.children')}</h2>
          {children.result.state === 'error' && <LoadError onRetry={children.reload} />}
          {children.result.state === 'ready' &&
            (children.result.data.items.length === 0 ? (
              <p className="hint">{t('officer.units.none')}</p>
            ) : (
              <ul className="plain-list">
                {children.result.data.items.map((u) => (
                  <li key={u.code}>
                    <button
                      type="button"
                      className="link-inline"
                      onClick={() => setTrail([...trail, { code: u.code, name: u.fullName }])}
                    >
                      {u.fullName}
                    </button>{' '}
                    <span className="hint">({u.code})</span>
                  </li>
                ))}
              </ul>
            ))}
        </section>
        <section aria-labelledby="units-agencies">
          <h2 id="units-agencies">{t('officer.units.agencies')}</h2>
          {agencies.result.state === 'error' && <LoadError onRetry={agencies.reload} />}
          {agencies.result.state === 'ready' && (
            <ul className="plain-list">
              {agencies.result.data.items.map((a) => (
                <li key={a.id}>
                  {a.name}
                  <br />
                  <code>{a.id}</code>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
