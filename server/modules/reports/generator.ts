import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import { getCalendar } from '../calendar/service.ts';
import {
  createRandom,
  pick,
  planDossier,
  type AgencyChoice,
  type PlannedDossier,
  type ProcedureChoice,
} from './generator-plan.ts';

/**
 * Bulk path of the data generator (`npm run generate -- --dossiers N`): the rows the dossier service
 * would write (dossiers, their journal, a component file, the code counters), in multi-row INSERTs.
 * With `fast`, the session skips row triggers (session_replication_role = replica, superuser only) and the
 * roll-up is rebuilt once, set-based, at the end (report_rebuild_all(), same contributions as the trigger).
 */
export interface GenerateOptions {
  dossiers: number;
  seed?: number;
  /** History start (default: three years before `until`). */
  from?: Date;
  /** History end (default: now). Agencies are chosen among those in force at each submission. */
  until?: Date;
  events?: boolean;
  fast?: boolean;
  batchSize?: number;
  onProgress?: (done: number) => void;
}

export interface GenerateResult {
  dossiers: number;
  events: number;
  files: number;
  ratings: number;
  seconds: number;
  rowsPerSecond: number;
}

const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Vũ Thị Giang'];
const STREETS = ['Phố Huế', 'Hàng Bông', 'Kim Mã', 'Láng Hạ', 'Nguyễn Trãi', 'Trần Duy Hưng'];

async function loadChoices(db: Database, random: () => number) {
  const procedures = (
    await sql<{
      id: number;
      code: string;
      name: string;
      tiers: string[];
      agency_id: string | null;
      online_level: number;
      time_limit_value: number;
      time_limit_unit: ProcedureChoice['limitUnit'];
    }>`
      SELECT id, code, name, tiers, agency_id, online_level, time_limit_value, time_limit_unit
      FROM procedure_versions WHERE status = 'published'`.execute(db)
  ).rows.map((p) => ({
    id: Number(p.id),
    code: p.code,
    name: p.name,
    tiers: p.tiers,
    agencyId: p.agency_id,
    onlineLevel: Number(p.online_level),
    limitValue: Number(p.time_limit_value),
    limitUnit: p.time_limit_unit,
  }));
  const agencies = (
    await sql<{ id: string; unit_id: number; level: string; valid_from: string; valid_to: string | null }>`
      SELECT id, unit_id, level, valid_from::text, valid_to::text FROM agencies WHERE unit_id IS NOT NULL
        AND kind IN ('commune-peoples-committee', 'district-peoples-committee', 'department')
      ORDER BY id`.execute(db)
  ).rows.map((a): AgencyChoice => ({
    id: a.id,
    unitId: Number(a.unit_id),
    level: a.level,
    slackness: random() ** 2,
    validFromMs: Date.parse(`${a.valid_from}T00:00:00+07:00`),
    validToMs: a.valid_to ? Date.parse(`${a.valid_to}T00:00:00+07:00`) : Infinity,
  }));
  return { procedures, agencies };
}

export async function generateDossiers(ctx: AppContext, options: GenerateOptions): Promise<GenerateResult> {
  const random = createRandom(options.seed ?? 1);
  const { calendar } = await getCalendar(ctx);
  const { procedures, agencies } = await loadChoices(ctx.db, random);
  if (procedures.length === 0) throw new Error('generator: no published procedures (run the catalogue seed first)');
  const byTier = new Map<string, ProcedureChoice[]>();
  for (const p of procedures) for (const t of p.tiers) byTier.set(t, [...(byTier.get(t) ?? []), p]);
  const agenciesByLevel = new Map<string, AgencyChoice[]>();
  for (const a of agencies) agenciesByLevel.set(a.level, [...(agenciesByLevel.get(a.level) ?? []), a]);
  const agencyById = new Map(agencies.map((a) => [a.id, a]));
  const rater = options.events === false ? null : await findOrCreateRater(ctx);
  const tiers = [
    ['commune', 0.6],
    ['district', 0.3],
    ['city', 0.1],
  ] as const;

  const nowMs = options.until?.getTime() ?? ctx.clock.now().getTime();
  const fromMs = options.from?.getTime() ?? nowMs - 3 * 365 * 86_400_000;
  // Continue the daily sequences already handed out, so a second run never reuses a dossier code.
  const counters = new Map<string, number>();
  const existing = await sql<{ agency_id: string; day: string; last: number }>`
    SELECT agency_id, day::text AS day, last FROM dossier_code_counters`.execute(ctx.db);
  for (const c of existing.rows) counters.set(`${c.agency_id}|${c.day}`, Number(c.last));
  const batchSize = options.batchSize ?? 500;
  const withEvents = options.events ?? true;
  const started = performance.now();
  let events = 0;
  let files = 0;
  let ratings = 0;
  // One connection for the whole run: the session setting below must apply to every insert.
  await ctx.db.connection().execute(async (db) => {
    if (options.fast) await sql`SET session_replication_role = replica`.execute(db);
    try {
      for (let done = 0; done < options.dossiers;) {
        const n = Math.min(batchSize, options.dossiers - done);
        const plans: PlannedDossier[] = [];
        for (let i = 0; i < n; i++) {
          const x = random();
          const tier = x < tiers[0][1] ? 'commune' : x < tiers[0][1] + tiers[1][1] ? 'district' : 'city';
          const list = byTier.get(tier) ?? procedures;
          const procedure = pick(random, list);
          const level = procedure.tiers.includes(tier) ? tier : (procedure.tiers[0] ?? 'commune');
          const own = procedure.agencyId ? agencyById.get(procedure.agencyId) : undefined;
          const at = fromMs + random() * (nowMs - fromMs);
          const agency =
            level === 'city' && own ? own : pickInForce(random, agenciesByLevel.get(level) ?? agencies, agencies, at);
          plans.push(planDossier(random, calendar, procedure, agency, at, nowMs));
        }
        const written = await insertBatch(db, plans, counters, random, withEvents, rater);
        events += written.events;
        files += written.files;
        ratings += written.ratings;
        done += n;
        options.onProgress?.(done);
      }
      await upsertCounters(db, counters);
    } finally {
      if (options.fast) await sql`SET session_replication_role = DEFAULT`.execute(db);
    }
    if (options.fast) await sql`SELECT report_rebuild_all()`.execute(db);
  });
  const seconds = (performance.now() - started) / 1000;
  const rows = options.dossiers + events + files + ratings;
  return { dossiers: options.dossiers, events, files, ratings, seconds, rowsPerSecond: rows / seconds };
}

