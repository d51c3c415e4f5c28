import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { apiSend, fieldErrors } from '../api-send.ts';
import { ErrorSummary, SubmitButton, TextInput, formText } from '../components/form.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession, type MeView } from '../session.tsx';

export function RegisterPage() {
  const { t, lang } = useI18n();
  const { setMe } = useSession();
  const [, navigate] = useLocation();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const [errors, setErrors] = useState<Record<string, string>>({});

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => formText(form, name).trim() || undefined;
    setBusy(true);
    try {
      const me = await apiSend<MeView>('POST', '/api/auth/register', lang, {
        kind: 'citizen',
        fullName: value('fullName') ?? '',
        phone: value('phone'),
        email: value('email'),
        nationalId: value('nationalId'),
        password: formText(form, 'password'),
      });
      setMe(me);
      navigate('/tai-khoan');
    } catch (error) {
      setErrors(fieldErrors(error));
      setMessage((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="wrap narrow">
      <h1>{t('register.title')}</h1>
      <p>{t('register.lead')}</p>
      <ErrorSummary message={message} errors={errors} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <TextInput
          name="fullName"
          label={t('register.fullName')}
          autoComplete="name"
          error={errors['fullName']}
          required
        />
        <TextInput
          name="phone"
          type="tel"
          label={t('register.phone')}
          hint={t('register.phoneHint')}
          autoComplete="tel"
          inputMode="tel"
          error={errors['phone']}
        />
        <TextInput name="email" type="email" label={t('register.email')} autoComplete="email" error={errors['email']} />
        <TextInput
          name="nationalId"
          label={t('register.nationalId')}
          hint={t('register.nationalIdHint')}
          inputMode="numeric"
          error={errors['nationalId']}
        />
        <TextInput
          name="password"
          type="password"
          label={t('register.password')}
          hint={t('register.passwordHint')}
          autoComplete="new-password"
          error={errors['password']}
          required
        />
        <SubmitButton busy={busy}>{t('register.submit')}</SubmitButton>
      </form>
      <p>
        {t('register.haveAccount')} <Link href="/dang-nhap">{t('login.title')}</Link>
      </p>
    </div>
  );
}
