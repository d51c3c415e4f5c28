import { crcHex } from './crc16.ts';
import { decodeTlv, encodeTlv, TlvError, type Tlv } from './tlv.ts';

/**
 * Our own encoder/decoder of the NAPAS VietQR payload (EMVCo merchant-presented QR, DOMAIN.md §6):
 * `00`=01, `01`=11 static / 12 dynamic, `38` {`00` GUID A000000727, `01` {`00` BIN, `01` account},
 * `02` QRIBFTTA | QRIBFTTC}, `53`=704, `54` amount, `58`=VN, `62` {`01` bill number, `08` purpose},
 * `63` CRC-16/CCITT-FALSE over everything up to and including `6304`. Pure: no I/O.
 */
export const NAPAS_GUID = 'A000000727';
export const VietQrService = ['QRIBFTTA', 'QRIBFTTC'] as const;
export type VietQrService = (typeof VietQrService)[number];

export interface VietQr {
  /** static (11): the payer types the amount; dynamic (12): one payment, amount and content set. */
  kind: 'static' | 'dynamic';
  /** NAPAS bank identification number (6 digits). */
  bankBin: string;
  /** Beneficiary account (QRIBFTTA) or card number (QRIBFTTC). */
  account: string;
  service: VietQrService;
  /** Integer đồng (VND has no minor unit in practice). */
  amount?: number | undefined;
  /** 62-01, ≤ 25 characters. */
  billNumber?: string | undefined;
  /** 62-08, ≤ 25 characters; banks copy it into the transfer content. */
  purpose?: string | undefined;
}

export const LIMITS = { account: 19, amountDigits: 13, billNumber: 25, purpose: 25 } as const;

export class VietQrError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = 'VietQrError';
    this.field = field;
  }
}

// EMVCo "ans": printable ASCII. Bank apps mangle anything else.
const ANS = /^[\x20-\x7e]*$/;

function validate(qr: VietQr): void {
  if (!/^\d{6}$/.test(qr.bankBin)) throw new VietQrError('bankBin', 'a bank BIN has 6 digits');
  if (!/^[A-Za-z0-9]{1,19}$/.test(qr.account))
    throw new VietQrError('account', 'an account has 1–19 letters or digits');
  if (!VietQrService.includes(qr.service)) throw new VietQrError('service', 'service is QRIBFTTA or QRIBFTTC');
  if (qr.amount !== undefined) {
    if (!Number.isSafeInteger(qr.amount) || qr.amount <= 0 || String(qr.amount).length > LIMITS.amountDigits)
      throw new VietQrError('amount', 'the amount is a positive whole number of đồng, at most 13 digits');
  }
  for (const key of ['billNumber', 'purpose'] as const) {
    const value = qr[key];
    if (value === undefined) continue;
    if (value.length === 0 || value.length > LIMITS[key] || !ANS.test(value))
      throw new VietQrError(key, `${key} has 1–25 printable ASCII characters`);
  }
}

export function encodeVietQr(qr: VietQr): string {
  validate(qr);
  const beneficiary = encodeTlv('00', qr.bankBin) + encodeTlv('01', qr.account);
  const merchant = encodeTlv('00', NAPAS_GUID) + encodeTlv('01', beneficiary) + encodeTlv('02', qr.service);
  let body =
    encodeTlv('00', '01') +
    encodeTlv('01', qr.kind === 'dynamic' ? '12' : '11') +
    encodeTlv('38', merchant) +
    encodeTlv('53', '704');
  if (qr.amount !== undefined) body += encodeTlv('54', String(qr.amount));
  body += encodeTlv('58', 'VN');
  const additional =
    (qr.billNumber !== undefined ? encodeTlv('01', qr.billNumber) : '') +
    (qr.purpose !== undefined ? encodeTlv('08', qr.purpose) : '');
  if (additional) body += encodeTlv('62', additional);
  body += '6304';
  return body + crcHex(body);
}

export type DecodeResult = { ok: true; value: VietQr } | { ok: false; error: VietQrError };

/** Decodes and checks a payload; never throws. Fields we do not use (59 name, 60 city…) are ignored. */
export function decodeVietQr(payload: string): DecodeResult {
  try {
    return { ok: true, value: decodeStrict(payload) };
  } catch (error) {
    if (error instanceof VietQrError) return { ok: false, error };
    if (error instanceof TlvError) return { ok: false, error: new VietQrError('payload', error.message) };
    throw error;
  }
}

function decodeStrict(payload: string): VietQr {
  // The CRC is checked first: a payload whose checksum fails is not trusted, whatever it says.
  if (!/^[\x20-\x7e]+$/.test(payload)) throw new VietQrError('payload', 'not printable ASCII');
  if (payload.length < 8 || payload.slice(-8, -4) !== '6304')
    throw new VietQrError('crc', 'the payload does not end with field 63 (length 04)');
  const expected = crcHex(payload.slice(0, -4));
  if (payload.slice(-4) !== expected) throw new VietQrError('crc', `CRC mismatch: expected ${expected}`);

  const fields = decodeTlv(payload);
  const root = new Map<string, string>();
  for (const f of fields) {
    if (root.has(f.id)) throw new VietQrError(`field ${f.id}`, 'field appears twice');
    root.set(f.id, f.value);
  }
  if (fields[0]?.id !== '00' || root.get('00') !== '01') throw new VietQrError('field 00', 'format indicator is 01');
  if (fields.at(-1)?.id !== '63') throw new VietQrError('field 63', 'the CRC is the last field');
  const method = root.get('01');
  if (method !== '11' && method !== '12') throw new VietQrError('field 01', 'initiation method is 11 or 12');
  if (root.get('53') !== '704') throw new VietQrError('field 53', 'currency is 704 (VND)');
  if (root.get('58') !== 'VN') throw new VietQrError('field 58', 'country is VN');

  const merchant = subFields(root.get('38'), 'field 38');
  if (merchant.get('00') !== NAPAS_GUID) throw new VietQrError('field 38-00', `GUID is ${NAPAS_GUID}`);
  const service = merchant.get('02');
  if (service !== 'QRIBFTTA' && service !== 'QRIBFTTC') throw new VietQrError('field 38-02', 'unknown service');
  const beneficiary = subFields(merchant.get('01'), 'field 38-01');

  const qr: VietQr = {
    kind: method === '12' ? 'dynamic' : 'static',
    bankBin: beneficiary.get('00') ?? '',
    account: beneficiary.get('01') ?? '',
    service,
  };
  const amount = root.get('54');
  if (amount !== undefined) {
    if (!/^[1-9]\d{0,12}$/.test(amount)) throw new VietQrError('field 54', 'amount is a whole number of đồng');
    qr.amount = Number(amount);
  }
  if (root.has('62')) {
    const additional = subFields(root.get('62'), 'field 62');
    if (additional.has('01')) qr.billNumber = additional.get('01');
    if (additional.has('08')) qr.purpose = additional.get('08');
  }
  validate(qr);
  return qr;
}

function subFields(value: string | undefined, name: string): Map<string, string> {
  if (value === undefined) throw new VietQrError(name, 'missing');
  const map = new Map<string, string>();
  for (const f of decodeTlv(value) satisfies Tlv[]) {
    if (map.has(f.id)) throw new VietQrError(`${name}-${f.id}`, 'field appears twice');
    map.set(f.id, f.value);
  }
  return map;
}

/**
 * Text a bank app will carry unchanged: Vietnamese folded to ASCII (đ → d, marks dropped),
 * anything else non-printable removed, clipped to `max` characters.
 */
export function toVietQrText(text: string, max = 25): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max)
    .trim();
}
