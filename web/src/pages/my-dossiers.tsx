import { Link } from 'wouter';
import { useApi } from '../api.ts';
import { Countdown } from '../components/countdown.tsx';
import { LoadError } from '../components/layout.tsx';
import { formatDate } from '../format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/vi.ts';
import { useSession } from '../session.tsx';
import { LoginNeeded } from './account.tsx';

export interface DossierSummary {
  id: string;
  code: string | null;
  status: number;
  statusLabel: { vi: string; en: string };
  version: number;
  procedureCode: string;
  submittedAt: string;
  dueAt: string | null;
}

/** What the applicant must do now, by status (DOMAIN §3): supplement, pay, collect. */
export function nextStepKey(status: number): MessageKey | null {
  if (status === 5) return 'mine.todo.supplement';
  if (status === 6) return 'mine.todo.pay';
  if (status === 9) return 'mine.todo.collect';
  return null;
}

export function MyDossiersPage() {
  const { t, lang } = useI18n();
  const { account } = useSession();
  const { result, reload } = useApi<{ items: DossierSummary[] }>(account ? '/api/dossiers?pageSize=100' : null);
  if (account === undefined)
    return (
      <div className="wrap">
        <p>{t('common.loading')}</p>
      </div>
    );
  if (account === null) return <LoginNeeded />;
  return (
    <div className="wrap">
      <h1>{t('mine.title')}</h1>
      {result.state === 'loading' && <p>{t('common.loading')}</p>}
      {result.state === 'error' && <LoadError onRetry={reload} />}
      {result.state === 'ready' && result.data.items.length === 0 && (
        <p>
          {t('mine.none')} <Link href="/thu-tuc">{t('catalogue.title')}</Link>
        </p>
      )}
      {result.state === 'ready' && result.data.items.length > 0 && (
        <ul className="result-list">
          {result.data.items.map((d) => {
            const todo = nextStepKey(d.status);
            return (
              <li key={d.id} className="result">
                <h2 className="result-title">
                  <Link href={`/ho-so/${d.id}`}>
                    {d.code ?? `${t('mine.submittedOn')} ${formatDate(d.submittedAt)}`}
                  </Link>
                </h2>
                <p className="result-meta">
                  {d.statusLabel[lang]} · {t('catalogue.code')} {d.procedureCode}
                  {d.dueAt && d.status !== 10 && (
                    <>
                      {' '}
                      · {t('track.appointment')} {formatDate(d.dueAt)} (<Countdown to={d.dueAt} />)
                    </>
                  )}
                </p>
                {todo && <p className="todo">{t(todo)}</p>}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
