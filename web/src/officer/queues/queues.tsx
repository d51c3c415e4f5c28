import { useEffect, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { apiGet, useApi } from '../../api.ts';
import { LoadError } from '../../components/layout.tsx';
import { formatDateTime } from '../../format.ts';
import { useOfficerI18n } from '../i18n.ts';
import type { OfficerKey } from '../i18n.ts';
import type { Account } from '../../session.tsx';
import type { DossierList, DossierSummary } from '../dossier/types.ts';
import { SelectInput } from '../fields.tsx';
import { OfficerShell, worksDossiers } from '../shell.tsx';
import { AdminLinks, Assignments } from './assignments.tsx';
import { spanText, urgencyOf } from '../time.ts';
import { hasRole, type OfficerRoleName } from '../util.ts';

type QueueKey = 'reception' | 'unassigned' | 'mine' | 'approve' | 'sign' | 'supplement' | 'return' | 'overdue' | 'all';
const PROCESSORS: OfficerRoleName[] = ['specialist', 'division_head', 'leader'];
const ANY: OfficerRoleName[] = ['receptionist', 'specialist', 'division_head', 'leader', 'inspector'];

/** The queues an officer's roles give them (the API scopes each to the officer's units). */
const QUEUES: Array<{ key: QueueKey; roles: OfficerRoleName[] }> = [
  { key: 'reception', roles: ['receptionist'] },
  { key: 'mine', roles: ['receptionist', ...PROCESSORS] },
  { key: 'unassigned', roles: ['receptionist', 'specialist', 'division_head'] },
  { key: 'approve', roles: ['leader'] },
  { key: 'sign', roles: ['leader'] },
  { key: 'supplement', roles: ['receptionist', 'specialist', 'division_head'] },
  { key: 'return', roles: ['receptionist'] },
  { key: 'overdue', roles: ANY },
  { key: 'all', roles: ANY },
];

const queueLabel = (key: QueueKey): OfficerKey => `officer.q.${key}`;
const listUrl = (queue: QueueKey, extra: Record<string, string> = {}) => {
  const p = new URLSearchParams(extra);
  if (queue !== 'all') p.set('queue', queue);
  return `/api/dossiers?${p.toString()}`;
};

/** The officer's start page: queues with counts, search, filters, the list sortable by due time. */
export function QueuesPage() {
  const { t } = useOfficerI18n();
  return (
    <OfficerShell title={t('officer.title')}>
      {(account) => (
        <>
          <Assignments account={account} />
          {worksDossiers(account) ? <Queues account={account} /> : <AdminLinks />}
        </>
      )}
    </OfficerShell>
  );
}

function useCounts(queues: QueueKey[], lang: string, attempt: number): Partial<Record<QueueKey, number>> {
  const [counts, setCounts] = useState<Partial<Record<QueueKey, number>>>({});
  const key = queues.join(',');
  useEffect(() => {
    const controller = new AbortController();
    void Promise.all(
      queues.map(async (q) => {
        const list = await apiGet<DossierList>(listUrl(q, { pageSize: '1' }), lang, controller.signal).catch(
          () => undefined,
        );
        return [q, list?.total] as const;
      }),
    ).then((pairs) => {
      if (!controller.signal.aborted) setCounts(Object.fromEntries(pairs.filter(([, n]) => n !== undefined)));
    });
    return () => controller.abort();
  }, [key, lang, attempt]);
  return counts;
}

function Queues({ account }: { account: Account }) {
  const { t, lang } = useOfficerI18n();
  const queues = QUEUES.filter((q) => hasRole(account, ...q.roles)).map((q) => q.key);
  const [queue, setQueue] = useState<QueueKey>(queues[0] ?? 'all');
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [channel, setChannel] = useState('');
  const [procedure, setProcedure] = useState('');
  const [unit, setUnit] = useState('');
  const [from, setFrom] = useState('');
  const [soonOnly, setSoonOnly] = useState(false);
  const [ascending, setAscending] = useState(true);
  const [page, setPage] = useState(1);
  const [attempt, setAttempt] = useState(0);
  const counts = useCounts(queues, lang, attempt);
  // "/" jumps to the search box from anywhere on the page (outside other fields), as on many work tools.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.key !== '/' || target?.closest('input, textarea, select')) return;
      e.preventDefault();
      document.getElementById('f-q')?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  const extra: Record<string, string> = { page: String(page), pageSize: '50' };
  if (q) extra['q'] = q;
  if (status) extra['status'] = status;
  if (/^\d{2,5}$/.test(unit)) extra['unit'] = unit;
  const { result, reload } = useApi<DossierList>(listUrl(queue, extra));
  const now = Date.now();
  const items = useMemo(() => {
    if (result.state !== 'ready') return [];
    const due = (d: DossierSummary) => d.stepDueAt ?? d.dueAt ?? '9999';
    return result.data.items
      .filter((d) => !channel || d.channel === channel)
      .filter((d) => !procedure || d.procedureCode.startsWith(procedure.trim()))
      .filter((d) => !soonOnly || urgencyOf(d.dueAt, now) !== 'ok')
      .filter((d) => !from || d.submittedAt >= new Date(`${from}T00:00:00+07:00`).toISOString())
      .sort((a, b) => (ascending ? 1 : -1) * due(a).localeCompare(due(b)));
  }, [result, channel, procedure, soonOnly, from, ascending, now]);

  return (
    <>
      <nav aria-label={t('officer.q.queues')}>
        <ul className="queue-tabs">
          {queues.map((key) => (
            <li key={key}>
              <button
                type="button"
                className="queue-tab"
                aria-pressed={queue === key}
                onClick={() => {
                  setQueue(key);
                  setPage(1);
                }}
              >
                <span>{t(queueLabel(key))}</span>
                <span className={`count${key === 'overdue' && (counts[key] ?? 0) > 0 ? ' count-alert' : ''}`}>
                  {counts[key] ?? '…'}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <form
        role="search"
        className="queue-search"
        onSubmit={(e) => {
          e.preventDefault();
          setPage(1);
          setQ(text.trim());
        }}
      >
        <div className="field field-compact">
          <label htmlFor="f-q">{t('officer.q.search')}</label>
          <p id="f-q-hint" className="hint">
            {t('officer.q.searchHint')}
          </p>
          <div className="search-row">
            <input
              id="f-q"
              type="search"
              aria-describedby="f-q-hint"
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <button type="submit" className="button button-secondary">
              {t('officer.q.searchButton')}
            </button>
          </div>
        </div>
      </form>
      <details className="filter-box" open={Boolean(status || channel || procedure || unit || from || soonOnly)}>
        <summary>{t('officer.q.filters')}</summary>
        <div className="filters">
          <SelectInput
            name="status"
            label={t('officer.q.status')}
            compact
            value={status}
            options={[
              { value: '', label: t('officer.q.any') },
              ...[1, 2, 4, 5, 6, 9, 10, 3, 7, 8].map((s) => ({
                value: String(s),
                label: t(`officer.status.${s}` as OfficerKey),
              })),
            ]}
            onChange={(e) => setStatus(e.target.value)}
          />
          <SelectInput
            name="channel"
            label={t('officer.q.channel')}
            compact
            value={channel}
            options={[
              { value: '', label: t('officer.q.any') },
              ...(['in_person', 'online', 'postal'] as const).map((c) => ({
                value: c,
                label: t(`officer.channel.${c}`),
              })),
            ]}
            onChange={(e) => setChannel(e.target.value)}
          />
          <div className="field field-compact">
            <label htmlFor="f-procedure">{t('officer.q.procedure')}</label>
            <input id="f-procedure" value={procedure} onChange={(e) => setProcedure(e.target.value)} />
          </div>
          <div className="field field-compact">
            <label htmlFor="f-unit">{t('officer.q.unit')}</label>
            <input id="f-unit" inputMode="numeric" value={unit} onChange={(e) => setUnit(e.target.value.trim())} />
          </div>
          <div className="field field-compact">
            <label htmlFor="f-from">{t('officer.q.from')}</label>
            <input id="f-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </div>
          <div className="check">
            <input id="f-soon" type="checkbox" checked={soonOnly} onChange={(e) => setSoonOnly(e.target.checked)} />
            <label htmlFor="f-soon">{t('officer.q.dueSoonOnly')}</label>
          </div>
        </div>
      </details>
      {result.state === 'loading' && <p>{t('common.loading')}</p>}
      {result.state === 'error' && <LoadError onRetry={reload} />}
      {result.state === 'ready' && (
        <>
          <p className="result-count" aria-live="polite">
            {result.data.total} {t('officer.q.dossiers')}
            <button
              type="button"
              className="link-inline refresh"
              onClick={() => {
                reload();
                setAttempt((n) => n + 1);
              }}
            >
              {t('officer.q.refresh')}
            </button>
          </p>
          {items.length === 0 ? (
            <p className="notice">{t('officer.q.empty')}</p>
          ) : (
            <div className="table-scroll">
              <table className="dense queue-table">
                <caption className="visually-hidden">{t(queueLabel(queue))}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('officer.d.code')}</th>
                    <th scope="col">{t('officer.d.applicant')}</th>
                    <th scope="col">{t('officer.d.procedure')}</th>
                    <th scope="col">{t('officer.d.status')}</th>
                    <th scope="col">{queue === 'reception' ? t('officer.q.waiting') : t('officer.d.received')}</th>
                    <th scope="col" aria-sort={ascending ? 'ascending' : 'descending'}>
                      <button type="button" className="link-inline" onClick={() => setAscending(!ascending)}>
                        {t('officer.d.due')} {ascending ? '▲' : '▼'}
                      </button>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((d) => (
                    <Row key={d.id} d={d} now={now} waiting={queue === 'reception'} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
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
  );
}

function Row({ d, now, waiting }: { d: DossierSummary; now: number; waiting: boolean }) {
  const { t, lang } = useOfficerI18n();
  const urgency = urgencyOf(d.stepDueAt ?? d.dueAt, now);
  const due = d.stepDueAt ?? d.dueAt;
  return (
    <tr className={`urgency-${urgency}`}>
      <td>
        <Link href={`/can-bo/ho-so/${d.id}`}>
          {d.code ?? (
            <>
              {t('officer.d.noCode')}
              <span className="visually-hidden"> {d.applicantName}</span>
            </>
          )}
        </Link>
        <br />
        <span className="hint">{t(`officer.channel.${d.channel}`)}</span>
      </td>
      <td data-label={t('officer.d.applicant')}>{d.applicantName}</td>
      <td data-label={t('officer.d.procedure')}>{d.procedureCode}</td>
      <td data-label={t('officer.d.status')}>{d.statusLabel[lang]}</td>
      <td data-label={waiting ? t('officer.q.waiting') : t('officer.d.received')}>
        {waiting ? (
          <>
            {spanText(now - new Date(d.submittedAt).getTime(), lang)}
            <br />
            <span className="hint">{formatDateTime(d.submittedAt)}</span>
          </>
        ) : (
          formatDateTime(d.acceptedAt ?? d.submittedAt)
        )}
      </td>
      <td data-label={t('officer.d.due')}>
        {due ? (
          <>
            {formatDateTime(due)}
            <br />
            <span className={`due-note due-${urgency}`}>
              {urgency === 'overdue'
                ? `${t('officer.d.overdueBy')} ${spanText(now - new Date(due).getTime(), lang)}`
                : `${t('officer.d.left')} ${spanText(new Date(due).getTime() - now, lang)}`}
            </span>
          </>
        ) : (
          '—'
        )}
      </td>
    </tr>
  );
}
