import type { EformDefinition, EformField } from '../../../shared/schemas/eform.ts';
import type { Component } from '../../../shared/schemas/procedure.ts';

/**
 * Plausible e-forms for the demo catalogue, modelled on the statutory declaration forms (tờ khai) of
 * each procedure: Circular 04/2020/TT-BTP (civil status), Circular 01/2021/TT-BKHĐT (business
 * registration), Decree 15/2021 App. II (construction permits). Demo data, not the legal forms.
 */
type Extra = Partial<Omit<EformField, 'name' | 'type' | 'label'>> & Record<string, unknown>;
const label = (vi: string, en: string) => ({ vi, en });
const field = (type: string, name: string, vi: string, en: string, extra: Extra = {}) =>
  ({ name, type, label: label(vi, en), required: true, ...extra }) as EformField;
const optional = { required: false };

const text = (name: string, vi: string, en: string, extra: Extra = {}) =>
  field('text', name, vi, en, { maxLength: 200, ...extra });
const fullName = (name: string, vi: string, en: string, extra: Extra = {}) =>
  text(name, vi, en, { maxLength: 100, ...extra });
const select = (name: string, vi: string, en: string, options: Array<[string, string, string]>, extra: Extra = {}) =>
  field('select', name, vi, en, {
    options: options.map(([value, ovi, oen]) => ({ value, label: label(ovi, oen) })),
    ...extra,
  });
const SEX: Array<[string, string, string]> = [
  ['nam', 'Nam', 'Male'],
  ['nu', 'Nữ', 'Female'],
];
const applicant = (): EformField[] => [
  fullName('requesterName', 'Họ, chữ đệm, tên người yêu cầu', 'Requester’s full name'),
  field('cccd', 'requesterId', 'Số định danh cá nhân (CCCD)', 'Personal ID number (CCCD)'),
  field('phone', 'requesterPhone', 'Số điện thoại', 'Phone number'),
  field('email', 'requesterEmail', 'Thư điện tử', 'E-mail', optional),
  field('address', 'requesterAddress', 'Nơi cư trú', 'Place of residence', { streetRequired: true }),
];
const upload = (components: Component[], pattern: RegExp, name: string, vi: string, en: string, extra: Extra = {}) => {
  const found = components.find((c) => pattern.test(c.name)) ?? components[0];
  return found ? [field('upload', name, vi, en, { component: found.key, maxFiles: 10, ...extra })] : [];
};

export type FormBuilder = (components: Component[]) => EformDefinition;

