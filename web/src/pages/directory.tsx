import { useState } from 'react';
import { useApi } from '../api.ts';
import { LoadError } from '../components/layout.tsx';
import { useI18n } from '../i18n/i18n.tsx';

interface Unit {
  code: string;
  fullName: string;
}
interface Agency {
  id: string;
  name: string;
  kind: string;
  idStatus: 'real' | 'synthetic';
}
interface List<T> {
  total: number;
  items: T[];
}

/** A directory of districts, their agencies and communes: real reference data through the public API. */
export function DirectoryPage() {
  const { t } = useI18n();
  const [district, setDistrict] = useState('');
  const [filter, setFilter] = useState('');
  const districts = useApi<List<Unit>>('/api/units?level=district');
  const agencies = useApi<List<Agency>>(district ? `/api/agencies?unit=${district}` : null);
  const communes = useApi<List<Unit>>(district ? `/api/units?parent=${district}` : null);

  return (
    <div className="wrap">
      <h1>{t('directory.title')}</h1>
      <p className="lead">{t('directory.lead')}</p>
      {districts.result.state === 'error' && <LoadError onRetry={districts.reload} />}
      <div className="field">
        <label htmlFor="district">{t('directory.district')}</label>
        <select id="district" value={district} onChange={(e) => setDistrict(e.target.value)}>
          <option value="">{t('directory.choose')}</option>
          {districts.result.state === 'ready' &&
            districts.result.data.items.map((u) => (
              <option key={u.code} value={u.code}>
                {u.fullName}
              </option>
            ))}
        </select>
      </div>
      {district && (
        <div className="two-columns">
          <section aria-labelledby="agencies-title">
            <h2 id="agencies-title">{t('directory.agencies')}</h2>
            {agencies.result.state === 'loading' && <p aria-live="polite">{t('common.loading')}</p>}
            {agencies.result.state === 'error' && <LoadError onRetry={agencies.reload} />}
            {agencies.result.state === 'ready' && (
              <ul className="plain-list">
                {agencies.result.data.items.map((a) => (
                  <li key={a.id}>
                    <span>{a.name}</span>
                    <br />
                    <small>
                      {t('directory.code')}: <code>{a.id}</code>
                      {a.idStatus === 'synthetic' && <> ({t('directory.synthetic')})</>}
                    </small>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="communes-title">
            <h2 id="communes-title">{t('directory.communes')}</h2>
            <div className="field">
              <label htmlFor="commune-filter">{t('directory.search')}</label>
              <input id="commune-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
            </div>
            {communes.result.state === 'error' && <LoadError onRetry={communes.reload} />}
            {communes.result.state === 'ready' && (
              <ul className="plain-list">
                {communes.result.data.items
                  .filter((u) => fold(u.fullName).includes(fold(filter)))
                  .map((u) => (
                    <li key={u.code}>
                      {u.fullName} <small>({u.code})</small>
                    </li>
                  ))}
              </ul>
            )}
          </section>
        </div>
      )}
    </div>
  );
}

/** Client-side twin of the server's vn_fold(): lower case, no diacritics, đ → d. */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();
}
