import { useState, type FormEvent } from 'react';
import { useApi } from '../api.ts';
import { apiSend, fieldErrors } from '../api-send.ts';
import { ErrorSummary } from '../components/form.tsx';
import { useI18n } from '../i18n/i18n.tsx';

interface Rating {
  satisfied: boolean;
  comment: string | null;
}

/** After the result: like or dislike, and a comment, once (Decision 766 indicator 5.4). */
export function RateService({ dossierId }: { dossierId: string }) {
  const { t, lang } = useI18n();
  const existing = useApi<Rating>(`/api/dossiers/${dossierId}/rating`);
  const [choice, setChoice] = useState<boolean | null>(null);
  const [comment, setComment] = useState('');
  const [message, setMessage] = useState<string>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<Rating | null>(null);
  const rating = saved ?? (existing.result.state === 'ready' ? existing.result.data : null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (choice === null) {
      setErrors({ satisfied: t('rate.choose') });
      setMessage(t('rate.choose'));
      return;
    }
    try {
      setSaved(
        await apiSend<Rating>('POST', `/api/dossiers/${dossierId}/rating`, lang, {
          satisfied: choice,
          ...(comment.trim() ? { comment: comment.trim() } : {}),
        }),
      );
    } catch (error) {
      setErrors(fieldErrors(error));
      setMessage((error as Error).message);
    }
  };

  return (
    <section aria-labelledby="rate-title" className="panel">
      <h2 id="rate-title">{t('rate.title')}</h2>
      {rating ? (
        <p role="status">{t(rating.satisfied ? 'rate.thanksGood' : 'rate.thanksBad')}</p>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <ErrorSummary message={message} errors={errors} />
          <fieldset className="field" id="f-satisfied">
            <legend className="label">{t('rate.question')}</legend>
            <div className="radios">
              <label className="radio">
                <input type="radio" name="satisfied" checked={choice === true} onChange={() => setChoice(true)} /> 👍{' '}
                {t('rate.good')}
              </label>
              <label className="radio">
                <input type="radio" name="satisfied" checked={choice === false} onChange={() => setChoice(false)} /> 👎{' '}
                {t('rate.bad')}
              </label>
            </div>
          </fieldset>
          <div className="field">
            <label htmlFor="f-comment">{t('rate.comment')}</label>
            <textarea
              id="f-comment"
              rows={3}
              maxLength={1000}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          </div>
          <button type="submit" className="button">
            {t('rate.send')}
          </button>
        </form>
      )}
    </section>
  );
}