export const DEMO_FORMS: Record<string, FormBuilder> = {
  // Birth registration (Law on Civil Status 2014 Art. 16; Circular 04/2020/TT-BTP form).
  '1.001193': (c) => ({
    fields: [
      fullName('childName', 'Họ, chữ đệm, tên của trẻ', 'Child’s full name'),
      select('childSex', 'Giới tính', 'Sex', SEX),
      field('date', 'childBirthDate', 'Ngày, tháng, năm sinh', 'Date of birth', { notAfterToday: true }),
      field('address', 'childBirthPlace', 'Nơi sinh', 'Place of birth'),
      text('childEthnicity', 'Dân tộc', 'Ethnic group', { maxLength: 50 }),
      fullName('motherName', 'Họ, chữ đệm, tên người mẹ', 'Mother’s full name', optional),
      field('cccd', 'motherId', 'Số định danh của mẹ', 'Mother’s ID number', {
        required: false,
        requiredWhen: { field: 'motherName', op: 'filled' },
      }),
      fullName('fatherName', 'Họ, chữ đệm, tên người cha', 'Father’s full name', optional),
      field('cccd', 'fatherId', 'Số định danh của cha', 'Father’s ID number', {
        required: false,
        requiredWhen: { field: 'fatherName', op: 'filled' },
      }),
      ...applicant(),
      select('relation', 'Quan hệ với trẻ', 'Relationship to the child', [
        ['me', 'Mẹ', 'Mother'],
        ['cha', 'Cha', 'Father'],
        ['ong-ba', 'Ông, bà', 'Grandparent'],
        ['khac', 'Người thân khác', 'Other relative'],
      ]),
      text('relationOther', 'Ghi rõ quan hệ', 'Describe the relationship', {
        required: false,
        visibleWhen: { field: 'relation', op: 'eq', value: 'khac' },
        requiredWhen: { field: 'relation', op: 'eq', value: 'khac' },
      }),
      ...upload(c, /Giấy chứng sinh/, 'birthCertificate', 'Giấy chứng sinh', 'Birth certificate (medical)'),
      ...upload(c, /ủy quyền/, 'authorisation', 'Văn bản ủy quyền', 'Authorisation', {
        required: false,
        visibleWhen: { field: 'relation', op: 'in', value: ['ong-ba', 'khac'] },
      }),
    ],
  }),
  // Marriage registration (Law on Civil Status 2014 Art. 18).
  '1.000894': () => ({
    fields: [
      ...applicant(),
      fullName('brideName', 'Họ, chữ đệm, tên bên nữ', 'Bride’s full name'),
      field('cccd', 'brideId', 'Số định danh bên nữ', 'Bride’s ID number'),
      field('date', 'brideBirthDate', 'Ngày sinh bên nữ', 'Bride’s date of birth', { notAfterToday: true }),
      fullName('groomName', 'Họ, chữ đệm, tên bên nam', 'Groom’s full name'),
      field('cccd', 'groomId', 'Số định danh bên nam', 'Groom’s ID number'),
      field('date', 'groomBirthDate', 'Ngày sinh bên nam', 'Groom’s date of birth', { notAfterToday: true }),
      field('yesno', 'firstMarriage', 'Kết hôn lần đầu (cả hai bên)', 'First marriage (both)'),
    ],
  }),
  // Death registration (Law on Civil Status 2014 Art. 33–34).
  '1.000656': (c) => ({
    fields: [
      ...applicant(),
      fullName('deceasedName', 'Họ, chữ đệm, tên người chết', 'Deceased’s full name'),
      field('cccd', 'deceasedId', 'Số định danh người chết', 'Deceased’s ID number', optional),
      field('date', 'deathDate', 'Ngày chết', 'Date of death', { notAfterToday: true }),
      field('address', 'deathPlace', 'Nơi chết', 'Place of death'),
      text('deathCause', 'Nguyên nhân chết', 'Cause of death', optional),
      ...upload(c, /Giấy báo tử/, 'deathNotice', 'Giấy báo tử', 'Death notice'),
    ],
  }),
  // Certificate of marital status (Decree 123/2015 Art. 21–22).
  '1.004873': () => ({
    fields: [
      ...applicant(),
      select('maritalStatus', 'Tình trạng hôn nhân', 'Marital status', [
        ['doc-than', 'Chưa đăng ký kết hôn', 'Never married'],
        ['ly-hon', 'Đã ly hôn', 'Divorced'],
        ['goa', 'Vợ/chồng đã chết', 'Widowed'],
        ['co-vo-chong', 'Đang có vợ/chồng', 'Married'],
      ]),
      text('purpose', 'Mục đích sử dụng', 'Purpose of use', { maxLength: 300 }),
    ],
  }),
  // Copy of a civil-status extract (Decree 123/2015 Art. 64).
  '2.000635': () => ({
    fields: [
      ...applicant(),
      select('extractKind', 'Loại giấy tờ', 'Document', [
        ['khai-sinh', 'Bản sao Giấy khai sinh', 'Copy of the birth certificate'],
        ['ket-hon', 'Bản sao Trích lục kết hôn', 'Copy of the marriage extract'],
        ['khai-tu', 'Bản sao Trích lục khai tử', 'Copy of the death extract'],
      ]),
      field('number', 'copies', 'Số bản sao', 'Number of copies', { integer: true, min: 1, max: 20 }),
    ],
  }),
  // Certified copies from originals (Decree 23/2015 Art. 20).
  '2.000815': (c) => ({
    fields: [
      ...applicant(),
      field('table', 'documents', 'Giấy tờ cần chứng thực', 'Documents to certify', {
        minRows: 1,
        maxRows: 50,
        columns: [
          text('title', 'Tên giấy tờ', 'Document title'),
          field('number', 'pages', 'Số trang', 'Pages', { integer: true, min: 1, max: 500 }),
          field('number', 'copies', 'Số bản', 'Copies', { integer: true, min: 1, max: 100 }),
        ],
      }),
      ...upload(
        c,
        /Bản chính/,
        'originals',
        'Ảnh chụp bản chính (để đối chiếu trước)',
        'Scan of the originals (for checking ahead)',
        optional,
      ),
    ],
  }),
  // Temporary residence (Law on Residence 2020 Art. 28).
  '1.004194': (c) => ({
    fields: [
      ...applicant(),
      field('address', 'stayAddress', 'Địa chỉ đăng ký tạm trú', 'Temporary residence address', {
        streetRequired: true,
      }),
      field('date', 'stayFrom', 'Tạm trú từ ngày', 'Staying from'),
      field('number', 'stayMonths', 'Thời hạn tạm trú (tháng)', 'Stay (months)', { integer: true, min: 1, max: 24 }),
      ...upload(
        c,
        /CT01/,
        'declaration',
        'Tờ khai thay đổi thông tin cư trú (CT01)',
        'Residence change declaration (CT01)',
      ),
    ],
  }),
  // Judicial record card (Law on Judicial Records 2009 Art. 45–46).
  '3.000333': (c) => ({
    fields: [
      ...applicant(),
      field('date', 'birthDate', 'Ngày sinh', 'Date of birth', { notAfterToday: true }),
      select('cardType', 'Loại phiếu', 'Card type', [
        ['1', 'Phiếu số 1', 'Card no. 1'],
        ['2', 'Phiếu số 2', 'Card no. 2'],
      ]),
      field('number', 'copies', 'Số lượng phiếu', 'Copies', { integer: true, min: 1, max: 10 }),
      text('purpose', 'Mục đích sử dụng', 'Purpose of use', { maxLength: 300 }),
      ...upload(c, /Bản sao Thẻ Căn cước/, 'idCopy', 'Bản sao giấy tờ tùy thân', 'Copy of the ID document'),
    ],
  }),
  // Household business registration (Decree 78/2015 Art. 71).
  '1.001612': (c) => ({
    fields: [
      ...applicant(),
      field('date', 'ownerBirthDate', 'Ngày sinh chủ hộ', 'Owner’s date of birth', { notAfterToday: true }),
      text('businessName', 'Tên hộ kinh doanh', 'Business name', { maxLength: 150 }),
      field('address', 'businessAddress', 'Địa điểm kinh doanh', 'Business address', { streetRequired: true }),
      field('table', 'businessLines', 'Ngành, nghề kinh doanh', 'Lines of business', {
        minRows: 1,
        maxRows: 30,
        columns: [
          text('vsicCode', 'Mã ngành (VSIC)', 'VSIC code', { pattern: '\\d{4}', maxLength: 4 }),
          text('description', 'Mô tả', 'Description'),
        ],
      }),
      field('number', 'capitalVnd', 'Vốn kinh doanh (đồng)', 'Capital (VND)', { integer: true, min: 0 }),
      field('number', 'employees', 'Số lao động', 'Employees', { integer: true, min: 0, max: 10000 }),
      ...upload(c, /Giấy đề nghị/, 'application', 'Giấy đề nghị đăng ký hộ kinh doanh', 'Application for registration'),
    ],
  }),
  // New construction permit, class III/IV works and detached houses (Construction Law 2014 Art. 95).
  '1.013225': (c) => ({
    fields: [
      ...applicant(),
      field('address', 'siteAddress', 'Địa điểm xây dựng', 'Construction site', { streetRequired: true }),
      text('plotNumber', 'Thửa đất số, tờ bản đồ số', 'Plot and map sheet number', { maxLength: 50 }),
      text('landCertificate', 'Số Giấy chứng nhận quyền sử dụng đất', 'Land-use certificate number', { maxLength: 50 }),
      select('workKind', 'Loại công trình', 'Kind of works', [
        ['nha-o', 'Nhà ở riêng lẻ', 'Detached house'],
        ['khac', 'Công trình khác (cấp III, IV)', 'Other works (class III, IV)'],
      ]),
      field('number', 'floors', 'Số tầng', 'Floors', { integer: true, min: 1, max: 30 }),
      field('number', 'heightM', 'Chiều cao công trình (m)', 'Height (m)', { min: 1, max: 150 }),
      field('number', 'floorAreaM2', 'Tổng diện tích sàn (m²)', 'Total floor area (m²)', { min: 1 }),
      ...upload(
        c,
        /Đơn đề nghị cấp giấy phép xây dựng/,
        'application',
        'Đơn đề nghị cấp giấy phép xây dựng',
        'Permit application',
      ),
      ...upload(c, /bản vẽ thiết kế/, 'drawings', 'Bản vẽ thiết kế', 'Design drawings'),
    ],
  }),
  // Single-member limited company (Enterprise Law 2014 Art. 22–27).
  '2.001583': (c) => ({
    fields: [
      ...applicant(),
      text('companyName', 'Tên doanh nghiệp (tiếng Việt)', 'Company name (Vietnamese)', { maxLength: 200 }),
      text('companyNameEn', 'Tên doanh nghiệp (tiếng nước ngoài)', 'Company name (foreign language)', optional),
      field('address', 'headOffice', 'Địa chỉ trụ sở chính', 'Head office', { streetRequired: true }),
      field('number', 'charterCapitalVnd', 'Vốn điều lệ (đồng)', 'Charter capital (VND)', { integer: true, min: 1 }),
      select('ownerKind', 'Chủ sở hữu là', 'Owner is', [
        ['ca-nhan', 'Cá nhân', 'An individual'],
        ['to-chuc', 'Tổ chức', 'An organisation'],
      ]),
      text('ownerTaxCode', 'Mã số doanh nghiệp của chủ sở hữu', 'Owner’s enterprise code', {
        required: false,
        visibleWhen: { field: 'ownerKind', op: 'eq', value: 'to-chuc' },
        requiredWhen: { field: 'ownerKind', op: 'eq', value: 'to-chuc' },
        pattern: '\\d{10}(-\\d{3})?',
      }),
      field('table', 'businessLines', 'Ngành, nghề kinh doanh', 'Lines of business', {
        minRows: 1,
        maxRows: 100,
        columns: [
          text('vsicCode', 'Mã ngành (VSIC)', 'VSIC code', { pattern: '\\d{4}', maxLength: 4 }),
          text('description', 'Mô tả', 'Description'),
          field('yesno', 'main', 'Ngành chính', 'Main line', optional),
        ],
      }),
      ...upload(c, /Điều lệ/, 'charter', 'Điều lệ công ty', 'Company charter'),
    ],
  }),
};
