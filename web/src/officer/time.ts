import type { Language } from '../i18n/i18n.tsx';

/** "3 ngày 2 giờ" / "3 d 2 h": a span for people, coarse enough to read at a glance. */
export function spanText(ms: number, lang: Language): string {
  const minutes = Math.max(0, Math.round(Math.abs(ms) / 60_000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const [dl, hl, ml] = lang === 'vi' ? [' ngày', ' giờ', ' phút'] : [' d', ' h', ' min'];
  if (d > 0) return `${d}${dl}${h > 0 ? ` ${h}${hl}` : ''}`;
  if (h > 0) return `${h}${hl}${m > 0 ? ` ${m}${ml}` : ''}`;
  return `${m}${ml}`;
}

/** Due within two days counts as "due soon" (the desk's early warning, DOMAIN §4 lateness). */
export const DUE_SOON_MS = 2 * 86_400_000;

export type Urgency = 'overdue' | 'soon' | 'ok' | 'none';
export function urgencyOf(dueAt: string | null, now: number): Urgency {
  if (!dueAt) return 'none';
  const left = new Date(dueAt).getTime() - now;
  if (left < 0) return 'overdue';
  return left < DUE_SOON_MS ? 'soon' : 'ok';
}
