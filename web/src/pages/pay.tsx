import { useEffect, useState } from 'react';
import { apiGet } from '../api.ts';
import { apiSend } from '../api-send.ts';
import { LoadError } from '../components/layout.tsx';
import { formatDateTime, formatMoney } from '../format.ts';
import { useI18n } from '../i18n/i18n.tsx';

interface Offer {
  id: string;
  amount: number;
  expiresAt: string;
  vietqr: { payload: string; svg: string };
}
interface Payments {
  items: Array<{ id: string; state: string; amount: number; paidAt: string | null }>;
}

/**
 * Level 4: pay the fee by scanning a VietQR with any banking app. The QR only asks for a transfer; the
 * page shows "paid" when the bank's signed notification has reached the server (polled every 3 s).
 */
export function PayFee({ dossierId, onPaid }: { dossierId: string; onPaid: () => void }) {
  const { t, lang } = useI18n();
  const [offer, setOffer] = useState<Offer | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [paid, setPaid] = useState<Payments['items'][number] | null>(null);

  useEffect(() => {
    apiSend<Offer>('POST', `/api/dossiers/${dossierId}/payments`, lang).then(setOffer, (e: unknown) =>
      setError(e as Error),
    );
  }, [dossierId, lang]);

  useEffect(() => {
    if (!offer || paid) return;
    const timer = setInterval(() => {
      apiGet<Payments>(`/api/dossiers/${dossierId}/payments`, lang).then(
        (p) => {
          const done = p.items.find((i) => i.id === offer.id && i.state === 'SUCCEEDED');
          if (done) {
            setPaid(done);
            onPaid();
          }
        },
        () => undefined,
      );
    }, 3000);
    return () => clearInterval(timer);
  }, [offer, paid, dossierId, lang, onPaid]);

  return (
    <section aria-labelledby="pay-title" className="panel">
      <h2 id="pay-title">{t('pay.title')}</h2>
      {error && (
        <p role="alert" className="notice notice-error">
          {error.message}
        </p>
      )}
      {!error && !offer && <p>{t('common.loading')}</p>}
      {offer && !paid && (
        <>
          <p>
            {t('pay.amount')}: <strong>{formatMoney(offer.amount)}</strong>
          </p>
          <p>{t('pay.scan')}</p>
          {/* The SVG is drawn by our own server from the VietQR payload (server/modules/payments/qr-image.ts). */}
          <div
            className="vietqr"
            role="img"
            aria-label={t('pay.qrLabel')}
            dangerouslySetInnerHTML={{ __html: offer.vietqr.svg }}
          />
          <p className="hint">
            {t('pay.expires')} {formatDateTime(offer.expiresAt)}
          </p>
          <p aria-live="polite">{t('pay.waiting')}</p>
        </>
      )}
      {paid && (
        <div role="status">
          <p className="notice">
            <strong>{t('pay.paid')}</strong> {formatMoney(paid.amount)}
            {paid.paidAt && ` — ${formatDateTime(paid.paidAt)}`}
          </p>
          <p>
            <a href={`/api/dossiers/${dossierId}/payments/${paid.id}/receipt.pdf`} download>
              {t('pay.receipt')}
            </a>
          </p>
        </div>
      )}
    </section>
  );
}

/** Receipts of fees already paid, for the dossier page after the payment. */
export function PaidFees({ dossierId }: { dossierId: string }) {
  const { t, lang } = useI18n();
  const [items, setItems] = useState<Payments['items'] | null>(null);
  const [error, setError] = useState(false);
  useEffect(() => {
    apiGet<Payments>(`/api/dossiers/${dossierId}/payments`, lang).then(
      (p) => setItems(p.items.filter((i) => i.state === 'SUCCEEDED')),
      () => setError(true),
    );
  }, [dossierId, lang]);
  if (error) return <LoadError onRetry={() => setError(false)} />;
  if (!items || items.length === 0) return null;
  return (
    <ul className="plain-list" role="status">
      {items.map((i) => (
        <li key={i.id}>
          {t('pay.paid')} {formatMoney(i.amount)} ·{' '}
          <a href={`/api/dossiers/${dossierId}/payments/${i.id}/receipt.pdf`} download>
            {t('pay.receipt')}
          </a>
        </li>
      ))}
    </ul>
  );
}
