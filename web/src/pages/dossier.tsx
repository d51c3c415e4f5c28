import { useState } from 'react';
import { Link } from 'wouter';
import type { Agency, AgencyList } from '../../../shared/schemas/units.ts';
import { ApiError, useApi, type ApiErrorBody } from '../api.ts';
import { csrfToken, fieldErrors } from '../api-send.ts';
import { Countdown } from '../components/countdown.tsx';
import { ErrorSummary } from '../components/form.tsx';
import { LoadError } from '../components/layout.tsx';
import { formatDateTime } from '../format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/vi.ts';
import { useSession } from '../session.tsx';
import { LoginNeeded } from './account.tsx';
import { PaidFees, PayFee } from './pay.tsx';
import { RateService } from './rate.tsx';
import { nextStepKey, type DossierSummary } from './my-dossiers.tsx';

interface DossierFile {
  id: string;
  kind: 'component' | 'supplement' | 'result';
  fileName: string;
  /** The e-result's digital signature (ADR 0017), null until a leader signs it. */
  signature: { resultCode: string; signerName: string; signedAt: string; sha256: string } | null;
}

interface DossierDetail extends DossierSummary {
  files: DossierFile[];
  resultDelivery: 'counter' | 'post' | 'online';
  deliveryAddress: string | null;
  receivingAgencyId: string;
  acceptedAt: string | null;
  returnedAt: string | null;
  supplement: { items?: Array<{ name: string; count: number; note?: string }>; reason?: string } | null;
  allowedActions: string[];
  journal: Array<{ seq: number; at: string; action: string; toStatus: number; note: string | null }>;
}

/** The applicant's own dossier: where it is, the countdown, what to do now, forms and history. */
export function DossierPage({ params }: { params: { id: string } }) {
  const { t, lang } = useI18n();
  const { account } = useSession();
  const { result, reload } = useApi<DossierDetail>(account ? `/api/dossiers/${encodeURIComponent(params.id)}` : null);
  if (account === undefined)
    return (
      <div className="wrap">
        <p>{t('common.loading')}</p>
      </div>
    );
  if (account === null) return <LoginNeeded />;
  if (result.state === 'loading')
    return (
      <div className="wrap">
        <p>{t('common.loading')}</p>
      </div>
    );
  if (result.state === 'error')
    return (
      <div className="wrap">
        <LoadError onRetry={reload} />
      </div>
    );
  const d = result.data;
  const todo = nextStepKey(d.status);
  const open = ![3, 7, 8, 10].includes(d.status);
  return (
    <div className="wrap">
      <p>
        <Link href="/ho-so-cua-toi">{t('mine.title')}</Link>
      </p>
      <h1>{d.code ? `${t('track.dossier')} ${d.code}` : t('mine.notYetAccepted')}</h1>
      <dl className="summary-list">
        <div>
          <dt>{t('track.status')}</dt>
          <dd>
            <strong>{d.statusLabel[lang]}</strong>
          </dd>
        </div>
        <div>
          <dt>{t('mine.submitted')}</dt>
          <dd>{formatDateTime(d.submittedAt)}</dd>
        </div>
        {d.acceptedAt && (
          <div>
            <dt>{t('track.received')}</dt>
            <dd>{formatDateTime(d.acceptedAt)}</dd>
          </div>
        )}
        {d.dueAt && (
          <div>
            <dt>{t('track.appointment')}</dt>
            <dd>
              {formatDateTime(d.dueAt)}
              {open && (
                <>
                  {' '}
                  · <Countdown to={d.dueAt} />
                </>
              )}
            </dd>
          </div>
        )}
      </dl>
      {todo && <p className="notice todo">{t(todo)}</p>}
      {d.status === 5 && d.allowedActions.includes('submit_supplement') && (
        <SupplementForm dossier={d} onDone={reload} />
      )}
      {d.status === 6 && <PayFee dossierId={d.id} onPaid={reload} />}
      <PaidFees key={d.version} dossierId={d.id} />
      {d.code && (
        <p>
          <a href={`/api/dossiers/${d.id}/forms/01.pdf`} download>
            {t('mine.form01')}
          </a>
        </p>
      )}
      <h2>{t('track.history')}</h2>
      <ol className="timeline">
        {d.journal.map((e) => (
          <li key={e.seq}>
            <time dateTime={e.at}>{formatDateTime(e.at)}</time> — {actionLabel(t, e.action)}
          </li>
        ))}
      </ol>
      {(d.status === 9 || d.status === 10) && <ResultSection dossier={d} />}
      {(d.status === 9 || d.status === 10) && <RateService dossierId={d.id} />}
      {d.allowedActions.includes('withdraw') && <WithdrawButton dossier={d} onDone={reload} />}
      <p>
        <Link href={`/phan-anh?ma=${encodeURIComponent(d.code ?? '')}`}>{t('footer.report')}</Link>
      </p>
    </div>
  );
}

async function act(
  id: string,
  action: string,
  lang: string,
  version: number,
  extra: Record<string, unknown>,
  files: File[],
) {
  const form = new FormData();
  form.append('payload', JSON.stringify({ version, ...extra }));
  for (const f of files) form.append('supplement', f, f.name);
  const csrf = csrfToken();
  const res = await fetch(`/api/dossiers/${id}/actions/${action}`, {
    method: 'POST',
    body: form,
    headers: {
      accept: 'application/json',
      'accept-language': lang,
      ...(csrf ? { 'x-csrf-token': csrf } : {}),
    },
  });
  const body = (await res.json().catch(() => undefined)) as unknown;
  if (!res.ok) {
    throw new ApiError(res.status, body as ApiErrorBody | undefined);
  }
  return body;
}

