import { useEffect, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import type { ProcedureList, ProcedureSummary } from '../../../shared/schemas/procedure.ts';
import { useApi } from '../api.ts';
import { LoadError } from '../components/layout.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/vi.ts';

const PAGE_SIZE = 20;

/** Search the catalogue: results appear while typing (debounced); the address keeps the query and filters. */
export function CataloguePage() {
  const { t } = useI18n();
  const search = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const [text, setText] = useState(search.get('q') ?? '');
  const tier = search.get('tier') ?? '';
  const level = search.get('onlineLevel') ?? '';
  const fee = search.get('fee') ?? '';
  const sector = search.get('sector') ?? '';
  const page = Math.max(1, Number(search.get('page') ?? '1') || 1);

  const setParams = (changes: Record<string, string>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    navigate(`/thu-tuc?${next.toString()}`, { replace: true });
  };

  // Debounce typing so a slow phone sends one request per pause, not per key.
  useEffect(() => {
    const handle = setTimeout(() => {
      if ((search.get('q') ?? '') !== text.trim()) setParams({ q: text.trim() });
    }, 250);
    return () => clearTimeout(handle);
  });

  const apiQuery = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
  if (search.get('q')) apiQuery.set('q', search.get('q') ?? '');
  if (tier) apiQuery.set('tier', tier);
  if (level) apiQuery.set('onlineLevel', level);
  if (fee) apiQuery.set('fee', fee);
  if (sector) apiQuery.set('sector', sector);
  const { result, reload } = useApi<ProcedureList>(`/api/procedures?${apiQuery.toString()}`);

  return (
    <div className="wrap">
      <h1>{t('catalogue.title')}</h1>
      <form role="search" className="search-form" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="catalogue-q">{t('catalogue.searchLabel')}</label>
        <p id="catalogue-hint" className="hint">
          {t('home.search.hint')}
        </p>
        <input
          id="catalogue-q"
          type="search"
          autoComplete="off"
          aria-describedby="catalogue-hint"
          aria-controls="catalogue-results"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </form>
      <fieldset className="filters">
        <legend>{t('catalogue.filters')}</legend>
        <Filter
          id="f-tier"
          label={t('catalogue.tier')}
          value={tier}
          onChange={(v) => setParams({ tier: v })}
          options={[
            ['', 'catalogue.tier.any'],
            ['city', 'catalogue.tier.city'],
            ['district', 'catalogue.tier.district'],
            ['commune', 'catalogue.tier.commune'],
          ]}
        />
        <Filter
          id="f-level"
          label={t('catalogue.level')}
          value={level}
          onChange={(v) => setParams({ onlineLevel: v })}
          options={[
            ['', 'catalogue.level.any'],
            ['4', 'catalogue.level.4'],
            ['3', 'catalogue.level.3'],
            ['2', 'catalogue.level.2'],
          ]}
        />
        <Filter
          id="f-fee"
          label={t('catalogue.fee')}
          value={fee}
          onChange={(v) => setParams({ fee: v })}
          options={[
            ['', 'catalogue.fee.any'],
            ['free', 'catalogue.fee.free'],
            ['paid', 'catalogue.fee.paid'],
          ]}
        />
      </fieldset>
      {sector && (
        <p>
          {t('catalogue.sector')}: <strong>{sector}</strong>{' '}
          <button type="button" className="link-button back-link" onClick={() => setParams({ sector: '' })}>
            {t('catalogue.clearSector')}
          </button>
        </p>
      )}
      <div id="catalogue-results" aria-live="polite">
        {result.state === 'loading' && <p>{t('common.loading')}</p>}
        {result.state === 'error' && <LoadError onRetry={reload} />}
        {result.state === 'ready' && (
          <>
            <p className="result-count">
              {result.data.total.toLocaleString('vi-VN')} {t('catalogue.results')}
            </p>
            {result.data.items.length === 0 ? (
              <p>{t('catalogue.none')}</p>
            ) : (
              <ol className="result-list">
                {result.data.items.map((p) => (
                  <ResultItem key={p.id} procedure={p} />
                ))}
              </ol>
            )}
            <Pager page={page} total={result.data.total} onPage={(n) => setParams({ page: String(n) })} />
          </>
        )}
      </div>
    </div>
  );
}

function Filter(props: {
  id: string;
  label: string;
  value: string;
  options: Array<[string, MessageKey]>;
  onChange: (value: string) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.options.map(([value, key]) => (
          <option key={value} value={value}>
            {t(key)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function LevelBadge({ level }: { level: number }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge-level-${level}`}>{t(`catalogue.level.${level}` as MessageKey).split(' — ')[0]}</span>
  );
}

function ResultItem({ procedure: p }: { procedure: ProcedureSummary }) {
  const { t } = useI18n();
  return (
    <li className="result">
      <h2 className="result-title">
        <Link href={`/thu-tuc/${p.code}`}>{p.name}</Link>
      </h2>
      <p className="result-meta">
        <LevelBadge level={p.onlineLevel} /> · {p.sector} · {t('catalogue.code')} <code>{p.code}</code>
      </p>
      <p className="result-meta">
        {t('catalogue.time')}: {p.timeLimit.value} {t(`unit.${p.timeLimit.unit}` as MessageKey)} ·{' '}
        {p.hasFee ? t('catalogue.fee.paid') : t('catalogue.fee.free')}
      </p>
    </li>
  );
}

function Pager({ page, total, onPage }: { page: number; total: number; onPage: (n: number) => void }) {
  const { t } = useI18n();
  const pages = Math.ceil(total / PAGE_SIZE);
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('catalogue.page')} className="pager">
      {page > 1 && (
        <button type="button" className="button button-secondary" onClick={() => onPage(page - 1)}>
          {t('catalogue.previous')}
        </button>
      )}
      <span>
        {t('catalogue.page')} {page}/{pages}
      </span>
      {page < pages && (
        <button type="button" className="button button-secondary" onClick={() => onPage(page + 1)}>
          {t('catalogue.next')}
        </button>
      )}
    </nav>
  );
}
