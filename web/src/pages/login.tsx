import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { apiSend, fieldErrors } from '../api-send.ts';
import { ErrorSummary, SubmitButton, TextInput, formText } from '../components/form.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession, type MeView } from '../session.tsx';

export function LoginPage() {
  const { t, lang } = useI18n();
  const { setMe } = useSession();
  const [, navigate] = useLocation();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const [errors, setErrors] = useState<Record<string, string>>({});

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    try {
      const me = await apiSend<MeView>('POST', '/api/auth/login', lang, {
        login: formText(form, 'login'),
        password: formText(form, 'password'),
      });
      setMe(me);
      navigate(me.account.kind === 'officer' ? '/can-bo' : '/tai-khoan');
    } catch (error) {
      setErrors(fieldErrors(error));
      setMessage((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="wrap narrow">
      <h1>{t('login.title')}</h1>
      <ErrorSummary message={message} errors={errors} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <TextInput
          name="login"
          label={t('login.login')}
          hint={t('login.loginHint')}
          autoComplete="username"
          error={errors['login']}
          required
        />
        <TextInput
          name="password"
          type="password"
          label={t('login.password')}
          autoComplete="current-password"
          error={errors['password']}
          required
        />
        <SubmitButton busy={busy}>{t('login.submit')}</SubmitButton>
      </form>
      <p className="or">{t('login.or')}</p>
      <p>
        <a className="button button-secondary" href="/api/auth/national-id/start">
          {t('login.nationalId')}
        </a>
      </p>
      <p>
        {t('login.noAccount')} <Link href="/dang-ky">{t('register.title')}</Link>
      </p>
    </div>
  );
}
