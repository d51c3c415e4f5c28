import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { useApi } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/vi.ts';

interface Total {
  total: number;
}

// Simple line icons (24×24 paths): no icon font and no emoji, which cheap phones may not draw.
const OFFERS: Array<{ key: 'apply' | 'pay' | 'track' | 'result'; icon: string }> = [
  { key: 'apply', icon: 'M6 2h9l5 5v15H6z M14 2v6h6 M9 13h8 M9 17h8' },
  { key: 'pay', icon: 'M3 6h18v12H3z M3 10h18 M7 15h4' },
  { key: 'track', icon: 'M10 4a6 6 0 1 0 0 12a6 6 0 1 0 0-12 M15 15l6 6' },
  { key: 'result', icon: 'M3 7l9 6l9-6 M3 7h18v11H3z' },
];

// Services people ask for most, and the same grouped by the moments of life they belong to (issue 9).
const POPULAR = ['1.001193', '2.000815', '1.000894', '1.004222', '1.001612', '1.013225'];
const LIFE_EVENTS: Array<{ key: MessageKey; q: string }> = [
  { key: 'home.life.birth', q: 'khai sinh' },
  { key: 'home.life.marriage', q: 'kết hôn' },
  { key: 'home.life.residence', q: 'cư trú' },
  { key: 'home.life.building', q: 'giấy phép xây dựng' },
  { key: 'home.life.business', q: 'hộ kinh doanh' },
  { key: 'home.life.company', q: 'thành lập công ty' },
  { key: 'home.life.land', q: 'đất đai' },
  { key: 'home.life.death', q: 'khai tử' },
];
const SECTORS = [
  'Hộ tịch',
  'Chứng thực',
  'Đăng ký, quản lý cư trú',
  'Hoạt động xây dựng',
  'Đất đai',
  'Thành lập và hoạt động của doanh nghiệp',
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
                <svg className="card-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                  <path d={icon} />
                </svg>
                <h3>{t(`home.offers.${key}.title` as MessageKey)}</h3>
                <p>{t(`home.offers.${key}.body` as MessageKey)}</p>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="popular-title">
          <h2 id="popular-title">{t('home.popular')}</h2>
          <ul className="link-grid">
            {POPULAR.map((code) => (
              <li key={code}>
                <PopularLink code={code} />
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="life-title">
          <h2 id="life-title">{t('home.life.title')}</h2>
          <ul className="link-grid">
            {LIFE_EVENTS.map((e) => (
              <li key={e.key}>
                <Link href={`/thu-tuc?q=${encodeURIComponent(e.q)}`}>{t(e.key)}</Link>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="sector-title">
          <h2 id="sector-title">{t('home.sectors')}</h2>
          <ul className="link-grid">
            {SECTORS.map((sector) => (
              <li key={sector}>
                <Link href={`/thu-tuc?sector=${encodeURIComponent(sector)}`}>{sector}</Link>
              </li>
            ))}
          </ul>
        </section>

        <CatalogueFigures />

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

interface Procedure {
  name: string;
}

function PopularLink({ code }: { code: string }) {
  const { result } = useApi<Procedure>(`/api/procedures/${code}`);
  return <Link href={`/thu-tuc/${code}`}>{result.state === 'ready' ? result.data.name : code}</Link>;
}

interface CatalogueStats {
  total: number;
  byOnlineLevel: Record<string, number>;
}

/** The article's headline numbers, live: services online, at level 3 and at level 4. */
function CatalogueFigures() {
  const { t } = useI18n();
  const { result } = useApi<CatalogueStats>('/api/catalogue/stats');
  if (result.state !== 'ready') return null;
  const s = result.data;
  return (
    <section aria-labelledby="figures-title" className="panel">
      <h2 id="figures-title">{t('home.figures')}</h2>
      <dl className="stats">
        <Stat value={s.total} label={t('dash.services')} />
        <Stat value={s.byOnlineLevel['4'] ?? 0} label={t('home.figures.level4')} />
        <Stat value={s.byOnlineLevel['3'] ?? 0} label={t('home.figures.level3')} />
      </dl>
      <p>
        <Link href="/thong-ke">{t('home.figures.more')}</Link>
      </p>
    </section>
  );
}
