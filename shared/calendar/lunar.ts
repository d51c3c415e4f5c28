// Vietnamese lunar calendar (âm lịch) by Hồ Ngọc Đức's published algorithm ("Âm lịch Việt Nam",
// amlich.js, after Jean Meeus, "Astronomical Algorithms"). Months start on the local day of the new
// moon and leap months follow the solar terms, both evaluated at UTC+7. This is why the result
// differs from the Chinese calendar (UTC+8) in some years, e.g. Tết 1985 and 2007.
// Only lunar → solar conversion is needed here: Tết (mùng 1 tháng Giêng) and Giỗ Tổ (10/3 âm lịch).

const VN_TIME_ZONE_HOURS = 7;
/** Julian Day Number of 1970-01-01; epoch days = JDN − this. */
const JDN_UNIX_EPOCH = 2440588;
const SYNODIC_MONTH = 29.530588853;
const JDN_NEW_MOON_1900 = 2415021.076998695;

function jdnFromCivil(day: number, month: number, year: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return (
    day +
    Math.floor((153 * m + 2) / 5) +
    365 * y +
    Math.floor(y / 4) -
    Math.floor(y / 100) +
    Math.floor(y / 400) -
    32045
  );
}

/** Julian day (fractional, UT) of the k-th new moon after 1900-01-01 (Meeus ch. 49, short series). */
function newMoonJd(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = Math.PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr);
  c1 = c1 - 0.0004 * Math.sin(dr * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** Apparent solar longitude in radians, normalised to [0, 2π). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const dr = Math.PI / 180;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M);
  DL = DL + (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M);
  const L = (L0 + DL) * dr;
  return L - Math.PI * 2 * Math.floor(L / (Math.PI * 2));
}

/** Index (0–11) of the 30° solar-term sector at local midnight starting the given day. */
function sunSector(dayJdn: number): number {
  return Math.floor((sunLongitude(dayJdn - 0.5 - VN_TIME_ZONE_HOURS / 24) / Math.PI) * 6);
}

function newMoonDay(k: number): number {
  return Math.floor(newMoonJd(k) + 0.5 + VN_TIME_ZONE_HOURS / 24);
}

/** JDN of the first day of lunar month 11 (the month containing the winter solstice) of a year. */
function lunarMonth11(year: number): number {
  const off = jdnFromCivil(31, 12, year) - 2415021;
  const k = Math.floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k);
  return sunSector(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

/** Offset (in months after month 11) of the leap month: the first month without a major solar term. */
function leapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - JDN_NEW_MOON_1900) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

/**
 * Solar date (as days since 1970-01-01) of a Vietnamese lunar date. Returns undefined for a leap month
 * that the lunar year does not have.
 */
export function lunarToEpochDay(
  lunarDay: number,
  lunarMonth: number,
  lunarYear: number,
  isLeapMonth = false,
): number | undefined {
  const a11 = lunarMonth < 11 ? lunarMonth11(lunarYear - 1) : lunarMonth11(lunarYear);
  const b11 = lunarMonth < 11 ? lunarMonth11(lunarYear) : lunarMonth11(lunarYear + 1);
  const k = Math.floor(0.5 + (a11 - JDN_NEW_MOON_1900) / SYNODIC_MONTH);
  let off = lunarMonth - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (isLeapMonth && lunarMonth !== leapMonth) return undefined;
    if (isLeapMonth || off >= leapOff) off += 1;
  } else if (isLeapMonth) {
    return undefined;
  }
  return newMoonDay(k + off) + lunarDay - 1 - JDN_UNIX_EPOCH;
}

/** Mùng 1 tháng Giêng (Tết Nguyên đán) of the lunar year that starts in the given solar year. */
export function tetEpochDay(solarYear: number): number {
  const day = lunarToEpochDay(1, 1, solarYear);
  if (day === undefined) throw new Error('unreachable: month 1 is never missing');
  return day;
}

/** Giỗ Tổ Hùng Vương, 10/3 âm lịch (the regular month 3, never a leap 3). */
export function hungKingsEpochDay(solarYear: number): number {
  const day = lunarToEpochDay(10, 3, solarYear);
  if (day === undefined) throw new Error('unreachable: month 3 is never missing');
  return day;
}
