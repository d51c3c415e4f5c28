import { useState, type FormEvent } from 'react';
import { useSearch } from 'wouter';
import { apiSend, fieldErrors } from '../api-send.ts';
import { ErrorSummary, TextInput, formText } from '../components/form.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/vi.ts';

const CATEGORIES = ['dossier', 'portal', 'conduct', 'other'] as const;

/** Report a problem (phản ánh kiến nghị), with or without an account; answered by phone or e-mail. */
export function ReportProblemPage() {
  const { t, lang } = useI18n();
  const [message, setMessage] = useState<string>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [reference, setReference] = useState<string | null>(null);
  const dossierCode = new URLSearchParams(useSearch()).get('ma') ?? '';

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => formText(form, name).trim() || undefined;
    try {
      const receipt = await apiSend<{ reference: string }>('POST', '/api/feedback', lang, {
        category: value('category') ?? 'other',
        dossierCode: value('dossierCode'),
        message: value('message') ?? '',
        name: value('name'),
        phone: value('phone'),
        email: value('email'),
      });
      setReference(receipt.reference);
    } catch (error) {
      setErrors(fieldErrors(error));
      setMessage((error as Error).message);
    }
  };

  if (reference)
    return (
      <div className="wrap narrow">
        <div className="panel confirmation" role="status">
          <h1>{t('report.done')}</h1>
          <p>
            {t('report.reference')} <strong>{reference}</strong>
          </p>
          <p>{t('report.doneBody')}</p>
        </div>
      </div>
    );
  return (
    <div className="wrap narrow">
      <h1>{t('report.title')}</h1>
      <p className="lead">{t('report.lead')}</p>
      <ErrorSummary message={message} errors={errors} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor="f-category">{t('report.category')}</label>
          <select id="f-category" name="category" defaultValue="dossier">
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`report.category.${c}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <TextInput
          name="dossierCode"
          label={t('report.dossierCode')}
          hint={t('home.track.codeHint')}
          defaultValue={dossierCode}
          error={errors['dossierCode']}
        />
        <div className={`field${errors['message'] ? ' field-error' : ''}`}>
          <label htmlFor="f-message">{t('report.message')}</label>
          {errors['message'] && (
            <p id="f-message-error" className="error-message">
              {errors['message']}
            </p>
          )}
          <textarea
            id="f-message"
            name="message"
            rows={6}
            maxLength={4000}
            aria-invalid={errors['message'] ? true : undefined}
            aria-describedby={errors['message'] ? 'f-message-error' : undefined}
          />
        </div>
        <TextInput name="name" label={t('report.name')} autoComplete="name" error={errors['name']} />
        <TextInput
          name="phone"
          type="tel"
          label={t('register.phone')}
          hint={t('report.contactHint')}
          autoComplete="tel"
          error={errors['phone']}
        />
        <TextInput name="email" type="email" label={t('register.email')} autoComplete="email" error={errors['email']} />
        <button type="submit" className="button">
          {t('report.send')}
        </button>
      </form>
    </div>
  );
}
