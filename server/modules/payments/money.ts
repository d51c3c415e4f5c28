import { doReadNumber, ReadingConfig } from 'read-vietnamese-number';

/** `1.000.000 đ`: Vietnamese groups thousands with dots (TCVN 7217 style used on official receipts). */
export function formatDong(amount: number): string {
  return `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;
}

/** `Một triệu đồng`: the amount in words, as a receipt states it next to the figures. */
export function dongInWords(amount: number): string {
  const config = new ReadingConfig();
  config.unit = ['đồng'];
  const words = doReadNumber(String(amount), config);
  return words.charAt(0).toUpperCase() + words.slice(1);
}
