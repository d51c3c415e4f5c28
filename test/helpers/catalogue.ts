import type { ProcedureVersion, ProcedureVersionInput } from '../../shared/schemas/procedure.ts';
import { ProcedureVersionInput as InputSchema } from '../../shared/schemas/procedure.ts';
import type { AppContext } from '../../server/context.ts';
import { createDraft, publishVersion } from '../../server/modules/catalogue/service.ts';

/**
 * Factories for procedures in tests (dossiers, portal, reports use them too):
 *
 *   const birth = await createPublishedProcedure(ctx, { tiers: ['commune'], timeLimit: { value: 1, unit: 'workingDays' } });
 *   const permit = await createPublishedProcedure(ctx, { tiers: ['district'], workflow: [...] });
 *
 * Each call gets a fresh code 9.9NNNNN unless `code` is given. The default is a commune-tier, level-4,
 * free procedure of 3 working days with a small e-form (name, CCCD, phone, commune address, one upload)
 * and a three-step workflow at the receiving commune.
 */
let next = 0;

export function procedureInput(overrides: Partial<ProcedureVersionInput> = {}): ProcedureVersionInput {
  next += 1;
  const code = `9.9${String(process.pid % 100).padStart(2, '0')}${String(next).padStart(3, '0')}`;
  return {
    code,
    validFrom: '2018-11-17',
    validTo: null,
    name: `Thủ tục thử nghiệm ${code}`,
    sector: 'Thử nghiệm',
    tiers: ['commune'],
    agencyId: null,
    applicantTypes: ['citizen'],
    steps: 'Bước 1: nộp hồ sơ. Bước 2: nhận kết quả.',
    timeLimit: { value: 3, unit: 'workingDays' },
    channels: [
      { channel: 'online', time: { value: 3, unit: 'workingDays' }, timeNote: null, fees: [] },
      { channel: 'in_person', time: { value: 3, unit: 'workingDays' }, timeNote: null, fees: [] },
    ],
    components: [
      {
        key: 'to-khai',
        name: 'Tờ khai theo mẫu',
        group: null,
        originals: 1,
        certifiedCopies: 0,
        photocopies: 0,
        required: true,
        templates: [],
      },
    ],
    resultType: 'Giấy xác nhận',
    legalBasis: 'Thử nghiệm',
    onlineLevel: 4,
    cutoff15: false,
    supplementMode: 'RESTART',
    eform: {
      fields: [
        { name: 'fullName', type: 'text', label: { vi: 'Họ và tên', en: 'Full name' }, required: true, maxLength: 100 },
        { name: 'idNumber', type: 'cccd', label: { vi: 'Số CCCD', en: 'ID number' }, required: true },
        { name: 'phone', type: 'phone', label: { vi: 'Số điện thoại', en: 'Phone' }, required: true },
        { name: 'address', type: 'address', label: { vi: 'Nơi cư trú', en: 'Residence' }, required: true },
        { name: 'form', type: 'upload', component: 'to-khai', label: { vi: 'Tờ khai', en: 'Form' }, required: true },
      ],
    },
    workflow: [
      {
        name: { vi: 'Tiếp nhận', en: 'Receive' },
        agencyId: null,
        tier: 'receiving',
        division: null,
        role: 'receptionist',
        budgetDays: 0.5,
      },
      {
        name: { vi: 'Thẩm định', en: 'Review' },
        agencyId: null,
        tier: 'receiving',
        division: null,
        role: 'specialist',
        budgetDays: 2,
      },
      {
        name: { vi: 'Phê duyệt', en: 'Approve' },
        agencyId: null,
        tier: 'receiving',
        division: null,
        role: 'leader',
        budgetDays: 0.5,
      },
    ],
    ...overrides,
  };
}

export async function createDraftProcedure(
  ctx: AppContext,
  overrides: Partial<ProcedureVersionInput> = {},
): Promise<ProcedureVersion> {
  return createDraft(ctx, InputSchema.parse(procedureInput(overrides)));
}

export async function createPublishedProcedure(
  ctx: AppContext,
  overrides: Partial<ProcedureVersionInput> = {},
): Promise<ProcedureVersion> {
  const draft = await createDraftProcedure(ctx, overrides);
  return publishVersion(ctx, draft.code, draft.id);
}

/** An agency's identifier from its stable key (`hn.so-tu-phap`, `hn.d001`, `hn.c00001.mot-cua`). */
export async function agencyIdByKey(ctx: AppContext, key: string): Promise<string> {
  const row = await ctx.db.selectFrom('agencies').select('id').where('key', '=', key).executeTakeFirstOrThrow();
  return row.id;
}
