import type { Locale } from '../tables.ts';

const VN_OFFSET_MS = 7 * 3_600_000;

/** "09:32 03/11/2023" in Hanoi time (UTC+7, no DST), whatever the server's time zone. */
export function formatVnDateTime(iso: string): string {
  const local = new Date(new Date(iso).getTime() + VN_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())} ${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
}

export function formatWhen(iso: string, locale: Locale): string {
  return locale === 'vi' ? formatVnDateTime(iso) : `${formatVnDateTime(iso)} (Hanoi time)`;
}

export function formatVnd(amount: number, locale: Locale): string {
  const digits = Math.round(amount)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return locale === 'vi' ? `${digits} đồng` : `VND ${digits}`;
}

// One implementation for the server's SMS and the officer workspace's preview.
export { foldDiacritics } from '../../../../shared/notifications/message-text.ts';
