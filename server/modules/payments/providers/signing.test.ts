import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import { createPayosProvider } from './payos.ts';
import { hmacHex, payosSignedString, vnpaySignedString } from './signing.ts';
import { signVnpayParams, createVnpayProvider } from './vnpay.ts';

// Golden vector published by payOS: https://payos.vn/docs/tich-hop-webhook/kiem-tra-du-lieu-voi-signature
// (checksum key, webhook data and the signature they print for it).
const PAYOS_KEY = '1a54716c8f0efb2744fb28b6e38b25da7f67a925d98bc1c18bd8faaecadd7675';
const PAYOS_WEBHOOK = {
  code: '00',
  desc: 'success',
  success: true,
  data: {
    orderCode: 123,
    amount: 3000,
    description: 'VQRIO123',
    accountNumber: '12345678',
    reference: 'TF230204212323',
    transactionDateTime: '2023-02-04 18:25:00',
    currency: 'VND',
    paymentLinkId: '124c33293c43417ab7879e14c8d9eb18',
    code: '00',
    desc: 'Thành công',
    counterAccountBankId: '',
    counterAccountBankName: '',
    counterAccountName: '',
    counterAccountNumber: '',
    virtualAccountName: '',
    virtualAccountNumber: '',
  },
  signature: '412e915d2871504ed31be63c8f62a149a4410d34c4c42affc9006ef9917eaa03',
};

// The payment URL printed in VNPAY's integration guide
// (https://sandbox.vnpayment.vn/apis/docs/thanh-toan-pay/pay.html): its query string IS the hash data,
// so our canonical string must reproduce it exactly. VNPAY does not publish the demo secret, so the
// HMAC-SHA512 step itself is checked against RFC 4231 test case 2 below.
const VNPAY_DOC_QUERY =
  'vnp_Amount=1806000&vnp_Command=pay&vnp_CreateDate=20210801153333&vnp_CurrCode=VND&vnp_IpAddr=127.0.0.1&vnp_Locale=vn&vnp_OrderInfo=Thanh+toan+don+hang+%3A5&vnp_OrderType=other&vnp_ReturnUrl=https%3A%2F%2Fdomainmerchant.vn%2FReturnUrl&vnp_TmnCode=DEMOV210&vnp_TxnRef=5&vnp_Version=2.1.0';

const config = loadConfig({ PAYOS_CHECKSUM_KEY: PAYOS_KEY, VNPAY_TMN_CODE: 'DEMOV210', VNPAY_HASH_SECRET: 'secret' });

describe('payOS webhook signature', () => {
  it('reproduces the signature payOS publishes for its sample webhook', () => {
    expect(hmacHex('sha256', PAYOS_KEY, payosSignedString(PAYOS_WEBHOOK.data))).toBe(PAYOS_WEBHOOK.signature);
  });

  it('accepts the published sample and reads amount, order code and bank reference', () => {
    const v = createPayosProvider(config).verifyNotification({
      method: 'POST',
      query: {},
      rawBody: JSON.stringify(PAYOS_WEBHOOK),
      contentType: 'application/json',
    });
    expect(v).toMatchObject({
      ok: true,
      notification: { amount: 3000, orderCode: 123, providerTransactionId: 'TF230204212323', succeeded: true },
    });
    if (v.ok) expect(v.notification.paidAt?.toISOString()).toBe('2023-02-04T11:25:00.000Z');
  });

  it('rejects the sample once a single field is tampered with', () => {
    const tampered = { ...PAYOS_WEBHOOK, data: { ...PAYOS_WEBHOOK.data, amount: 300000 } };
    const v = createPayosProvider(config).verifyNotification({
      method: 'POST',
      query: {},
      rawBody: JSON.stringify(tampered),
      contentType: 'application/json',
    });
    expect(v).toMatchObject({ ok: false, reason: 'INVALID_SIGNATURE' });
  });
});

describe('VNPAY signature', () => {
  it('builds exactly the hash data of VNPAY’s documented payment URL', () => {
    const params = Object.fromEntries(new URLSearchParams(VNPAY_DOC_QUERY));
    expect(vnpaySignedString(params)).toBe(VNPAY_DOC_QUERY);
    // Order of arrival does not matter, vnp_SecureHash and empty values are left out.
    const shuffled = Object.fromEntries(Object.entries(params).reverse());
    expect(vnpaySignedString({ ...shuffled, vnp_SecureHash: 'x', vnp_BankCode: '' })).toBe(VNPAY_DOC_QUERY);
  });

  it('uses HMAC-SHA512 (RFC 4231 test case 2)', () => {
    expect(hmacHex('sha512', 'Jefe', 'what do ya want for nothing?')).toBe(
      '164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737',
    );
  });

  it('accepts a signed IPN and refuses it after one character changes', () => {
    const params: Record<string, string> = {
      vnp_Amount: '1806000',
      vnp_BankCode: 'NCB',
      vnp_OrderInfo: 'Le phi ho so',
      vnp_PayDate: '20231027093500',
      vnp_ResponseCode: '00',
      vnp_TmnCode: 'DEMOV210',
      vnp_TransactionNo: '14226112',
      vnp_TransactionStatus: '00',
      vnp_TxnRef: 'HS0123456789',
    };
    const provider = createVnpayProvider(config);
    const signed = { ...params, vnp_SecureHash: signVnpayParams(params, 'secret') };
    const ok = provider.verifyNotification({ method: 'GET', query: signed, rawBody: '', contentType: undefined });
    expect(ok).toMatchObject({ ok: true, notification: { amount: 18060, reference: 'HS0123456789', succeeded: true } });
    const bad = provider.verifyNotification({
      method: 'GET',
      query: { ...signed, vnp_Amount: '1806100' },
      rawBody: '',
      contentType: undefined,
    });
    expect(bad).toMatchObject({ ok: false, reason: 'INVALID_SIGNATURE' });
  });

  it('answers IPNs with VNPAY’s own codes and messages', () => {
    const provider = createVnpayProvider(config);
    const ack = (o: Parameters<typeof provider.acknowledge>[0]) => provider.acknowledge(o);
    expect(ack('CREDITED').body).toEqual({ RspCode: '00', Message: 'Confirm Success' });
    expect(ack('UNMATCHED').body).toEqual({ RspCode: '01', Message: 'Order not found' });
    expect(ack('REPLAY').body).toEqual({ RspCode: '02', Message: 'Order already confirmed' });
    expect(ack('AMOUNT_MISMATCH').body).toEqual({ RspCode: '04', Message: 'invalid amount' });
    expect(ack('INVALID_SIGNATURE').body).toEqual({ RspCode: '97', Message: 'Invalid signature' });
    expect(ack('ERROR').body).toEqual({ RspCode: '99', Message: 'Unknow error' });
  });
});
