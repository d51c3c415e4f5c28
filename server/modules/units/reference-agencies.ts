/**
 * Builds the agency tree from reference/hanoi-agencies-2018.json plus what the file lacks: each district's
 * divisions (Decree 37/2014/NĐ-CP Art. 7) and a one-stop desk (Bộ phận Tiếp nhận và Trả kết quả, Decree
 * 61/2018 Art. 7) at every department, district and commune.
 *
 * Identifiers: only UBND TP Hà Nội's `000.00.00.H26` is real (QĐ 4235/QĐ-UBND, 2018). The rest are
 * SYNTHETIC, generated in the QCVN 102:2016 shape `L4.L3.L2.H26` (docs/decisions/0001-agency-identifiers.md):
 *   city bodies `000.00.NN.H26` (NN 01–39, file order); district People's Committees `000.00.NN.H26`
 *   (NN 41–70, GSO order); a district's divisions `000.DD.NN.H26` (DD 01–12) and its desk `000.20.NN.H26`;
 *   its communes `000.CC.NN.H26` (CC 31–62, GSO order); a commune's desk `001.CC.NN.H26`; a department's
 *   desk `000.20.NN.H26`.
 */
export interface AgencySource {
  key: string;
  id: string | null;
  name: string;
  shortName: string;
  kind: string;
  level: 'city' | 'district' | 'commune';
  unitCode: string;
  parentKey: string | null;
  inForceOn20181117: boolean;
}

export interface AgencyDraft {
  id: string;
  key: string;
  idStatus: 'real' | 'synthetic';
  name: string;
  shortName: string;
  kind: string;
  level: 'central' | 'city' | 'district' | 'commune';
  unitCode: string;
  parentKey: string | null;
  validTo: string | null;
}

const DIVISIONS_COMMON: Array<[string, string]> = [
  ['van-phong', 'Văn phòng HĐND và UBND'],
  ['noi-vu', 'Phòng Nội vụ'],
  ['tu-phap', 'Phòng Tư pháp'],
  ['tai-chinh-ke-hoach', 'Phòng Tài chính - Kế hoạch'],
  ['tai-nguyen-moi-truong', 'Phòng Tài nguyên và Môi trường'],
  ['lao-dong-tbxh', 'Phòng Lao động - Thương binh và Xã hội'],
  ['van-hoa-thong-tin', 'Phòng Văn hóa và Thông tin'],
  ['giao-duc-dao-tao', 'Phòng Giáo dục và Đào tạo'],
  ['y-te', 'Phòng Y tế'],
  ['thanh-tra', 'Thanh tra'],
];
// Decree 37/2014 Art. 7(2): urban districts and towns have Economy and Urban Management divisions;
// rural districts have Agriculture and Economy-Infrastructure divisions.
const DIVISIONS_URBAN: Array<[string, string]> = [
  ['kinh-te', 'Phòng Kinh tế'],
  ['quan-ly-do-thi', 'Phòng Quản lý đô thị'],
];
const DIVISIONS_RURAL: Array<[string, string]> = [
  ['kinh-te-ha-tang', 'Phòng Kinh tế và Hạ tầng'],
  ['nong-nghiep-ptnt', 'Phòng Nông nghiệp và Phát triển nông thôn'],
];

const DESK_NAME = 'Bộ phận Tiếp nhận và Trả kết quả';
const pad = (n: number) => String(n).padStart(2, '0');
// Districts were abolished by the two-tier reform of 01/07/2025; their bodies end there.
const TWO_TIER_REFORM = '2025-07-01';

export function buildAgencies(sources: AgencySource[], districtTypes: Map<string, string>): AgencyDraft[] {
  const out: AgencyDraft[] = [];
  const idByKey = new Map<string, string>();
  let cityNo = 0;
  let districtNo = 40;
  const communeNoByDistrict = new Map<string, number>();

  const push = (draft: AgencyDraft) => {
    out.push(draft);
    idByKey.set(draft.key, draft.id);
  };

  for (const s of sources) {
    if (!s.inForceOn20181117) continue;
    const base = {
      key: s.key,
      name: s.name,
      shortName: s.shortName,
      kind: s.kind,
      unitCode: s.unitCode,
      parentKey: s.parentKey,
    };
    if (s.level === 'city') {
      const central = s.parentKey === null && s.key !== 'hn';
      const id = s.id ?? `000.00.${pad(++cityNo)}.H26`;
      push({ ...base, id, idStatus: s.id ? 'real' : 'synthetic', level: central ? 'central' : 'city', validTo: null });
      if (s.kind === 'department') push(desk(s, `000.20.${id.split('.')[2]}.H26`, 'city', null));
    } else if (s.level === 'district') {
      const nn = pad(++districtNo);
      const id = `000.00.${nn}.H26`;
      push({ ...base, id, idStatus: 'synthetic', level: 'district', validTo: TWO_TIER_REFORM });
      const urban = districtTypes.get(s.unitCode) !== 'huyen';
      [...DIVISIONS_COMMON, ...(urban ? DIVISIONS_URBAN : DIVISIONS_RURAL)].forEach(([slug, name], i) =>
        push({
          id: `000.${pad(i + 1)}.${nn}.H26`,
          key: `${s.key}.${slug}`,
          idStatus: 'synthetic',
          name: `${name} ${s.shortName.replace(/^UBND /, '')}`,
          shortName: name,
          kind: 'division',
          level: 'district',
          unitCode: s.unitCode,
          parentKey: s.key,
          validTo: TWO_TIER_REFORM,
        }),
      );
      push(desk(s, `000.20.${nn}.H26`, 'district', TWO_TIER_REFORM));
    } else {
      const parentId = s.parentKey ? idByKey.get(s.parentKey) : undefined;
      if (!parentId || !s.parentKey) throw new Error(`Commune agency ${s.key} has no known district parent`);
      const nn = parentId.split('.')[2]!;
      const cc = (communeNoByDistrict.get(s.parentKey) ?? 30) + 1;
      communeNoByDistrict.set(s.parentKey, cc);
      const id = `000.${pad(cc)}.${nn}.H26`;
      push({ ...base, id, idStatus: 'synthetic', level: 'commune', validTo: TWO_TIER_REFORM });
      push(desk(s, `001.${pad(cc)}.${nn}.H26`, 'commune', TWO_TIER_REFORM));
    }
  }
  return out;
}

function desk(owner: AgencySource, id: string, level: AgencyDraft['level'], validTo: string | null): AgencyDraft {
  return {
    id,
    key: `${owner.key}.mot-cua`,
    idStatus: 'synthetic',
    name: `${DESK_NAME} - ${owner.shortName}`,
    shortName: `Một cửa ${owner.shortName}`,
    kind: 'one-stop-desk',
    level,
    unitCode: owner.unitCode,
    parentKey: owner.key,
    validTo,
  };
}
