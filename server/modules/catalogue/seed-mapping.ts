import type {
  ChannelLine,
  Component,
  OnlineLevel,
  ProcedureVersionData,
  Tier,
  TimeLimit,
  WorkflowStep,
} from '../../../shared/schemas/procedure.ts';

/** One record of reference/procedures-sample.json (dichvucong.gov.vn, see reference/SOURCES.md). */
export interface SampleProcedure {
  code: string;
  name: string;
  field: string;
  levelsCurrent: string[];
  channels: Array<{
    channel: 'online' | 'postal' | 'in_person';
    timeText: string | null;
    timeValue: number | null;
    timeUnit: string | null;
    feeText: string | null;
    feeVnd: number | null;
    feeSetByProvincialCouncil: boolean;
    feeNote: string | null;
  }>;
  onlineService: string | null;
  documents: Array<{ name: string; quantity: string; group?: string }>;
  documentNotes: string[];
  resultDocument: string | null;
  announcedBy: string | null;
  context2018?: {
    level?: string | null;
    agency?: string | null;
    legalTime?: string | null;
    legalBasis?: string | null;
  };
}

// context2018.agency text → key of the city body that handled it in 2018 (reference/hanoi-agencies-2018.json).
const CITY_AGENCIES: Array<[RegExp, string]> = [
  [/Kế hoạch và Đầu tư|KH&ĐT/, 'hn.so-ke-hoach-dau-tu'],
  [/Sở Xây dựng/, 'hn.so-xay-dung'],
  [/Sở Giao thông/, 'hn.so-giao-thong-van-tai'],
  [/đăng ký đất đai/i, 'hn.van-phong-dang-ky-dat-dai'],
  [/Công an|xuất nhập cảnh/, 'hn.nganh-doc.cong-an'],
  [/Sở Tư pháp/, 'hn.so-tu-phap'],
];

// The district division (Decree 37/2014 Art. 7) that handled a district-tier procedure.
const DISTRICT_DIVISIONS: Array<[RegExp, string]> = [
  [/Tư pháp/, 'tu-phap'],
  [/Tài chính - Kế hoạch/, 'tai-chinh-ke-hoach'],
  [/Quản lý đô thị/, 'quan-ly-do-thi'],
  [/đất đai/i, 'tai-nguyen-moi-truong'],
];

// Sectors whose act needs the applicant in person, so they cannot be full-process online in 2018:
// certification is signed or compared before the officer (Decree 23/2015 Art. 20, 24), ID cards take
// biometrics (Law 59/2014 Art. 22), adoption and nationality involve interviews and hearings.
const PRESENCE_SECTORS = ['Chứng thực', 'Cấp, quản lý căn cước', 'Nuôi con nuôi', 'Quốc tịch', 'Định danh'];

/**
 * The online-level rule (docs/catalogue.md): level 4 (full-process) when the portal lists an online
 * channel, the name does not say "một phần" (partial), the sector needs no presence, and every fee line
 * has a fixed amount (so it can be paid online; amounts set by the People's Council were not fixed in
 * the national data). Otherwise level 3 (partial: submit online, pay and collect in person).
 */
export function onlineLevelOf(p: SampleProcedure): OnlineLevel {
  const online = p.channels.some((c) => c.channel === 'online');
  const partial = p.onlineService === 'mot_phan' || /một phần/i.test(p.name);
  const presence = PRESENCE_SECTORS.some((s) => p.field.startsWith(s));
  const fixedFees = p.channels.every((c) => c.feeVnd !== null && !c.feeSetByProvincialCouncil);
  return online && !partial && !presence && fixedFees ? 4 : 3;
}

export function tiersOf(p: SampleProcedure): Tier[] {
  const level = p.context2018?.level;
  if (level === 'commune' || level === 'district' || level === 'city') return [level];
  return p.levelsCurrent.includes('commune') ? ['commune'] : ['city'];
}

