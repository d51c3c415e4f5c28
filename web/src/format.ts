/** Vietnamese conventions for people: dates dd/mm/yyyy, money 1.000.000 đ, times hh:mm, all in Hanoi time. */
const HANOI = 'Asia/Ho_Chi_Minh';

export function formatMoney(amountVnd: number): string {
  return `${new Intl.NumberFormat('vi-VN').format(amountVnd)} đ`;
}

export function formatDate(value: string | Date): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${y}`;
  }
  return new Intl.DateTimeFormat('vi-VN', {
    timeZone: HANOI,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(value));
}

export function formatDateTime(value: string | Date): string {
  const date = new Date(value);
  const time = new Intl.DateTimeFormat('vi-VN', {
    timeZone: HANOI,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
  return `${time} ${formatDate(date)}`;
}