function SupplementForm({ dossier, onDone }: { dossier: DossierDetail; onDone: () => void }) {
  const { t, lang } = useI18n();
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const send = async () => {
    setBusy(true);
    try {
      await act(dossier.id, 'submit_supplement', lang, dossier.version, {}, files);
      onDone();
    } catch (error) {
      setErrors(fieldErrors(error));
      setMessage((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="supplement-title" className="panel">
      <h2 id="supplement-title">{t('mine.supplement.title')}</h2>
      {dossier.supplement?.reason && <p>{dossier.supplement.reason}</p>}
      <ul>
        {(dossier.supplement?.items ?? []).map((item, i) => (
          <li key={i}>
            {item.name} ({item.count}){item.note && ` — ${item.note}`}
          </li>
        ))}
      </ul>
      <ErrorSummary message={message} errors={errors} />
      <div className="field">
        <label htmlFor="f-supplement">{t('mine.supplement.files')}</label>
        <input
          id="f-supplement"
          type="file"
          multiple
          accept="application/pdf,image/jpeg,image/png"
          onChange={(e) => setFiles([...(e.target.files ?? [])])}
        />
      </div>
      <button type="button" className="button" disabled={busy || files.length === 0} onClick={() => void send()}>
        {t('mine.supplement.send')}
      </button>
    </section>
  );
}

function WithdrawButton({ dossier, onDone }: { dossier: DossierDetail; onDone: () => void }) {
  const { t, lang } = useI18n();
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <p>
        <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
          {t('mine.withdraw')}
        </button>
      </p>
    );
  return (
    <div className="notice" role="alertdialog" aria-labelledby="withdraw-q">
      <p id="withdraw-q">{t('mine.withdrawConfirm')}</p>
      <button
        type="button"
        className="button"
        onClick={() => void act(dossier.id, 'withdraw', lang, dossier.version, {}, []).then(onDone)}
      >
        {t('mine.withdrawYes')}
      </button>{' '}
      <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
        {t('mine.withdrawNo')}
      </button>
    </div>
  );
}

const ACTION_KEYS = new Set([
  'submit',
  'accept',
  'refuse',
  'request_supplement',
  'submit_supplement',
  'assign',
  'complete_step',
  'send_back',
  'transfer',
  'approve',
  'request_payment',
  'payment_received',
  'mark_processed',
  'sign_result',
  'return_result',
  'withdraw',
  'stop',
]);

function actionLabel(t: (key: MessageKey) => string, action: string): string {
  return ACTION_KEYS.has(action) ? t(`action.${action}` as MessageKey) : action;
}

const CONTACT = ['address', 'openingHours', 'phone', 'email'] as const;

/** The result: the e-result to download, or where it is collected, or the address it is posted to. */
function ResultSection({ dossier: d }: { dossier: DossierDetail }) {
  const { t } = useI18n();
  const results = d.files.filter((f) => f.kind === 'result');
  const counter = d.resultDelivery === 'counter';
  const id = encodeURIComponent(d.receivingAgencyId);
  const agency = useApi<Agency>(counter ? `/api/agencies/${id}` : null);
  // The desk under the receiving agency publishes where to go and when (kept by administrators).
  const desks = useApi<AgencyList>(counter ? `/api/agencies?parent=${id}&kind=one-stop-desk&limit=1` : null);
  const withDetails = (a: Agency | undefined) => (a && CONTACT.some((k) => a[k]) ? a : undefined);
  const contact =
    withDetails(desks.result.state === 'ready' ? desks.result.data.items[0] : undefined) ??
    withDetails(agency.result.state === 'ready' ? agency.result.data : undefined);
  return (
    <section aria-labelledby="result-title" className="panel">
      <h2 id="result-title">{t('result.title')}</h2>
      {results.length > 0 && (
        <ul className="plain-list">
          {results.map((f) => (
            <li key={f.id}>
              <a href={`/api/dossiers/${d.id}/files/${f.id}`} download={f.fileName}>
                {t('result.download')}: {f.fileName}
              </a>
              {f.signature && <SignedResult signature={f.signature} />}
            </li>
          ))}
        </ul>
      )}
      {d.resultDelivery === 'counter' && (
        <p>
          {t('result.collectAt')}{' '}
          <strong>{agency.result.state === 'ready' ? agency.result.data.name : d.receivingAgencyId}</strong>
          {' — '}
          {t('result.bring')}
        </p>
      )}
      {counter && contact && (
        <dl className="agency-details">
          {CONTACT.filter((k) => contact[k]).map((k) => (
            <div key={k}>
              <dt>{t(`result.${k}`)}</dt>
              <dd>
                {k === 'phone' ? (
                  <a href={`tel:${contact.phone!.replace(/[^0-9+]/g, '')}`}>{contact.phone}</a>
                ) : (
                  contact[k]
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {d.resultDelivery === 'post' && (
        <p>
          {t('result.posted')} <strong>{d.deliveryAddress}</strong>
        </p>
      )}
    </section>
  );
}

/** A signed e-result: who signed it and when, and its public verification address as a link and a QR. */
function SignedResult({ signature: s }: { signature: NonNullable<DossierFile['signature']> }) {
  const { t } = useI18n();
  const path = `/xac-thuc/${encodeURIComponent(s.resultCode)}`;
  return (
    <div className="signed-result">
      <p>
        {t('result.signed')} {s.signerName}, {formatDateTime(s.signedAt)}. {t('result.code')}{' '}
        <strong>{s.resultCode}</strong>.
      </p>
      <p>
        <a href={path}>{t('result.verify')}</a>
      </p>
      <img
        src={`/api/results/${encodeURIComponent(s.resultCode)}/qr.svg`}
        alt={`${t('result.qr')} ${s.resultCode}`}
        width={128}
        height={128}
      />
    </div>
  );
}
