import { createHmac, timingSafeEqual } from 'node:crypto';

/** Constant-time comparison of two hex signatures (case-insensitive, as gateways vary in case). */
export function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a.toLowerCase(), 'utf8');
  const y = Buffer.from(b.toLowerCase(), 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

export function hmacHex(algorithm: 'sha256' | 'sha512', key: string, data: string): string {
  return createHmac(algorithm, key).update(data, 'utf8').digest('hex');
}

/**
 * payOS webhook/checksum string (payos.vn/docs/tich-hop-webhook/kiem-tra-du-lieu-voi-signature):
 * the `data` object's keys sorted alphabetically, `key=value` joined with `&`; null, undefined and
 * the strings "null"/"undefined" become ""; arrays are JSON of their elements with sorted keys.
 */
export function payosSignedString(data: Record<string, unknown>): string {
  return Object.keys(data)
    .sort()
    .map((key) => `${key}=${payosValue(data[key])}`)
    .join('&');
}

function payosValue(value: unknown): string {
  if (value === null || value === undefined || value === 'null' || value === 'undefined') return '';
  if (Array.isArray(value)) return JSON.stringify(value.map((e: unknown) => (isRecord(e) ? sortKeys(e) : e)));
  if (isRecord(value)) return JSON.stringify(sortKeys(value));
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function sortKeys(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, o[k]]),
  );
}

/**
 * VNPAY 2.1.0 hash data (sandbox.vnpayment.vn/apis/docs/thanh-toan-pay/pay.html): every vnp_*
 * parameter except vnp_SecureHash/vnp_SecureHashType, with a non-empty value, sorted by name,
 * `urlencode(key)=urlencode(value)` joined with `&`, where urlencode is PHP's (space → "+").
 */
export function vnpaySignedString(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((k) => k.startsWith('vnp_') && k !== 'vnp_SecureHash' && k !== 'vnp_SecureHashType')
    .filter((k) => params[k] !== undefined && params[k] !== '')
    .sort()
    .map((k) => `${phpUrlEncode(k)}=${phpUrlEncode(params[k] ?? '')}`)
    .join('&');
}

/** PHP urlencode(): like encodeURIComponent but also encodes !'()* and writes spaces as "+". */
export function phpUrlEncode(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}
