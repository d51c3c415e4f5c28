import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { useApi } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/vi.ts';

interface Total {
  total: number;
}

const OFFERS: Array<{ key: 'apply' | 'pay' | 'track' | 'result'; icon: string }> = [
  { key: 'apply', icon: '📝' },
  { key: 'pay', icon: '💳' },
  { key: 'track', icon: '🔎' },
  { key: 'result', icon: '📬' },
];

export function HomePage() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const [query, setQuery] = useState('');
  const districts = useApi<Total>('/api/units?level=district&limit=1').result;
  const communes = useApi<Total>('/api/units?level=commune&limit=1').result;
  const agencies = useApi<Total>('/api/agencies?limit=1').result;

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/thu-tuc?q=${encodeURIComponent(query.trim())}`);
  };

  return (
    <>
      <section className="hero">
        <div className="wrap">
          <h1>{t('home.title')}</h1>
          <p className="lead">{t('home.lead')}</p>
          <form role="search" className="search-form" onSubmit={onSearch}>
            <label htmlFor="home-search">{t('home.search.label')}</label>
            <p id="home-search-hint" className="hint">
              {t('home.search.hint')}
            </p>
            <div className="search-row">
              <input
                id="home-search"
                name="q"
                type="search"
                autoComplete="off"
                aria-describedby="home-search-hint"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
              />
              <button type="submit" className="button">
                {t('home.search.button')}
              </button>
            </div>
          </form>
        </div>
      </section>

      <div className="wrap">
        <section aria-labelledby="offers-title">
          <h2 id="offers-title">{t('home.offers.title')}</h2>
          <ul className="card-grid">
            {OFFERS.map(({ key, icon }) => (
              <li key={key} className="card">
                <span className="card-icon" aria-hidden="true">
                  {icon}
                </span>
                <h3>{t(`home.offers.${key}.title` as MessageKey)}</h3>
                <p>{t(`home.offers.${key}.body` as MessageKey)}</p>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="track-title" className="panel">
          <h2 id="track-title">{t('home.track.title')}</h2>
          <p>{t('home.track.body')}</p>
          <p>
            <Link href="/tra-cuu" className="button">
              {t('home.track.button')}
            </Link>
          </p>
        </section>

        <section aria-labelledby="units-title" className="panel">
          <h2 id="units-title">{t('home.units.title')}</h2>
          <p>{t('home.units.body')}</p>
          <dl className="stats">
            <Stat
              value={districts.state === 'ready' ? districts.data.total : undefined}
              label={t('home.stats.districts')}
            />
            <Stat
              value={communes.state === 'ready' ? communes.data.total : undefined}
              label={t('home.stats.communes')}
            />
            <Stat
              value={agencies.state === 'ready' ? agencies.data.total : undefined}
              label={t('home.stats.agencies')}
            />
          </dl>
          <p>
            <Link href="/co-quan">{t('home.units.link')}</Link>
          </p>
        </section>
      </div>
    </>
  );
}

function Stat({ value, label }: { value: number | undefined; label: string }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd>{value === undefined ? '…' : value.toLocaleString('vi-VN')}</dd>
    </div>
  );
}
