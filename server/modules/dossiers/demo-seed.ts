import type { AppContext } from '../../context.ts';
import type { SeedReport } from '../../db/demo-seed.ts';
// The seeder needs a full actor (with roles) for the demo receptionist; identity's service has no
// loader by login, so this demo-only code reads the account id and loads the actor like a session does.
import { loadActor } from '../identity/authenticate.ts';
import { getProcedure, todayInVietnam } from '../catalogue/service.ts';
import { performAction } from './actions.ts';
import * as repo from './repository.ts';
import { submitDossier } from './submission.ts';

const RECEPTIONIST = 'tiepnhan.phuctan@demo.motcua.vn';
// Dossier n goes through PLAN[n - 1]: waiting at the desk, accepted, at the specialist's step.
const PLAN = [[], ['accept'], ['accept', 'assign', 'complete_step']] as const;

function birthRegistration(n: number, componentKey: string, birthDate: string) {
  return {
    procedureCode: '1.001193',
    agencyId: 'AGENCY',
    channel: 'in_person' as const,
    applicant: {
      name: `Nguyễn Thị Demo ${n}`,
      idNumber: `00119000000${n}`,
      phone: `091200000${n}`,
      address: 'Phúc Tân, Hoàn Kiếm',
    },
    resultDelivery: 'counter' as const,
    components: [{ key: componentKey, isDigitised: true }],
    eform: {
      childName: `Nguyễn Văn Bé ${n}`,
      childSex: 'nam',
      childBirthDate: birthDate,
      childBirthPlace: { unitCode: '00037', street: 'Bệnh viện Phụ sản Hà Nội' },
      childEthnicity: 'Kinh',
      requesterName: `Nguyễn Thị Demo ${n}`,
      requesterId: `00119000000${n}`,
      requesterPhone: `091200000${n}`,
      requesterAddress: { unitCode: '00037', street: `số ${n} Phúc Tân` },
      relation: 'me',
      birthCertificate: ['giay-chung-sinh.pdf'],
    },
  };
}

/**
 * Three birth-registration dossiers at Phường Phúc Tân's desk for the officer workspace demo: one waiting
 * for a decision, one accepted, one at the specialist's step. Idempotent: skipped once the demo
 * receptionist has received anything.
 */
export async function seedDossiersDemo(ctx: AppContext): Promise<SeedReport> {
  const account = await ctx.db.selectFrom('accounts').select('id').where('email', '=', RECEPTIONIST).executeTakeFirst();
  const agency = await ctx.db.selectFrom('agencies').select('id').where('key', '=', 'hn.c00037').executeTakeFirst();
  if (!account || !agency) return { lines: [] };
  const existing = await ctx.db
    .selectFrom('dossiers')
    .select('id')
    .where('created_by', '=', account.id)
    .limit(1)
    .executeTakeFirst();
  if (existing) return { lines: [] };
  const actor = await loadActor(ctx, account.id, 'session', null);
  const version = await getProcedure(ctx, '1.001193', todayInVietnam(ctx)).catch(() => undefined);
  const component = version?.components.find((c) => /chứng sinh/i.test(c.name)) ?? version?.components[0];
  if (!component) return { lines: [] };
  const birthDate = new Date(ctx.clock.now().getTime() - 10 * 86_400_000).toISOString().slice(0, 10);
  const lines: string[] = [];
  for (const n of [1, 2, 3]) {
    const { id } = await submitDossier(
      ctx,
      actor,
      { ...birthRegistration(n, component.key, birthDate), agencyId: agency.id },
      [],
      undefined,
    );
    let row = (await repo.findDossierById(ctx.db, id))!;
    for (const action of PLAN[n - 1] ?? []) {
      row = await performAction(ctx, actor, row, action, { version: row.version }, []);
    }
    lines.push(`Demo dossier ${row.code ?? id} (status ${row.status}) at Phường Phúc Tân`);
  }
  return { lines };
}
