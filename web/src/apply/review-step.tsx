import { useRef, useState } from 'react';
import { Link } from 'wouter';
import type { ProcedureVersion } from '../../../shared/schemas/procedure.ts';
import { apiSend } from '../api-send.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { ChosenFiles } from './documents-step.tsx';
import { submitApplication, type SubmitProgress } from './submit.ts';

interface Submitted {
  id: string;
  code: string | null;
  statusLabel: { vi: string; en: string };
}
interface ErrorBody {
  error?: { message: string; details: Array<{ field?: string; message: string }> };
}

/** The last look before sending, then the submission with progress, retry and confirmation. */
export function ReviewStep(props: {
  procedure: ProcedureVersion;
  payload: Record<string, unknown>;
  agencyName: string | null;
  files: ChosenFiles;
  onEdit: (what: 'form' | 'documents') => void;
  onServerErrors: (errors: Record<string, string>, message: string) => void;
}) {
  const { t, lang } = useI18n();
  const [progress, setProgress] = useState<SubmitProgress | null>(null);
  const [failed, setFailed] = useState(false);
  const [done, setDone] = useState<Submitted | null>(null);
  // One key for this application and all its retries (the server answers a retry with the same dossier).
  const key = useRef(`web-${crypto.randomUUID()}`);
  const allFiles = Object.entries(props.files).flatMap(([componentKey, list]) =>
    list.map((file) => ({ componentKey, file })),
  );

  const send = async () => {
    setFailed(false);
    setProgress({ loaded: 0, total: 1 });
    try {
      const res = await submitApplication(props.payload, allFiles, key.current, lang, setProgress);
      if (res.status === 200 || res.status === 201) {
        setDone(res.body as Submitted);
        void apiSend('DELETE', `/api/me/drafts/${props.procedure.code}`, lang).catch(() => undefined);
      } else {
        const body = res.body as ErrorBody | undefined;
        const errors: Record<string, string> = {};
        for (const d of body?.error?.details ?? []) if (d.field) errors[d.field.replace(/^body\./, '')] ??= d.message;
        props.onServerErrors(errors, body?.error?.message ?? t('common.error'));
        setProgress(null);
      }
    } catch {
      setFailed(true);
      setProgress(null);
    }
  };

  if (done)
    return (
      <div className="panel confirmation" role="status">
        <h2>{t('apply.done.title')}</h2>
        <p>{t('apply.done.body')}</p>
        <p>
          {t('track.status')}: <strong>{done.statusLabel[lang]}</strong>
        </p>
        <p>
          <Link href={`/ho-so/${done.id}`} className="button">
            {t('apply.done.follow')}
          </Link>
        </p>
      </div>
    );

  const eform = props.payload['eform'] as Record<string, unknown>;
  return (
    <div>
      <dl className="summary-list">
        {props.agencyName && (
          <div>
            <dt>{t('procedure.where')}</dt>
            <dd>{props.agencyName}</dd>
          </div>
        )}
        {(props.procedure.eform?.fields ?? [])
          .filter((f) => f.type !== 'upload' && eform[f.name] !== undefined)
          .map((f) => (
            <div key={f.name}>
              <dt>{f.label[lang]}</dt>
              <dd>{display(eform[f.name])}</dd>
            </div>
          ))}
        <div>
          <dt>{t('apply.step.documents')}</dt>
          <dd>{allFiles.map((f) => f.file.name).join(', ') || '—'}</dd>
        </div>
      </dl>
      <p>
        <button type="button" className="link-button back-link" onClick={() => props.onEdit('form')}>
          {t('apply.review.edit')}
        </button>
      </p>
      {progress && (
        <p aria-live="polite">
          {t('apply.review.sending')} {progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : 0}%
        </p>
      )}
      {failed && (
        <p role="alert" className="notice notice-error">
          {t('apply.review.networkError')}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button" disabled={progress !== null} onClick={() => void send()}>
          {failed ? t('apply.review.retry') : t('apply.review.submit')}
        </button>
      </div>
    </div>
  );
}

function display(value: unknown): string {
  if (value === true) return '✓';
  if (value === false) return '✗';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `${value.length}`;
  if (value && typeof value === 'object' && 'unitCode' in value) {
    const v = value as { unitCode: string; street?: string };
    return [v.street, v.unitCode].filter(Boolean).join(', ');
  }
  return '—';
}
