import { useState } from 'react';
import { useApi } from '../api.ts';
import { apiSend } from '../api-send.ts';
import { LoadError } from '../components/layout.tsx';
import { formatDateTime } from '../format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session.tsx';
import { LoginNeeded } from './account.tsx';

interface Inbox {
  unread: number;
  items: Array<{
    id: number;
    subject: string;
    body: string;
    link: string | null;
    createdAt: string;
    readAt: string | null;
  }>;
}

/** The in-app inbox: what the one-stop desk and the system told me, newest first. */
export function InboxPage() {
  const { t, lang } = useI18n();
  const { account } = useSession();
  const { result, reload } = useApi<Inbox>(account ? '/api/me/notifications?limit=50' : null);
  const [read, setRead] = useState<Set<number>>(new Set());
  if (account === undefined)
    return (
      <div className="wrap">
        <p>{t('common.loading')}</p>
      </div>
    );
  if (account === null) return <LoginNeeded />;
  const markRead = (id: number) =>
    void apiSend('POST', `/api/me/notifications/${id}/read`, lang).then(
      () => setRead((s) => new Set(s).add(id)),
      reload,
    );
  return (
    <div className="wrap">
      <h1>{t('inbox.title')}</h1>
      {result.state === 'loading' && <p>{t('common.loading')}</p>}
      {result.state === 'error' && <LoadError onRetry={reload} />}
      {result.state === 'ready' && result.data.items.length === 0 && <p>{t('inbox.none')}</p>}
      {result.state === 'ready' && result.data.items.length > 0 && (
        <ul className="result-list">
          {result.data.items.map((m) => {
            const unread = m.readAt === null && !read.has(m.id);
            return (
              <li key={m.id} className={`result${unread ? ' unread' : ''}`}>
                <h2 className="result-title">
                  {m.subject}
                  {unread && <span className="badge badge-level-3"> {t('inbox.unread')}</span>}
                </h2>
                <p className="result-meta">{formatDateTime(m.createdAt)}</p>
                <p className="message-body">{m.body}</p>
                <p>
                  {m.link && <a href={m.link}>{t('inbox.open')}</a>}{' '}
                  {unread && (
                    <button type="button" className="link-button back-link" onClick={() => markRead(m.id)}>
                      {t('inbox.markRead')}
                    </button>
                  )}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