export function cityAgencyKey(p: SampleProcedure): string | undefined {
  const text = `${p.context2018?.agency ?? ''} ${p.field}`;
  return (
    CITY_AGENCIES.find(([re]) => re.test(text))?.[1] ??
    (/Hộ tịch|Lý lịch|Quốc tịch|Nuôi con/.test(p.field) ? 'hn.so-tu-phap' : undefined)
  );
}

export function divisionOf(p: SampleProcedure): string | null {
  const text = p.context2018?.agency ?? '';
  return DISTRICT_DIVISIONS.find(([re]) => re.test(text))?.[1] ?? null;
}

const UNIT: Record<string, TimeLimit['unit']> = {
  'Ngày làm việc': 'workingDays',
  Ngày: 'calendarDays',
  Giờ: 'workingHours',
};

/**
 * The statutory limit of 2018 from context2018.legalTime: "N ngày làm việc" → working days, "N ngày" →
 * calendar days, "trong ngày" (same day) → 1 working day; when 2018 gives none, the portal's in-person
 * time (a bare number is read as working days).
 */
export function timeLimitOf(p: SampleProcedure): TimeLimit {
  const text = p.context2018?.legalTime ?? '';
  if (/^(Ngay|Trong ngày|trong ngày)/.test(text)) return { value: 1, unit: 'workingDays' };
  const days = /(\d+)\s*ngày( làm việc)?/.exec(text);
  if (days) return { value: Number(days[1]), unit: days[2] ? 'workingDays' : 'calendarDays' };
  const channel =
    p.channels.find((c) => c.channel === 'in_person' && c.timeValue) ?? p.channels.find((c) => c.timeValue);
  if (channel?.timeValue) return { value: channel.timeValue, unit: UNIT[channel.timeUnit ?? ''] ?? 'workingDays' };
  return { value: 1, unit: 'workingDays' };
}

/** The portal's channel rows; a channel listed twice (two fee rows) becomes one channel with two fee lines. */
function channelsOf(p: SampleProcedure): ChannelLine[] {
  const out: ChannelLine[] = [];
  for (const c of p.channels) {
    const fees =
      c.feeVnd === null && !c.feeSetByProvincialCouncil && !c.feeText
        ? []
        : [
            {
              label: c.feeVnd === 0 ? 'Miễn phí' : 'Phí, lệ phí',
              amountVnd: c.feeVnd,
              setByProvincialCouncil: c.feeSetByProvincialCouncil,
              note: (c.feeNote ?? (c.feeVnd === null ? c.feeText : null))?.slice(0, 2000) ?? null,
            },
          ];
    const same = out.find((o) => o.channel === c.channel);
    if (same) {
      same.fees.push(...fees.slice(0, 20 - same.fees.length));
      continue;
    }
    out.push({
      channel: c.channel,
      time: c.timeValue ? { value: c.timeValue, unit: UNIT[c.timeUnit ?? ''] ?? 'workingDays' } : null,
      timeNote: c.timeText && c.timeText !== String(c.timeValue) ? c.timeText.slice(0, 500) : null,
      fees,
    });
  }
  return out;
}

/** "1 bản chính,1 bản sao" → counts; "bản sao" read as a certified copy; garbled counts (181) read as 1. */
function componentOf(d: SampleProcedure['documents'][number], i: number): Component {
  const count = (word: string) => {
    const m = new RegExp(`(\\d+) ${word}`).exec(d.quantity);
    const n = m ? Number(m[1]) : 0;
    return n > 9 ? 1 : n;
  };
  return {
    key: `tp-${String(i + 1).padStart(2, '0')}`,
    name: d.name.slice(0, 2000),
    group: d.group ?? null,
    originals: count('bản chính'),
    certifiedCopies: count('bản sao'),
    photocopies: 0,
    required: isRequiredComponent(d.group ?? null, d.name),
    templates: [],
  };
}

