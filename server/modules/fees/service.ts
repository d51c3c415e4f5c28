import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { getProcedureVersion } from '../catalogue/service.ts';
import { findDossier, getVisibleDossier, recordPaymentReceived } from '../dossiers/service.ts';
import type { Actor } from '../identity/policy.ts';
import {
  createPaymentIntent,
  findOpenPaymentIntent,
  getPaymentIntent,
  listPaymentIntentsOfSubject,
  onPaymentSucceeded,
  renderPaymentReceipt,
  toPaymentOffer,
} from '../payments/service.ts';
import type { FeePayments, PaymentOffer } from './schemas.ts';

/**
 * Fees of level-4 services paid online (Decree 43/2011 Art. 3(4)(d); DOMAIN §6): the bridge between a
 * dossier awaiting payment (status 6) and the payments core, which knows nothing of dossiers.
 */
const SUBJECT = 'dossier';
const AWAITING_PAYMENT = 6;

// A confirmed payment moves the dossier 6 → 4 inside the crediting transaction (payments/subjects.ts).
onPaymentSucceeded(SUBJECT, async (ctx, event) => {
  const dossier = await findDossier(ctx, event.intent.subject.id);
  if (!dossier) {
    // The payment itself is kept and reconciled; there is simply no dossier to move.
    ctx.log.warn({ paymentId: event.intent.id, subjectId: event.intent.subject.id }, 'payment for an unknown dossier');
    return;
  }
  const note = `Đã nộp ${event.intent.amount.toLocaleString('vi-VN')} đ (${event.intent.reference})`;
  await recordPaymentReceived(ctx, dossier.id, note);
});

export async function requestFeePayment(ctx: AppContext, actor: Actor, dossierId: string): Promise<PaymentOffer> {
  const dossier = await getVisibleDossier(ctx, actor, dossierId);
  if (dossier.applicant_account_id !== actor.id)
    throw new AppError('FORBIDDEN', {
      vi: 'Chỉ người nộp hồ sơ được thanh toán trực tuyến.',
      en: 'Only the applicant pays online.',
    });
  const version = await getProcedureVersion(ctx, dossier.procedure_version_id);
  // Decree 43/2011 Art. 3(4): a level-3 service takes the fee at the desk, never online.
  if (version.onlineLevel < 4)
    throw new AppError(
      'BAD_REQUEST',
      {
        vi: 'Thủ tục này ở mức độ 3: phí, lệ phí nộp trực tiếp tại bộ phận một cửa khi nhận kết quả, không thanh toán trực tuyến.',
        en: 'This is a level-3 service: the fee is paid at the one-stop desk when collecting the result, not online.',
      },
      [{ field: 'onlineLevel', value: version.onlineLevel, message: { vi: 'mức độ 3', en: 'level 3' } }],
    );
  if (dossier.status !== AWAITING_PAYMENT)
    throw new AppError(
      'INVALID_TRANSITION',
      {
        vi: 'Hồ sơ không ở trạng thái chờ thanh toán.',
        en: 'The dossier is not awaiting payment.',
      },
      [{ field: 'status', value: dossier.status, message: { vi: 'không chờ thanh toán', en: 'not awaiting payment' } }],
    );
  const online = version.channels.find((c) => c.channel === 'online') ?? version.channels[0];
  const feeLines = (online?.fees ?? [])
    .filter((f): f is typeof f & { amountVnd: number } => f.amountVnd !== null && f.amountVnd > 0)
    .map((f) => ({ label: { vi: f.label.slice(0, 200), en: f.label.slice(0, 200) }, amount: f.amountVnd }));
  if (feeLines.length === 0)
    throw new AppError('CONFLICT', {
      vi: 'Thủ tục này không có khoản phí cố định để thanh toán trực tuyến; vui lòng liên hệ bộ phận một cửa.',
      en: 'This procedure has no fixed fee to pay online; please contact the one-stop desk.',
    });
  const open = await findOpenPaymentIntent(ctx, SUBJECT, dossier.id);
  if (open) return toPaymentOffer(open);
  const intent = await createPaymentIntent(ctx, {
    subject: { type: SUBJECT, id: dossier.id, reference: dossier.code ?? dossier.id },
    feeLines,
    payer: {
      name: dossier.applicant.name,
      ...(dossier.applicant.idNumber ? { idNumber: dossier.applicant.idNumber } : {}),
    },
    referencePrefix: 'HS',
    purpose: `Le phi ${dossier.code ?? ''}`.trim(),
  });
  return toPaymentOffer(intent);
}

export async function listFeePayments(ctx: AppContext, actor: Actor, dossierId: string): Promise<FeePayments> {
  const dossier = await getVisibleDossier(ctx, actor, dossierId);
  const intents = await listPaymentIntentsOfSubject(ctx, SUBJECT, dossier.id);
  return {
    items: intents.map((i) => ({
      id: i.id,
      reference: i.reference,
      amount: i.amount,
      state: i.state,
      expiresAt: i.expiresAt,
      paidAt: i.paidAt,
    })),
  };
}

/** The e-receipt (biên lai điện tử) of a paid fee, for whoever may read the dossier. */
export async function feeReceipt(ctx: AppContext, actor: Actor, dossierId: string, paymentId: string): Promise<Buffer> {
  const dossier = await getVisibleDossier(ctx, actor, dossierId);
  const intent = await getPaymentIntent(ctx, paymentId);
  if (intent.subject.type !== SUBJECT || intent.subject.id !== dossier.id)
    throw new AppError('NOT_FOUND', {
      vi: 'Không có khoản thanh toán này cho hồ sơ.',
      en: 'No such payment for this dossier.',
    });
  return renderPaymentReceipt(ctx, paymentId, dossier.receiving_agency_id);
}
