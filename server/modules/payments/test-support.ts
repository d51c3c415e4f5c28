import type { AppContext } from '../../context.ts';
import { hmacHex, payosSignedString } from './providers/signing.ts';
import { signVnpayParams } from './providers/vnpay.ts';
import type { CreatePaymentIntentInput, PaymentIntent } from './schemas.ts';
import { createPaymentIntent } from './service.ts';

/** Factories for payment tests (not loaded by the product). */
export const TEST_KEYS = {
  PAYOS_CHECKSUM_KEY: 'test-payos-checksum-key',
  VNPAY_TMN_CODE: 'MOTCUA01',
  VNPAY_HASH_SECRET: 'TESTVNPAYSECRETKEY0123456789ABCD',
};

let counter = 0;

export async function createTestIntent(
  ctx: AppContext,
  overrides: Partial<CreatePaymentIntentInput> = {},
): Promise<PaymentIntent> {
  counter++;
  return createPaymentIntent(ctx, {
    subject: {
      type: 'dossier',
      id: `d-${counter}`,
      reference: `000.00.12.H26-231027-${String(counter).padStart(4, '0')}`,
    },
    feeLines: [
      { code: 'LEPHI', label: { vi: 'Lệ phí cấp bản sao', en: 'Copy fee' }, amount: 800_000 },
      { code: 'PHI', label: { vi: 'Phí thẩm định', en: 'Appraisal charge' }, amount: 200_000 },
    ],
    payer: { name: 'Nguyễn Thị Hồng Nhung', idNumber: '001190012345' },
    referencePrefix: 'HS',
    ...overrides,
  });
}

/** A payOS-style webhook body, signed with the test key unless told otherwise. */
export function payosWebhook(
  data: { orderCode: number; amount: number; reference: string; description?: string; transactionDateTime?: string },
  key = TEST_KEYS.PAYOS_CHECKSUM_KEY,
): string {
  const full = {
    accountNumber: '113000123456',
    currency: 'VND',
    paymentLinkId: `link${data.reference}`,
    code: '00',
    desc: 'Thành công',
    counterAccountBankId: '',
    counterAccountBankName: '',
    counterAccountName: '',
    counterAccountNumber: '',
    virtualAccountName: '',
    virtualAccountNumber: '',
    description: data.description ?? `CK ${data.orderCode}`,
    transactionDateTime: data.transactionDateTime ?? '2023-10-27 09:35:00',
    ...data,
  };
  return JSON.stringify({
    code: '00',
    desc: 'success',
    success: true,
    data: full,
    signature: hmacHex('sha256', key, payosSignedString(full)),
  });
}

/** A VNPAY IPN query string, signed with the test secret unless told otherwise. */
export function vnpayIpn(
  p: { reference: string; amount: number; transactionNo: string; responseCode?: string; payDate?: string },
  secret = TEST_KEYS.VNPAY_HASH_SECRET,
): string {
  const params: Record<string, string> = {
    vnp_Amount: String(p.amount * 100),
    vnp_BankCode: 'NCB',
    vnp_BankTranNo: `VNP${p.transactionNo}`,
    vnp_CardType: 'ATM',
    vnp_OrderInfo: `Thanh toan ${p.reference}`,
    vnp_PayDate: p.payDate ?? '20231027093500',
    vnp_ResponseCode: p.responseCode ?? '00',
    vnp_TmnCode: TEST_KEYS.VNPAY_TMN_CODE,
    vnp_TransactionNo: p.transactionNo,
    vnp_TransactionStatus: p.responseCode ?? '00',
    vnp_TxnRef: p.reference,
  };
  const query = new URLSearchParams({ ...params, vnp_SecureHash: signVnpayParams(params, secret) });
  return query.toString();
}
