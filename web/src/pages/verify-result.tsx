import { useState } from 'react';
import { ApiError, useApi } from '../api.ts';
import { LoadError } from '../components/layout.tsx';
import { formatDateTime } from '../format.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** GET /api/results/{code} (server/modules/dossiers/schemas.ts ResultVerification). */
interface ResultVerification {
  resultCode: string;
  isValid: boolean;
  message: { vi: string; en: string };
  agency: { id: string; name: string };
  signerName: string;
  signedAt: string;
  sha256: string;
  algorithm: string;
  keyId: string;
}

/**
 * `/xac-thuc/{result code}`, the address on an e-result's QR: anyone (a bank, a school, another agency)
 * sees whether the result is genuine and unaltered, and can check the file they were given (ADR 0017).
 */
export function VerifyResultPage({ params }: { params: { code: string } }) {
  const { t } = useI18n();
  const code = decodeURIComponent(params.code);
  return (
    <div className="wrap">
      <h1>{t('verify.title')}</h1>
      <p className="lead">{t('verify.lead')}</p>
      <Verification code={code} />
    </div>
  );
}

function Verification({ code }: { code: string }) {
  const { t, lang } = useI18n();
  const { result, reload } = useApi<ResultVerification>(`/api/results/${encodeURIComponent(code)}`);
  if (result.state === 'loading') return <p aria-live="polite">{t('common.loading')}</p>;
  if (result.state === 'error') {
    if (result.error instanceof ApiError && (result.error.status === 404 || result.error.status === 400))
      return (
        <p role="alert" className="notice notice-error">
          {t('verify.notFound')}
        </p>
      );
    return <LoadError onRetry={reload} />;
  }
  const v = result.data;
  return (
    <section aria-labelledby="verify-verdict" className="panel">
      <h2 id="verify-verdict" className={v.isValid ? 'verdict-ok' : 'verdict-bad'}>
        {v.isValid ? t('verify.valid') : t('verify.invalid')}
      </h2>
      <p role="status">{v.message[lang]}</p>
      <dl className="summary-list">
        <Row label={t('verify.code')} value={v.resultCode} />
        <Row label={t('verify.agency')} value={v.agency.name} />
        <Row label={t('verify.signer')} value={v.signerName} />
        <Row label={t('verify.signedAt')} value={formatDateTime(v.signedAt)} />
        <div>
          <dt>{t('verify.fingerprint')}</dt>
          <dd>
            <code className="fingerprint">{v.sha256}</code>
          </dd>
        </div>
        <Row label={t('verify.key')} value={`${v.algorithm}, ${v.keyId}`} />
      </dl>
      {v.isValid && <CheckFile sha256={v.sha256} />}
    </section>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** Hashes a chosen file in the browser (Web Crypto) and compares it with the signed fingerprint. */
function CheckFile({ sha256 }: { sha256: string }) {
  const { t } = useI18n();
  const [same, setSame] = useState<boolean | null>(null);
  async function check(file: File | undefined) {
    if (!file) return setSame(null);
    const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
    const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    setSame(hex === sha256);
  }
  return (
    <div className="field">
      <label htmlFor="f-check-file">{t('verify.checkFile')}</label>
      <p id="f-check-file-hint" className="hint">
        {t('verify.checkFileHint')}
      </p>
      <input
        id="f-check-file"
        type="file"
        aria-describedby="f-check-file-hint"
        onChange={(e) => void check(e.target.files?.[0])}
      />
      <p aria-live="polite" className={same === false ? 'notice notice-error' : same ? 'notice notice-ok' : undefined}>
        {same === null ? '' : same ? t('verify.same') : t('verify.different')}
      </p>
    </div>
  );
}
