/**
 * Decision 766/QĐ-TTg (2022) index configuration. Group maxima (18/20/22/22/18) and the sub-points marked
 * `confirmed` are from DOMAIN §7 [V/P]; every other figure is our assumption [U] and is meant to be edited
 * here (docs/reports.md lists them). Score of an indicator = points × min(1, rate / threshold).
 */
export interface IndicatorConfig {
  code: string;
  name: { vi: string; en: string };
  points: number;
  threshold: number;
  confirmed: boolean;
}

export const INDEX_766: readonly IndicatorConfig[] = [
  {
    code: '2.1',
    name: { vi: 'Tỷ lệ hồ sơ giải quyết trước và đúng hạn', en: 'Dossiers resolved early or on time' },
    points: 20,
    threshold: 1,
    confirmed: true,
  },
  {
    code: '3.1',
    name: { vi: 'Tỷ lệ hồ sơ được số hóa khi tiếp nhận', en: 'Dossiers digitised at reception' },
    points: 6,
    threshold: 0.8,
    confirmed: false,
  },
  {
    code: '3.3',
    name: { vi: 'Tỷ lệ tái sử dụng dữ liệu đã số hóa', en: 'Reuse of digitised data' },
    points: 5,
    threshold: 0.8,
    confirmed: false,
  },
  {
    code: '3.5',
    name: { vi: 'Tỷ lệ kết quả giải quyết được số hóa (kết quả điện tử)', en: 'Results issued electronically' },
    points: 6,
    threshold: 0.8,
    confirmed: false,
  },
  {
    code: '3.6',
    name: { vi: 'Tỷ lệ khai thác, sử dụng lại kết quả số hóa', en: 'Digitised results reused' },
    points: 5,
    threshold: 0.8,
    confirmed: false,
  },
  {
    code: '4.1',
    name: {
      vi: 'Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình',
      en: 'Procedures offered full-process online',
    },
    points: 6,
    threshold: 0.8,
    confirmed: false,
  },
  {
    code: '4.2',
    name: { vi: 'Tỷ lệ hồ sơ nộp trực tuyến', en: 'Dossiers submitted online' },
    points: 6,
    threshold: 0.5,
    confirmed: false,
  },
  {
    code: '4.3',
    name: { vi: 'Tỷ lệ hồ sơ thanh toán trực tuyến', en: 'Dossiers paid online' },
    points: 6,
    threshold: 0.3,
    confirmed: true,
  },
  {
    code: '5.4',
    name: { vi: 'Mức độ hài lòng trong tiếp nhận, giải quyết TTHC', en: 'Satisfaction with procedure handling' },
    points: 6,
    threshold: 0.9,
    confirmed: true,
  },
];

/** Rating bands on the share of the attainable points (DOMAIN §7). */
export const RATING_BANDS = [
  { min: 90, rating: 'excellent' },
  { min: 80, rating: 'good' },
  { min: 70, rating: 'fair' },
  { min: 50, rating: 'average' },
  { min: 0, rating: 'weak' },
] as const;
