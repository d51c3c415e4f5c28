import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/** A live countdown to the appointment: "2 ngày 3 giờ nữa" / "quá hạn 5 giờ", refreshed every minute. */
export function Countdown({ to }: { to: string }) {
  const { t } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const ms = new Date(to).getTime() - now;
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const parts = [days > 0 ? `${days} ${t('countdown.days')}` : '', `${hours} ${t('countdown.hours')}`].filter(Boolean);
  if (days === 0 && hours === 0) parts.splice(0, parts.length, `${minutes % 60} ${t('countdown.minutes')}`);
  const late = ms < 0;
  return (
    <span className={late ? 'countdown countdown-late' : 'countdown'}>
      {late ? `${t('countdown.late')} ${parts.join(' ')}` : `${t('countdown.left')} ${parts.join(' ')}`}
    </span>
  );
}
