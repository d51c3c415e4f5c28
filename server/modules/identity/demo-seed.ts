import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import type { SeedReport } from '../../db/demo-seed.ts';
import { activeUnitDate } from '../../lib/unit-set.ts';
import { hashPassword } from './passwords.ts';
import * as repo from './repository.ts';
import type { AccountKind, OfficerRole } from './tables.ts';

/** Fixed, documented demo password (docs/demo-accounts.md). Demo data is off in production (SEED_DEMO). */
export const DEMO_PASSWORD = 'motcua-demo-2024';

interface DemoAccount {
  email: string;
  fullName: string;
  kind: AccountKind;
  role?: OfficerRole;
  unitCode?: string;
  nationalId?: string;
}

// Quận Hoàn Kiếm (GSO 002) and one of its wards, Phường Phúc Tân (00037); the city is 01.
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: 'tiepnhan.hoankiem@demo.motcua.vn',
    fullName: 'Nguyễn Thu Hà',
    kind: 'officer',
    role: 'receptionist',
    unitCode: '002',
  },
  {
    email: 'chuyenvien.hoankiem@demo.motcua.vn',
    fullName: 'Trần Minh Đức',
    kind: 'officer',
    role: 'specialist',
    unitCode: '002',
  },
  {
    email: 'truongphong.hoankiem@demo.motcua.vn',
    fullName: 'Lê Thị Lan',
    kind: 'officer',
    role: 'division_head',
    unitCode: '002',
  },
  {
    email: 'lanhdao.hoankiem@demo.motcua.vn',
    fullName: 'Phạm Quốc Hùng',
    kind: 'officer',
    role: 'leader',
    unitCode: '002',
  },
  {
    email: 'quantri.hoankiem@demo.motcua.vn',
    fullName: 'Vũ Thanh Tùng',
    kind: 'officer',
    role: 'unit_admin',
    unitCode: '002',
  },
  {
    email: 'tiepnhan.phuctan@demo.motcua.vn',
    fullName: 'Đỗ Thị Mai',
    kind: 'officer',
    role: 'receptionist',
    unitCode: '00037',
  },
  {
    email: 'chuyenvien.phuctan@demo.motcua.vn',
    fullName: 'Bùi Văn Nam',
    kind: 'officer',
    role: 'specialist',
    unitCode: '00037',
  },
  {
    email: 'truongban.phuctan@demo.motcua.vn',
    fullName: 'Hoàng Thị Hoa',
    kind: 'officer',
    role: 'division_head',
    unitCode: '00037',
  },
  {
    email: 'lanhdao.phuctan@demo.motcua.vn',
    fullName: 'Ngô Văn Bình',
    kind: 'officer',
    role: 'leader',
    unitCode: '00037',
  },
  {
    email: 'quantri.phuctan@demo.motcua.vn',
    fullName: 'Đinh Thu Trang',
    kind: 'officer',
    role: 'unit_admin',
    unitCode: '00037',
  },
  {
    email: 'quantri.thanhpho@demo.motcua.vn',
    fullName: 'Trịnh Văn Khải',
    kind: 'officer',
    role: 'city_admin',
    unitCode: '01',
  },
  { email: 'thanhtra@demo.motcua.vn', fullName: 'Lý Thị Thanh', kind: 'officer', role: 'inspector', unitCode: '01' },
  { email: 'congdan@demo.motcua.vn', fullName: 'Nguyễn Văn An', kind: 'citizen', nationalId: '001090000001' },
];

/** Creates the demo accounts that do not exist yet; prints the logins only when it created some. */
export async function seedIdentityDemo(ctx: AppContext): Promise<SeedReport> {
  let passwordHash: string | undefined;
  const at = activeUnitDate(ctx);
  const created: DemoAccount[] = [];
  for (const demo of DEMO_ACCOUNTS) {
    if (await repo.findAccountByLogin(ctx.db, demo.email)) continue;
    const unit = demo.unitCode ? await repo.findUnitIdByCode(ctx.db, demo.unitCode, at) : undefined;
    if (demo.unitCode && !unit) continue; // e.g. UNIT_SET=2025, where Quận Hoàn Kiếm no longer exists
    passwordHash ??= await hashPassword(DEMO_PASSWORD);
    const now = ctx.clock.now();
    const id = randomUUID();
    await ctx.db.transaction().execute(async (trx) => {
      await repo.insertAccount(trx, {
        id,
        kind: demo.kind,
        phone: null,
        email: demo.email,
        password_hash: passwordHash,
        full_name: demo.fullName,
        national_id: demo.nationalId ?? null,
        date_of_birth: demo.kind === 'citizen' ? '1990-05-17' : null,
        address_unit_id: demo.kind === 'citizen' ? ((await repo.findUnitIdByCode(trx, '00037', at))?.id ?? null) : null,
        address_line: demo.kind === 'citizen' ? 'Số 12 phố Hàng Mã' : null,
        tax_code: null,
        representatives: null,
        national_id_subject: null,
        phone_verified_at: null,
        email_verified_at: now,
        created_by: null,
        created_at: now,
        updated_at: now,
      });
      if (demo.role && unit)
        await repo.insertRoles(trx, [
          {
            id: randomUUID(),
            account_id: id,
            role: demo.role,
            unit_id: unit.id,
            agency_id: null,
            created_by: null,
            created_at: now,
          },
        ]);
    });
    created.push(demo);
  }
  if (created.length === 0) return { lines: [] };
  return {
    lines: [
      `Demo accounts (password for all: ${DEMO_PASSWORD}) — also in docs/demo-accounts.md:`,
      ...created.map((d) => `  ${d.email.padEnd(40)} ${d.kind === 'officer' ? `${d.role} @ ${d.unitCode}` : d.kind}`),
    ],
  };
}
