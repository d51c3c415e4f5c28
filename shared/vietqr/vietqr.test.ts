import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { QRPay } from 'vietnam-qr-pay';
import { describe, expect, it } from 'vitest';
import { crc16CcittFalse } from './crc16.ts';
import { decodeVietQr, encodeVietQr, toVietQrText, VietQrService, type VietQr } from './vietqr.ts';

interface Example {
  id: string;
  kind: 'static' | 'dynamic';
  payload: string;
  crc: string;
  bankBin: string;
  account: string;
  amount: string | null;
  billNumber?: string;
  purpose: string | null;
  service?: string;
}
const data = JSON.parse(readFileSync(new URL('../../reference/vietqr-banks.json', import.meta.url), 'utf8')) as {
  examples: Example[];
  negativeExamples: { id: string; payload: string }[];
};

function expected(e: Example): VietQr {
  return {
    kind: e.kind,
    bankBin: e.bankBin,
    account: e.account,
    service: (e.service ?? 'QRIBFTTA') as VietQr['service'],
    ...(e.amount ? { amount: Number(e.amount) } : {}),
    ...(e.billNumber ? { billNumber: e.billNumber } : {}),
    ...(e.purpose ? { purpose: e.purpose } : {}),
  };
}

const printable = fc.string({
  unit: fc.constantFrom(...' ABCXYZabcxyz0123456789-./:'.split('')),
  minLength: 1,
  maxLength: 25,
});
const anyQr: fc.Arbitrary<VietQr> = fc.record(
  {
    kind: fc.constantFrom('static' as const, 'dynamic' as const),
    bankBin: fc.stringMatching(/^\d{6}$/),
    account: fc.stringMatching(/^[A-Za-z0-9]{1,19}$/),
    service: fc.constantFrom(...VietQrService),
    amount: fc.integer({ min: 1, max: 9_999_999_999_999 }),
    billNumber: printable,
    purpose: printable,
  },
  { requiredKeys: ['kind', 'bankBin', 'account', 'service'] },
);

describe('VietQR encoder/decoder', () => {
  it('has the CRC-16/CCITT-FALSE check value 0x29B1 for "123456789"', () => {
    expect(crc16CcittFalse('123456789')).toBe(0x29b1);
  });

  it.each(data.examples.map((e) => [e.id, e] as const))('encodes the published example %s byte for byte', (_id, e) => {
    expect(encodeVietQr(expected(e))).toBe(e.payload);
    expect(e.payload.slice(-4)).toBe(e.crc);
  });

  it.each(data.examples.map((e) => [e.id, e] as const))('decodes the published example %s', (_id, e) => {
    expect(decodeVietQr(e.payload)).toEqual({ ok: true, value: expected(e) });
  });

  it.each(data.negativeExamples.map((e) => [e.id, e.payload] as const))('rejects the negative example %s', (_id, p) => {
    const result = decodeVietQr(p);
    expect(result.ok).toBe(false);
  });

  it('refuses a payload whose structure is wrong even when its CRC is right', () => {
    const body = '000201010213'; // initiation method 13 does not exist
    const result = decodeVietQr(
      `${body}6304${crc16CcittFalse(`${body}6304`).toString(16).toUpperCase().padStart(4, '0')}`,
    );
    expect(result.ok).toBe(false);
  });

  it('refuses values the spec cannot carry (bill number over 25, bad BIN, zero amount)', () => {
    const base = expected(data.examples[1]!);
    expect(() => encodeVietQr({ ...base, billNumber: 'X'.repeat(26) })).toThrow(/billNumber/);
    expect(() => encodeVietQr({ ...base, bankBin: '97041' })).toThrow(/BIN/);
    expect(() => encodeVietQr({ ...base, amount: 0 })).toThrow(/amount/);
    expect(() => encodeVietQr({ ...base, purpose: 'Lệ phí' })).toThrow(/purpose/);
  });

  it('folds Vietnamese text to what a bank app carries', () => {
    expect(toVietQrText('Lệ phí hồ sơ Đống Đa 000.00.12')).toBe('Le phi ho so Dong Da 000.');
  });

  it('round-trips: decode(encode(x)) = x', () => {
    fc.assert(
      fc.property(anyQr, (qr) => {
        expect(decodeVietQr(encodeVietQr(qr))).toEqual({ ok: true, value: qr });
      }),
    );
  });

  it('fails the CRC on any single-character corruption', () => {
    fc.assert(
      fc.property(anyQr, fc.nat(), fc.integer({ min: 0x20, max: 0x7e }), (qr, at, code) => {
        const payload = encodeVietQr(qr);
        const i = at % payload.length;
        fc.pre(payload.charCodeAt(i) !== code);
        const corrupted = payload.slice(0, i) + String.fromCharCode(code) + payload.slice(i + 1);
        expect(decodeVietQr(corrupted).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  describe('against the independent vietnam-qr-pay package', () => {
    it('parses what we encode to the same fields', () => {
      fc.assert(
        fc.property(anyQr, (qr) => {
          const theirs = new QRPay(encodeVietQr(qr));
          expect(theirs.isValid).toBe(true);
          expect(theirs.consumer.bankBin).toBe(qr.bankBin);
          expect(theirs.consumer.bankNumber).toBe(qr.account);
          expect(theirs.amount).toBe(qr.amount === undefined ? undefined : String(qr.amount));
          expect(theirs.additionalData.purpose).toBe(qr.purpose);
          expect(theirs.additionalData.billNumber).toBe(qr.billNumber);
        }),
      );
    });

    it('builds payloads that we decode to the same fields', () => {
      fc.assert(
        fc.property(anyQr, (qr) => {
          const theirs = QRPay.initVietQR({
            bankBin: qr.bankBin,
            bankNumber: qr.account,
            service: qr.service as never,
            ...(qr.amount !== undefined ? { amount: String(qr.amount) } : {}),
            ...(qr.purpose !== undefined ? { purpose: qr.purpose } : {}),
          });
          const decoded = decodeVietQr(theirs.build());
          expect(decoded.ok).toBe(true);
          if (!decoded.ok) return;
          expect(decoded.value.bankBin).toBe(qr.bankBin);
          expect(decoded.value.account).toBe(qr.account);
          expect(decoded.value.amount).toBe(qr.amount);
          expect(decoded.value.purpose).toBe(qr.purpose);
        }),
      );
    });
  });
});
