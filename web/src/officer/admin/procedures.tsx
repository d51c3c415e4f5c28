import { useState } from 'react';
import { Link } from 'wouter';
import type { ProcedureList } from '../../../../shared/schemas/procedure.ts';
import { useApi } from '../../api.ts';
import { LoadError } from '../../components/layout.tsx';
import { formatDate } from '../../format.ts';
import { useOfficerI18n } from '../i18n.ts';
import { OfficerShell } from '../shell.tsx';
import { ImportPanel } from './import-panel.tsx';

/** The catalogue as an administrator sees it: search, open a procedure's versions, export, import. */
export function AdminProceduresPage() {
  const { t } = useOfficerI18n();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const params = new URLSearchParams({ page: String(page), pageSize: '25' });
  if (query) params.set('q', query);
  const { result, reload } = useApi<ProcedureList>(`/api/procedures?${params.toString()}`);
  return (
    <OfficerShell title={t('officer.admin.procedures')}>
      {() => (
        <>
          <p className="actions-row">
            <Link href="/can-bo/quan-tri/thu-tuc/moi" className="button">
              {t('officer.proc.new')}
            </Link>
            <a className="button button-secondary" href="/api/catalogue/export.xlsx" download>
              {t('officer.proc.export')}
            </a>
          </p>
          <ImportPanel onImported={reload} />
          <h2>{t('officer.proc.listTitle')}</h2>
          <form
            role="search"
            className="search-row"
            onSubmit={(e) => {
              e.preventDefault();
              setPage(1);
              setQuery(q.trim());
            }}
          >
            <label htmlFor="proc-q" className="visually-hidden">
              {t('officer.proc.search')}
            </label>
            <input id="proc-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
            <button type="submit" className="button button-secondary">
              {t('officer.proc.search')}
            </button>
          </form>
          {result.state === 'loading' && <p>{t('common.loading')}</p>}
          {result.state === 'error' && <LoadError onRetry={reload} />}
          {result.state === 'ready' && (
            <>
              <p className="result-count" aria-live="polite">
                {result.data.total} {t('officer.proc.count')}
              </p>
              <div className="table-scroll">
                <table className="dense">
                  <caption className="visually-hidden">{t('officer.proc.listTitle')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('officer.proc.code')}</th>
                      <th scope="col">{t('officer.proc.name')}</th>
                      <th scope="col">{t('officer.proc.tiers')}</th>
                      <th scope="col">{t('officer.proc.level')}</th>
                      <th scope="col">{t('officer.proc.validFrom')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.data.items.map((p) => (
                      <tr key={p.id}>
                        <td>
                          <Link href={`/can-bo/quan-tri/thu-tuc/${p.code}`}>{p.code}</Link>
                        </td>
                        <td>{p.name}</td>
                        <td>{p.tiers.map((tier) => t(`officer.tier.${tier}`)).join(', ')}</td>
                        <td>{p.onlineLevel}</td>
                        <td>{formatDate(p.validFrom)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div className="pager">
                {page > 1 && (
                  <button type="button" className="button button-secondary" onClick={() => setPage(page - 1)}>
                    {t('officer.pager.previous')}
                  </button>
                )}
                {page * result.data.pageSize < result.data.total && (
                  <button type="button" className="button button-secondary" onClick={() => setPage(page + 1)}>
                    {t('officer.pager.next')}
                  </button>
                )}
              </div>
            </>
          )}
        </>
      )}
    </OfficerShell>
  );
}
