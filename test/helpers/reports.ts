import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../server/context.ts';

/**
 * Hand-made dossiers for the report fixtures, written straight into the table (the roll-up trigger runs as
 * it would for the dossier service). Times are Vietnam local (+07:00).
 */
export interface FixtureDossier {
  name: string;
  unitCode: string;
  procedureCode: string;
  channel: 1 | 2 | 3;
  status: number;
  accepted?: string;
  due?: string;
  processed?: string;
  returned?: string;
  finished?: string;
}

const vn = (s: string | undefined) => (s ? new Date(`${s}:00+07:00`) : null);

export async function insertFixture(ctx: AppContext, d: FixtureDossier): Promise<string> {
  const unit = await ctx.db
    .selectFrom('units')
    .select('id')
    .where('code', '=', d.unitCode)
    .orderBy('valid_from')
    .executeTakeFirstOrThrow();
  const agency = await ctx.db
    .selectFrom('agencies')
    .select('id')
    .where('unit_id', '=', unit.id)
    .where('kind', 'in', ['commune-peoples-committee', 'district-peoples-committee'])
    .executeTakeFirstOrThrow();
  const pv = await ctx.db
    .selectFrom('procedure_versions')
    .select('id')
    .where('code', '=', d.procedureCode)
    .executeTakeFirstOrThrow();
  const id = randomUUID();
  const accepted = vn(d.accepted);
  await ctx.db
    .insertInto('dossiers')
    .values({
      id,
      code: accepted ? `${agency.id}-${d.name}` : null,
      status: d.status,
      channel: d.channel,
      procedure_version_id: pv.id,
      procedure_code: d.procedureCode,
      receiving_agency_id: agency.id,
      receiving_unit_id: unit.id,
      handling_agency_id: agency.id,
      applicant: JSON.stringify({ name: `Người nộp ${d.name}`, phone: '0912345678', address: 'số 1 Phúc Xá' }),
      owner_type: 'citizen',
      owner: JSON.stringify({ name: `Chủ hồ sơ ${d.name}`, address: 'số 1 Phúc Xá' }),
      eform_data: '{}',
      result_delivery: 'counter',
      submitted_at: accepted ?? new Date('2023-10-15T02:00:00Z'),
      accepted_at: accepted,
      due_at: vn(d.due),
      processed_at: vn(d.processed),
      returned_at: vn(d.returned),
      finished_at: vn(d.finished) ?? vn(d.processed),
    })
    .execute();
  if (accepted) {
    await ctx.db
      .insertInto('dossier_events')
      .values({
        dossier_id: id,
        seq: 1,
        action: 'accept',
        at: accepted,
        actor_id: null,
        actor_name: 'Trần Tiếp Nhận',
        from_status: 1,
        to_status: 2,
        from_step: null,
        to_step: null,
        from_agency_id: agency.id,
        to_agency_id: agency.id,
        note: null,
        files: '[]',
        effect: '{}',
      })
      .execute();
  }
  return id;
}

/**
 * October 2023 at Phúc Xá (00001) and Trúc Bạch (00004), both in Ba Đình (001). Expected counts for
 * Phúc Xá, by hand: received 8 (online A F I = 3; in person/post B C G H = 4; carried over D = 1);
 * resolved 4 (early A; on time B; late C D); pending 3 (in time F; overdue G, I — I is due on the
 * period's last day); refused/withdrawn/stopped 1 (H). E ended before the period, J was never accepted,
 * K was refused at reception, L arrives after the period: none of them count.
 */
export const OCTOBER: FixtureDossier[] = [
  {
    name: 'A',
    unitCode: '00001',
    procedureCode: '1.001193',
    channel: 2,
    status: 9,
    accepted: '2023-10-02T09:00',
    due: '2023-10-05T09:00',
    processed: '2023-10-04T10:00',
  },
  {
    name: 'B',
    unitCode: '00001',
    procedureCode: '1.001193',
    channel: 1,
    status: 10,
    accepted: '2023-10-03T09:00',
    due: '2023-10-06T17:00',
    processed: '2023-10-06T08:00',
    returned: '2023-10-06T09:00',
  },
  {
    name: 'C',
    unitCode: '00001',
    procedureCode: '1.001193',
    channel: 3,
    status: 9,
    accepted: '2023-10-10T09:00',
    due: '2023-10-12T09:00',
    processed: '2023-10-13T09:00',
  },
  {
    name: 'D',
    unitCode: '00001',
    procedureCode: '1.001193',
    channel: 1,
    status: 9,
    accepted: '2023-09-20T09:00',
    due: '2023-10-02T09:00',
    processed: '2023-10-03T09:00',
  },
  {
    name: 'E',
    unitCode: '00001',
    procedureCode: '1.001193',
    channel: 1,
    status: 10,
    accepted: '2023-09-10T09:00',
    due: '2023-09-20T09:00',
    processed: '2023-09-15T09:00',
    returned: '2023-09-18T09:00',
  },
  {
    name: 'F',
    unitCode: '00001',
    procedureCode: '1.001193',
    channel: 2,
    status: 4,
    accepted: '2023-10-20T09:00',
    due: '2023-11-10T09:00',
  },
  {
    name: 'G',
    unitCode: '00001',
    procedureCode: '1.001193',
    channel: 1,
    status: 4,
    accepted: '2023-10-05T09:00',
    due: '2023-10-20T09:00',
  },
  {
    name: 'H',
    unitCode: '00001',
    procedureCode: '1.001193',
    channel: 1,
    status: 7,
    accepted: '2023-10-25T09:00',
    due: '2023-11-01T09:00',
    finished: '2023-10-26T10:00',
  },
  {
    name: 'I',
    unitCode: '00001',
    procedureCode: '1.001193',
    channel: 2,
    status: 5,
    accepted: '2023-10-30T09:00',
    due: '2023-10-31T10:00',
  },
  { name: 'J', unitCode: '00001', procedureCode: '1.001193', channel: 2, status: 1 },
  { name: 'K', unitCode: '00001', procedureCode: '1.001193', channel: 1, status: 3, finished: '2023-10-11T09:00' },
  {
    name: 'L',
    unitCode: '00001',
    procedureCode: '1.001193',
    channel: 1,
    status: 4,
    accepted: '2023-11-02T09:00',
    due: '2023-11-03T09:00',
  },
  {
    name: 'M',
    unitCode: '00004',
    procedureCode: '2.000815',
    channel: 1,
    status: 10,
    accepted: '2023-10-09T09:00',
    due: '2023-10-12T09:00',
    returned: '2023-10-11T09:00',
  },
];
