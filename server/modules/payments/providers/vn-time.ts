// Gateways in Việt Nam write local time (UTC+7, no daylight saving) without a zone.
const OFFSET_MS = 7 * 3600_000;

/** `yyyyMMddHHmmss` in Asia/Ho_Chi_Minh (VNPAY vnp_CreateDate, vnp_PayDate). */
export function toVnCompact(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().replace(/\D/g, '').slice(0, 14);
}

/** Parses `yyyyMMddHHmmss` or `yyyy-MM-dd HH:mm:ss` written in Việt Nam time; undefined when malformed. */
export function parseVnTime(text: string | undefined): Date | undefined {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})[ T]?(\d{2}):?(\d{2}):?(\d{2})$/.exec(text ?? '');
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const at = new Date(Date.UTC(y, mo - 1, d, h, mi, s) - OFFSET_MS);
  return Number.isNaN(at.getTime()) ? undefined : at;
}
