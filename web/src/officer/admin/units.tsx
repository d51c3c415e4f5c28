import { useState } from 'react';
import type { Agency, AgencyList, UnitList } from '../../../../shared/schemas/units.ts';
import { useApi } from '../../api.ts';
import { LoadError } from '../../components/layout.tsx';
import { useOfficerI18n } from '../i18n.ts';
import { Done, OfficerShell } from '../shell.tsx';
import { hasRole } from '../util.ts';
import { AgencyEditor } from './agency-editor.tsx';

/**
 * Browse the unit tree (city → district → commune) and each unit's agencies, starting from one's own; an
 * administrator (units.agencies.manage) edits an agency's names and contact details in place.
 */
export function AdminUnitsPage() {
  const { t } = useOfficerI18n();
  return (
    <OfficerShell title={t('officer.admin.units')}>
      {(account) => {
        const own = [
          ...new Map(account.roles.flatMap((r) => (r.unit ? [[r.unit.code, r.unit] as const] : []))).values(),
        ];
        return (
          <Browser
            start={own[0] ?? { code: '01', name: 'Thành phố Hà Nội' }}
            canEdit={hasRole(account, 'unit_admin', 'city_admin')}
          />
        );
      }}
    </OfficerShell>
  );
}

function Browser({ start, canEdit }: { start: { code: string; name: string }; canEdit: boolean }) {
  const { t } = useOfficerI18n();
  const [editing, setEditing] = useState<string | undefined>();
  const [saved, setSaved] = useState<string | undefined>();
  const [trail, setTrail] = useState<Array<{ code: string; name: string }>>([start]);
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
          {saved && <Done>{saved}</Done>}
          {agencies.result.state === 'ready' && (
            <ul className="plain-list">
              {agencies.result.data.items.map((a) =>
                editing === a.id ? (
                  <li key={a.id}>
                    <h3>{a.name}</h3>
                    <AgencyEditor
                      agency={a}
                      onCancel={() => setEditing(undefined)}
                      onSaved={(after) => {
                        setEditing(undefined);
                        setSaved(`${after.name}: ${t('officer.agency.saved')}`);
                        agencies.reload();
                      }}
                    />
                  </li>
                ) : (
                  <li key={a.id}>
                    <AgencyCard agency={a} />
                    {canEdit && (
                      <div>
                        <button
                          type="button"
                          className="link-inline"
                          aria-label={`${t('officer.agency.edit')}: ${a.name}`}
                          onClick={() => {
                            setSaved(undefined);
                            setEditing(a.id);
                          }}
                        >
                          {t('officer.agency.edit')}
                        </button>
                      </div>
                    )}
                  </li>
                ),
              )}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}

/** An agency with the contact details citizens see. */
function AgencyCard({ agency }: { agency: Agency }) {
  const { t } = useOfficerI18n();
  const details = (['address', 'phone', 'email', 'openingHours'] as const).filter((k) => agency[k]);
  return (
    <>
      {agency.name}
      <br />
      <code>{agency.id}</code>
      {details.length > 0 ? (
        <dl className="agency-details">
          {details.map((k) => (
            <div key={k}>
              <dt>{t(`officer.agency.${k}`)}</dt>
              <dd>{agency[k]}</dd>
            </div>
          ))}
        </dl>
      ) : (
        canShowNone(agency) && <p className="hint">{t('officer.agency.noDetails')}</p>
      )}
    </>
  );
}

/** Citizens go to one-stop desks: a desk without an address is worth pointing out. */
const canShowNone = (agency: Agency) => agency.kind === 'one-stop-desk';
