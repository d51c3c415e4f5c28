import type { AppContext } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import { enqueueNotification } from '../notifications/service.ts';
import type { DossierRow } from './repository.ts';
import type { ActionName, DossierState } from './workflow.ts';

const PLACE = { counter: 'Bộ phận Một cửa', post: 'Bưu chính công ích', online: 'Cổng dịch vụ công' } as const;

/**
 * Tells the applicant what just happened, in the same transaction as the action (outbox): accepted with
 * form 01 (Decree 61/2018 Art. 17(1)), supplement requested with form 02 (Art. 17(2)(a)), refused with
 * form 03, result ready and returned (Art. 20). Delivery failures never roll the action back.
 */
export async function notifyApplicant(
  ctx: AppContext,
  trx: Database,
  row: DossierRow,
  action: ActionName,
  next: DossierState,
  procedureName: string,
  reason: string | undefined,
): Promise<void> {
  const base = ctx.config.PUBLIC_URL.replace(/\/$/, '');
  const form = (n: string) => `${base}/api/dossiers/${row.id}/forms/${n}.pdf`;
  const code = next.code ?? `HS-${row.id.slice(0, 8)}`;
  const trackingUrl = `${base}/tra-cuu/${encodeURIComponent(code)}`;
  const recipient = { accountId: row.applicant_account_id, email: row.applicant.email, phone: row.applicant.phone };
  const common = { eventKey: `${action}:${row.id}:${row.version + 1}`, recipient, now: ctx.clock.now() };
  switch (action) {
    case 'accept':
      await enqueueNotification(trx, {
        ...common,
        template: 'dossier.accepted',
        params: { dossierCode: code, procedureName, appointmentAt: next.dueAt!, receiptUrl: form('01') },
      });
      return;
    case 'request_supplement':
      await enqueueNotification(trx, {
        ...common,
        template: 'dossier.supplement_requested',
        params: {
          dossierCode: code,
          items: next.supplement?.items.map((i) => `${i.name} (${i.count})`) ?? [],
          noticeUrl: form('02'),
        },
      });
      return;
    case 'refuse':
      await enqueueNotification(trx, {
        ...common,
        template: 'dossier.refused',
        params: { dossierCode: code, reason: reason ?? '', noticeUrl: form('03') },
      });
      return;
    case 'mark_processed':
      await enqueueNotification(trx, {
        ...common,
        template: 'dossier.result_ready',
        params: { dossierCode: code, returnPlace: PLACE[row.result_delivery], trackingUrl },
      });
      return;
    case 'return_result':
      await enqueueNotification(trx, {
        ...common,
        template: 'dossier.result_returned',
        params: { dossierCode: code, trackingUrl },
      });
      return;
    // The other actions concern officers; payments (issue 8) announces its own payment requests.
    case 'submit':
    case 'submit_supplement':
    case 'assign':
    case 'complete_step':
    case 'send_back':
    case 'transfer':
    case 'approve':
    case 'request_payment':
    case 'payment_received':
    case 'sign_result': // the applicant hears at return; the verification address is on the portal
    case 'withdraw':
    case 'stop':
      return;
  }
}
