import { Link, useLocation } from 'wouter';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/vi.ts';
import { useSession } from '../session.tsx';

export function AccountPage() {
  const { t } = useI18n();
  const { account, logout } = useSession();
  const [, navigate] = useLocation();
  if (account === undefined)
    return (
      <div className="wrap">
        <p>{t('common.loading')}</p>
      </div>
    );
  if (account === null) return <LoginNeeded />;
  return (
    <div className="wrap">
      <h1>{t('account.title')}</h1>
      <dl className="summary-list">
        <div>
          <dt>{t('register.fullName')}</dt>
          <dd>{account.fullName}</dd>
        </div>
        <div>
          <dt>{t('register.phone')}</dt>
          <dd>{account.phone ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('register.email')}</dt>
          <dd>{account.email ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('register.nationalId')}</dt>
          <dd>
            {account.nationalId ?? '—'}
            {account.isNationalIdVerified && <> · {t('account.verifiedByNationalId')}</>}
          </dd>
        </div>
      </dl>
      {account.kind !== 'officer' && (
        <p>
          <Link href="/ho-so-cua-toi">{t('mine.title')}</Link> · <Link href="/thong-bao">{t('inbox.title')}</Link>
        </p>
      )}
      {account.kind === 'officer' && (
        <p>
          <Link href="/can-bo">{t('officer.title')}</Link>
        </p>
      )}
      <button type="button" className="button button-secondary" onClick={() => void logout().then(() => navigate('/'))}>
        {t('account.logout')}
      </button>
    </div>
  );
}

export function LoginNeeded() {
  const { t } = useI18n();
  return (
    <div className="wrap">
      <h1>{t('account.loginNeeded')}</h1>
      <p>
        <Link href="/dang-nhap" className="button">
          {t('login.title')}
        </Link>
      </p>
    </div>
  );
}

export function roleLabel(t: (key: MessageKey) => string, role: string): string {
  return t(`role.${role}` as MessageKey);
}