/** The one synthetic citizen account that gives the generated ratings (dossier_ratings needs an account). */
async function findOrCreateRater(ctx: AppContext): Promise<string> {
  const email = 'nguoi-danh-gia@du-lieu-sinh.invalid';
  const found = await ctx.db.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirst();
  if (found) return found.id;
  const id = randomUUID();
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('accounts')
    .values({
      id,
      kind: 'citizen',
      phone: null,
      email,
      password_hash: null,
      full_name: 'Người đánh giá (dữ liệu sinh)',
      national_id: null,
      date_of_birth: null,
      address_unit_id: null,
      address_line: null,
      tax_code: null,
      representatives: null,
      is_disabled: true,
      national_id_subject: null,
      phone_verified_at: null,
      email_verified_at: null,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** An agency in force at `at`; units reorganised in 2025 leave some levels without agencies (then: any). */
function pickInForce(random: () => number, list: AgencyChoice[], all: AgencyChoice[], at: number): AgencyChoice {
  for (let i = 0; i < 8; i++) {
    const a = pick(random, list);
    if (a.validFromMs <= at && at < a.validToMs) return a;
  }
  const valid = all.filter((a) => a.validFromMs <= at && at < a.validToMs);
  return pick(random, valid.length ? valid : all);
}

function codeOf(p: PlannedDossier, counters: Map<string, number>): string | null {
  if (!p.acceptedAt) return null;
  // Circular 01/2018 Art. 19: {agency}-{yyMMdd}-{NNNN}, the date in Vietnam time.
  const local = new Date(p.acceptedAt.getTime() + 7 * 3_600_000).toISOString();
  const day = local.slice(2, 10).replaceAll('-', '');
  const key = `${p.agency.id}|${local.slice(0, 10)}`;
  const next = (counters.get(key) ?? 0) + 1;
  counters.set(key, next);
  return `${p.agency.id}-${day}-${String(next).padStart(4, '0')}`;
}

async function insertBatch(
  db: Database,
  plans: PlannedDossier[],
  counters: Map<string, number>,
  random: () => number,
  withEvents: boolean,
  rater: string | null,
): Promise<{ events: number; files: number; ratings: number }> {
  const ids = plans.map(() => randomUUID());
  const dossiers = plans.map((p, i) => {
    const name = pick(random, NAMES);
    const phone = `09${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
    const address = `số ${1 + Math.floor(random() * 200)} ${pick(random, STREETS)}`;
    const delivery: 'counter' | 'post' | 'online' =
      p.channel === 3 ? 'post' : p.procedure.onlineLevel === 4 && p.channel === 2 ? 'online' : 'counter';
    return {
      id: ids[i]!,
      code: codeOf(p, counters),
      status: p.status,
      channel: p.channel,
      procedure_version_id: p.procedure.id,
      procedure_code: p.procedure.code,
      receiving_agency_id: p.agency.id,
      receiving_unit_id: p.agency.unitId,
      handling_agency_id: p.agency.id,
      applicant: JSON.stringify({ name, phone, address }),
      owner_type: 'citizen' as const,
      owner: JSON.stringify({ name, address }),
      eform_data: JSON.stringify({ generated: true }),
      result_delivery: delivery,
      check_phone4: phone.slice(-4),
      submitted_at: p.submittedAt,
      accepted_at: p.acceptedAt,
      starts_at: p.startsAt,
      due_at: p.dueAt,
      processed_at: p.processedAt,
      finished_at: p.finishedAt,
      returned_at: p.returnedAt,
      return_method: p.returnedAt ? delivery : null,
    };
  });
  await db.insertInto('dossiers').values(dossiers).execute();
  if (!withEvents) return { events: 0, files: 0, ratings: 0 };
  const eventRows = plans.flatMap((p, i) => journalOf(ids[i]!, p));
  for (let k = 0; k < eventRows.length; k += 2000)
    await db
      .insertInto('dossier_events')
      .values(eventRows.slice(k, k + 2000))
      .execute();
  const fileRows = plans.map((p, i) => ({
    id: randomUUID(),
    dossier_id: ids[i]!,
    kind: 'component' as const,
    component_key: 'form',
    sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    size_bytes: 0,
    media_type: 'application/pdf',
    file_name: 'to-khai.pdf',
    // Circular 01/2023: counter dossiers are scanned at the desk; most are flagged digitised.
    is_digitised: p.channel === 2 || random() < 0.7,
    reused_from: null,
    created_at: p.submittedAt,
  }));
  await db.insertInto('dossier_files').values(fileRows).execute();
  // Decision 766 indicator 5.4: about 40 % of returned results are rated, most of them satisfied.
  const ratings = rater
    ? plans.flatMap((p, i) =>
        p.returnedAt && random() < 0.4
          ? [
              {
                dossier_id: ids[i]!,
                account_id: rater,
                is_satisfied: random() < 0.9 - p.agency.slackness * 0.2,
                comment: null,
                receiving_agency_id: p.agency.id,
                receiving_unit_id: p.agency.unitId,
                rated_at: new Date(p.returnedAt.getTime() + 3_600_000),
              },
            ]
          : [],
      )
    : [];
  if (ratings.length) await db.insertInto('dossier_ratings').values(ratings).execute();
  return { events: eventRows.length, files: fileRows.length, ratings: ratings.length };
}

type EventRow = {
  dossier_id: string;
  seq: number;
  action: string;
  at: Date;
  actor_id: null;
  actor_name: string | null;
  from_status: number | null;
  to_status: number;
  from_step: null;
  to_step: null;
  from_agency_id: string | null;
  to_agency_id: string;
  note: null;
  files: string;
  effect: string;
};

/** The journal the dossier service would have written for this history (submit … return). */
function journalOf(id: string, p: PlannedDossier): EventRow[] {
  const rows: EventRow[] = [];
  const agency = p.agency.id;
  const add = (action: string, at: Date, from: number | null, to: number, effect: Record<string, unknown> = {}) =>
    rows.push({
      dossier_id: id,
      seq: rows.length + 1,
      action,
      at,
      actor_id: null,
      actor_name: action === 'accept' ? 'Cán bộ tiếp nhận (dữ liệu mẫu)' : null,
      from_status: from,
      to_status: to,
      from_step: null,
      to_step: null,
      from_agency_id: from === null ? null : agency,
      to_agency_id: agency,
      note: null,
      files: '[]',
      effect: JSON.stringify(effect),
    });
  add('submit', p.submittedAt, null, 1, { handlingAgencyId: agency });
  if (p.outcome === 'refusedAtReception')
    add('refuse', p.finishedAt ?? p.submittedAt, 1, 3, { finishedAt: p.finishedAt });
  if (!p.acceptedAt) return rows;
  add('accept', p.acceptedAt, 1, 2, { acceptedAt: p.acceptedAt, dueAt: p.dueAt, startsAt: p.startsAt });
  add('assign', p.acceptedAt, 2, 4);
  if (p.supplementAt) add('request_supplement', p.supplementAt, 4, 5);
  if (p.supplementAt && p.status !== 5 && p.startsAt) add('submit_supplement', p.startsAt, 5, 4, { dueAt: p.dueAt });
  if (p.outcome === 'refused' || p.outcome === 'withdrawn' || p.outcome === 'stopped') {
    const action = p.outcome === 'refused' ? 'refuse' : p.outcome === 'withdrawn' ? 'withdraw' : 'stop';
    add(action, p.finishedAt!, rows.at(-1)!.to_status, p.status, { finishedAt: p.finishedAt });
  }
  if (p.processedAt) add('mark_processed', p.processedAt, 4, 9, { processedAt: p.processedAt });
  if (p.returnedAt) add('return_result', p.returnedAt, 9, 10, { returnedAt: p.returnedAt });
  return rows;
}

async function upsertCounters(db: Database, counters: Map<string, number>): Promise<void> {
  const rows = [...counters].map(([key, last]) => {
    const [agency_id, day] = key.split('|') as [string, string];
    return { agency_id, day, last };
  });
  for (let k = 0; k < rows.length; k += 5000) {
    await db
      .insertInto('dossier_code_counters')
      .values(rows.slice(k, k + 5000))
      .onConflict((oc) =>
        oc
          .columns(['agency_id', 'day'])
          .doUpdateSet({ last: sql`greatest(dossier_code_counters.last, excluded.last)` }),
      )
      .execute();
  }
}