/**
 * Only papers to hand in (“Giấy tờ phải nộp”) are required, and not those the portal lists for one case
 * only (“Trường hợp …”, “… trong trường hợp …”): asking every applicant for them would demand papers the
 * procedure does not need (Decree 61/2018 Art. 5(1)(đ)). Papers to show (“phải xuất trình”) are checked
 * at the counter or through the population database, not uploaded; notes (“Lưu ý”) are not papers.
 */
export function isRequiredComponent(group: string | null, name: string): boolean {
  if (group === 'Lưu ý' || group === 'Giấy tờ phải xuất trình') return false;
  return !/^trường hợp|trong trường hợp/i.test(name.trim());
}

function applicantTypesOf(p: SampleProcedure): ProcedureVersionData['applicantTypes'] {
  if (/doanh nghiệp|hợp tác xã/i.test(p.field)) return ['business', 'organisation'];
  if (/nước ngoài/i.test(p.name)) return ['citizen', 'foreigner'];
  return ['citizen'];
}

function validFromOf(p: SampleProcedure): string {
  const basis = p.context2018?.legalBasis ?? '';
  if (p.context2018?.level) return '2018-11-17';
  if (/Cư trú 2020/.test(basis)) return '2021-07-01';
  if (/59\/2022/.test(basis)) return '2022-07-01';
  return '2018-11-17';
}

/** A sample record as a version of the 2018 catalogue (agency ids resolved by the caller from keys). */
export function mapSample(
  p: SampleProcedure,
  agencyId: (key: string) => string | undefined,
  workflow: WorkflowStep[],
): ProcedureVersionData {
  const tiers = tiersOf(p);
  const key = tiers[0] === 'city' ? cityAgencyKey(p) : undefined;
  const handler = p.context2018?.agency ?? (tiers[0] === 'commune' ? 'UBND cấp xã' : 'cơ quan có thẩm quyền');
  const notes = p.documentNotes.length > 0 ? `\n\nLưu ý:\n- ${p.documentNotes.join('\n- ')}` : '';
  return {
    code: p.code,
    validFrom: validFromOf(p),
    validTo: null,
    name: p.name.slice(0, 500),
    sector: p.field,
    tiers,
    agencyId: key ? (agencyId(key) ?? null) : null,
    applicantTypes: applicantTypesOf(p),
    steps: (
      `1. Nộp hồ sơ trực tuyến trên Cổng dịch vụ công hoặc tại Bộ phận Tiếp nhận và Trả kết quả (${handler}).\n` +
      '2. Bộ phận Một cửa kiểm tra, tiếp nhận hồ sơ và hẹn trả kết quả (mẫu 01) hoặc hướng dẫn bổ sung (mẫu 02).\n' +
      '3. Cơ quan chuyên môn thẩm định, trình lãnh đạo phê duyệt.\n' +
      `4. Trả kết quả${p.resultDocument ? `: ${p.resultDocument}` : ''}.` +
      notes
    ).slice(0, 20000),
    timeLimit: timeLimitOf(p),
    channels: channelsOf(p),
    components: p.documents.slice(0, 200).map(componentOf),
    resultType: (p.resultDocument ?? '').slice(0, 1000),
    legalBasis: [p.context2018?.legalBasis, p.announcedBy ? `Công bố: QĐ ${p.announcedBy}` : null]
      .filter(Boolean)
      .join('; '),
    onlineLevel: onlineLevelOf(p),
    // Decree 23/2015 Art. 7: certification requests received after 15:00 are done the next working day.
    cutoff15: /15h|15 giờ/.test(p.context2018?.legalTime ?? '') || p.field === 'Chứng thực',
    // Construction and land laws stop the clock while the applicant completes the file [U].
    supplementMode: /xây dựng|Đất đai/i.test(p.field) ? 'PAUSE' : 'RESTART',
    eform: null,
    workflow,
  };
}
