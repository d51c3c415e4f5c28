import { Link } from 'wouter';
import { useI18n } from '../i18n/i18n.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <div className="wrap">
      <h1>{t('common.notFound')}</h1>
      <p>
        <Link href="/">{t('common.backHome')}</Link>
      </p>
    </div>
  );
}
