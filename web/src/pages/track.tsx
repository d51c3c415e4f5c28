import { useState, type FormEvent } from 'react';
import { useLocation, useSearch } from 'wouter';
import { ApiError, useApi } from '../api.ts';
import { Countdown } from '../components/countdown.tsx';
import { TextInput, formText } from '../components/form.tsx';
import { LoadError } from '../components/layout.tsx';
import { formatDateTime } from '../format.ts';
import { useI18n } from '../i18n/i18n.tsx';

interface Localized {
  vi: string;
  en: string;
}
export interface TrackView {
  code: string;
  status: number;
  statusLabel: Localized;
  procedureCode: string;
  receivedAt: string | null;
  appointmentAt: string | null;
  returnedAt: string | null;
  apology?: { newAppointmentAt: string; reason: string } | null;
  history: Array<{ at: string; action: string; status: number; statusLabel: Localized; agencyId: string }>;
}

/** Public tracking by dossier code and the last 4 digits of the applicant's ID number or phone (no login). */
/** `/tra-cuu?code=…&check=…`, or `/tra-cuu/{code}` from the QR printed on form 01 (then only the 4 digits are asked). */
export function TrackPage({ params }: { params?: { code?: string } }) {
  const { t } = useI18n();
  const search = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const code = search.get('code') ?? (params?.code ? decodeURIComponent(params.code) : '');
  const check = search.get('check') ?? '';
  const [errors, setErrors] = useState<Record<string, string>>({});

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const nextCode = formText(form, 'code').trim();
    const nextCheck = formText(form, 'check').trim();
    const found: Record<string, string> = {};
    if (!nextCode) found['code'] = t('track.codeMissing');
    if (!/^\d{4}$/.test(nextCheck)) found['check'] = t('track.checkInvalid');
    setErrors(found);
    if (Object.keys(found).length === 0)
      navigate(`/tra-cuu?code=${encodeURIComponent(nextCode)}&check=${encodeURIComponent(nextCheck)}`);
  };

  return (
    <div className="wrap">
      <h1>{t('track.title')}</h1>
      <p className="lead">{t('track.lead')}</p>
      <form className="narrow" onSubmit={onSubmit} noValidate key={`${code}/${check}`}>
        <TextInput
          name="code"
          label={t('home.track.code')}
          hint={t('home.track.codeHint')}
          defaultValue={code}
          error={errors['code']}
          autoComplete="off"
        />
        <TextInput
          name="check"
          label={t('track.check')}
          hint={t('track.checkHint')}
          defaultValue={check}
          error={errors['check']}
          inputMode="numeric"
          maxLength={4}
          autoComplete="off"
        />
        <button type="submit" className="button">
          {t('home.track.button')}
        </button>
      </form>
      {code && /^\d{4}$/.test(check) && <TrackResult code={code} check={check} />}
    </div>
  );
}

function TrackResult({ code, check }: { code: string; check: string }) {
  const { t, lang } = useI18n();
  const { result, reload } = useApi<TrackView>(`/api/track/${encodeURIComponent(code)}?check=${check}`);
  if (result.state === 'loading') return <p aria-live="polite">{t('common.loading')}</p>;
  if (result.state === 'error') {
    if (result.error instanceof ApiError && result.error.status === 404)
      return (
        <p role="alert" className="notice notice-error">
          {t('track.notFound')}
        </p>
      );
    return <LoadError onRetry={reload} />;
  }
  const d = result.data;
  const due = d.apology?.newAppointmentAt ?? d.appointmentAt;
  const open = d.status !== 3 && d.status !== 7 && d.status !== 8 && d.status !== 10;
  return (
    <section aria-labelledby="track-result" className="panel" aria-live="polite">
      <h2 id="track-result">
        {t('track.dossier')} <code>{d.code}</code>
      </h2>
      <dl className="summary-list">
        <div>
          <dt>{t('track.status')}</dt>
          <dd>
            <strong>{d.statusLabel[lang]}</strong>
          </dd>
        </div>
        {d.receivedAt && (
          <div>
            <dt>{t('track.received')}</dt>
            <dd>{formatDateTime(d.receivedAt)}</dd>
          </div>
        )}
        {due && (
          <div>
            <dt>{t('track.appointment')}</dt>
            <dd>
              {formatDateTime(due)}
              {open && (
                <>
                  {' '}
                  · <Countdown to={due} />
                </>
              )}
            </dd>
          </div>
        )}
        {d.apology && (
          <div>
            <dt>{t('track.apology')}</dt>
            <dd>{d.apology.reason}</dd>
          </div>
        )}
        {d.returnedAt && (
          <div>
            <dt>{t('track.returned')}</dt>
            <dd>{formatDateTime(d.returnedAt)}</dd>
          </div>
        )}
      </dl>
      <h3>{t('track.history')}</h3>
      <ol className="timeline">
        {d.history.map((h, i) => (
          <li key={i}>
            <time dateTime={h.at}>{formatDateTime(h.at)}</time> — {h.statusLabel[lang]}
          </li>
        ))}
      </ol>
    </section>
  );
}
