import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session.tsx';

export function Layout({ children }: { children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const { account } = useSession();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <div className="wrap header-row">
          <Link href="/" className="brand">
            <span className="brand-mark" aria-hidden="true" />
            <span>
              <strong>{t('app.name')}</strong>
              <span className="brand-tagline">{t('app.tagline')}</span>
            </span>
          </Link>
          <nav aria-label={t('nav.home')}>
            <ul className="nav-list">
              <li>
                <Link href="/thu-tuc">{t('nav.catalogue')}</Link>
              </li>
              <li>
                <Link href="/tra-cuu">{t('nav.track')}</Link>
              </li>
              <li>
                <Link href="/thong-ke">{t('nav.dashboard')}</Link>
              </li>
              <li>
                {account ? (
                  <Link href={account.kind === 'officer' ? '/can-bo' : '/tai-khoan'}>{t('nav.account')}</Link>
                ) : (
                  <Link href="/dang-nhap">{t('nav.login')}</Link>
                )}
              </li>
              <li>
                <button
                  type="button"
                  className="link-button"
                  lang={lang === 'vi' ? 'en' : 'vi'}
                  title={t('nav.languageLabel')}
                  onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
                >
                  {t('nav.language')}
                </button>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="wrap">
          <p>{t('footer.about')}</p>
          <p>
            <Link href="/phan-anh">{t('footer.report')}</Link> · <a href="/docs">{t('footer.api')}</a>
          </p>
        </div>
      </footer>
    </>
  );
}

export function LoadError({ onRetry }: { onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="notice notice-error">
      <p>{t('common.error')}</p>
      <button type="button" className="button button-secondary" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  );
}
