/**
 * Format checks for Vietnamese identity numbers, phones and e-mail addresses (pure, no I/O).
 *
 * CCCD / personal identification number (Decree 137/2015/NĐ-CP Art. 7, Circular 07/2016/TT-BCA Art. 7):
 * 12 digits = 3-digit province code of the birth registration place + 1 digit century and sex
 * (0/1 → 19xx male/female, 2/3 → 20xx, 4/5 → 21xx, 6/7 → 22xx, 8/9 → 23xx) + 2 digits of the birth year +
 * 6 random digits. There is no check digit, so the check is the province code and a birth year not in the
 * future.
 */
const PROVINCE_CODES = new Set([
  '001',
  '002',
  '004',
  '006',
  '008',
  '010',
  '011',
  '012',
  '014',
  '015',
  '017',
  '019',
  '020',
  '022',
  '024',
  '025',
  '026',
  '027',
  '030',
  '031',
  '033',
  '034',
  '035',
  '036',
  '037',
  '038',
  '040',
  '042',
  '044',
  '045',
  '046',
  '048',
  '049',
  '051',
  '052',
  '054',
  '056',
  '058',
  '060',
  '062',
  '064',
  '066',
  '067',
  '068',
  '070',
  '072',
  '074',
  '075',
  '077',
  '079',
  '080',
  '082',
  '083',
  '084',
  '086',
  '087',
  '089',
  '091',
  '092',
  '093',
  '094',
  '095',
  '096',
]);

export type CccdProblem = 'format' | 'province' | 'birthYear';

/** Returns what is wrong with a CCCD number, or undefined when it passes. `today` is 'YYYY-MM-DD'. */
export function checkCccd(value: string, today?: string): CccdProblem | undefined {
  if (!/^\d{12}$/.test(value)) return 'format';
  if (!PROVINCE_CODES.has(value.slice(0, 3))) return 'province';
  const century = 1900 + Math.floor(Number(value[3]) / 2) * 100;
  const year = century + Number(value.slice(4, 6));
  if (today && year > Number(today.slice(0, 4))) return 'birthYear';
  return undefined;
}

/** Birth year encoded in a valid CCCD number. */
export function cccdBirthYear(value: string): number {
  return 1900 + Math.floor(Number(value[3]) / 2) * 100 + Number(value.slice(4, 6));
}

// Mobile numbers after the 2018 re-numbering (03x, 05x, 07x, 08x, 09x) and fixed lines 02xx (Circular
// 22/2014/TT-BTTTT as amended); +84 or 84 may replace the leading 0.
const PHONE = /^(?:0|\+?84)(?:[35789]\d{8}|2\d{9})$/;

export function isVietnamesePhone(value: string): boolean {
  return PHONE.test(value.replace(/[\s.-]/g, ''));
}

// Deliberately simple: one @, a dot in the domain, no spaces; the real check is the confirmation e-mail.
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,253}\.[^\s@.]{2,63}$/;

export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}
