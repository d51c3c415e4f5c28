import { sql } from 'kysely';
import type { Executor } from '../../jobs/queue.ts';
import type { AlertKind } from './tables.ts';

/** Per receiving agency, instants computed with that agency's calendar (the SQL never counts days). */
export interface AgencyThresholds {
  agencyId: string;
  /** Online dossiers submitted at or before this instant have waited longer than the acceptance SLA. */
  waitingSince: Date;
  /** Dossiers due at or before this instant are within one working day of their due time (at risk). */
  atRiskUntil: Date;
}

// Statuses whose time limit is running: accepted, processing, awaiting payment. While a supplement is
// awaited (5) the limit restarts or pauses (Decree 61/2018 Art. 19(4)); 9/10 have ended processing.
const RUNNING = sql.raw('(2, 4, 6)');
// Stable text of an instant for alert subjects, the same on PGlite and PostgreSQL whatever the TimeZone.
const epoch = (column: string) => sql.raw(`(extract(epoch FROM ${column}) * 1000)::bigint::text`);

/**
 * The whole SLA watch in one set-based statement over the open dossiers (one index-driven pass for the
 * running ones, one for those waiting for acceptance): every condition that holds now becomes one alert
 * row. Conditions already alerted are skipped by an anti-join, and the primary key (dossier, kind,
 * subject) makes a concurrent sweep harmless. Returns the number of new alerts by kind.
 */
export async function raiseAlerts(
  db: Executor,
  now: Date,
  soonUntil: Date,
  defaults: Omit<AgencyThresholds, 'agencyId'>,
  overrides: readonly AgencyThresholds[],
): Promise<Partial<Record<AlertKind, number>>> {
  const t = JSON.stringify(
    overrides.map((x) => ({ a: x.agencyId, w: x.waitingSince.toISOString(), r: x.atRiskUntil.toISOString() })),
  );
  const riskMax = new Date(Math.max(defaults.atRiskUntil.getTime(), ...overrides.map((o) => o.atRiskUntil.getTime())));
  const waitMax = new Date(
    Math.max(defaults.waitingSince.getTime(), ...overrides.map((o) => o.waitingSince.getTime())),
  );
  const scanUntil = new Date(Math.max(riskMax.getTime(), soonUntil.getTime()));
  const { rows } = await sql<{ kind: AlertKind; n: number }>`
    WITH t AS (SELECT * FROM jsonb_to_recordset(${t}::jsonb) AS x(a text, w timestamptz, r timestamptz)),
    candidates AS (
      SELECT d.id, 'waiting_acceptance' AS kind, 'submitted:' || ${epoch('d.submitted_at')} AS subject,
        d.receiving_agency_id AS agency, NULL::timestamptz AS due, NULL::integer AS step, NULL::uuid AS assignee
      FROM dossiers d LEFT JOIN t ON t.a = d.receiving_agency_id
      WHERE d.status = 1 AND d.channel = 2 AND d.submitted_at <= ${waitMax}
        AND d.submitted_at <= coalesce(t.w, ${defaults.waitingSince})
      UNION ALL
      SELECT d.id, v.kind, v.subject, d.handling_agency_id, v.due, d.step_index, d.step_assignee_id
      FROM dossiers d LEFT JOIN t ON t.a = d.receiving_agency_id
      CROSS JOIN LATERAL (VALUES
        (CASE WHEN d.due_at < ${now} THEN 'overdue' WHEN d.due_at <= ${soonUntil} THEN 'due_soon' END,
          'due:' || ${epoch('d.due_at')}, d.due_at),
        (CASE WHEN d.step_index IS NULL THEN NULL WHEN d.step_due_at < ${now} THEN 'step_overdue'
          WHEN d.step_due_at <= ${soonUntil} THEN 'step_due_soon' END,
          'step:' || d.step_index || ':' || ${epoch('d.step_due_at')}, d.step_due_at),
        -- Decree 61/2018 Art. 19(9): at least one working day before the deadline the competent agency
        -- writes the apology; asked once per dossier, and not at all once a letter is approved.
        (CASE WHEN d.apology_id IS NULL AND d.due_at <= coalesce(t.r, ${defaults.atRiskUntil})
          THEN 'apology_needed' END, 'dossier', d.due_at)
      ) AS v(kind, subject, due)
      WHERE d.status IN ${RUNNING} AND (d.due_at <= ${scanUntil} OR d.step_due_at <= ${soonUntil})
        AND v.kind IS NOT NULL
    ),
    fresh AS (
      SELECT c.* FROM candidates c
      WHERE NOT EXISTS (SELECT 1 FROM timeliness_alerts a
        WHERE a.dossier_id = c.id AND a.kind = c.kind AND a.subject = c.subject)
    ),
    inserted AS (
      INSERT INTO timeliness_alerts (dossier_id, kind, subject, agency_id, due_at, step_index, assignee_id, raised_at)
      SELECT id, kind, subject, agency, due, step, assignee, ${now} FROM fresh
      ON CONFLICT DO NOTHING
      RETURNING kind
    )
    SELECT kind, count(*)::int AS n FROM inserted GROUP BY kind`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
}

export interface PendingAlert {
  dossier_id: string;
  kind: AlertKind;
  subject: string;
  agency_id: string;
  due_at: Date | null;
  step_index: number | null;
  assignee_id: string | null;
  code: string | null;
  submitted_at: Date;
  procedure_version_id: number;
}

/** A batch of alerts not yet notified, locked so two dispatchers never take the same one. */
export async function claimPendingAlerts(db: Executor, limit: number): Promise<PendingAlert[]> {
  const { rows } = await sql<PendingAlert>`
    SELECT a.dossier_id, a.kind, a.subject, a.agency_id, a.due_at, a.step_index, a.assignee_id,
      d.code, d.submitted_at, d.procedure_version_id
    FROM timeliness_alerts a JOIN dossiers d ON d.id = a.dossier_id
    WHERE a.notified_at IS NULL
    ORDER BY a.raised_at -- the partial index on pending alerts; ties in any order
    LIMIT ${limit}
    FOR UPDATE OF a SKIP LOCKED`.execute(db);
  return rows;
}

export interface Officer {
  agency_id: string;
  account_id: string;
  role: string;
  email: string | null;
  phone: string | null;
}

/**
 * Active officers holding one of `roles` for these agencies: assigned to the agency itself, to its
 * parent (an assignment covers the agencies under it) or to the agency's administrative unit.
 */
export async function findOfficers(db: Executor, agencyIds: readonly string[], roles: readonly string[]) {
  if (agencyIds.length === 0) return [];
  const { rows } = await sql<Officer>`
    SELECT DISTINCT g.id AS agency_id, ac.id AS account_id, ra.role, ac.email, ac.phone
    FROM agencies g
    JOIN role_assignments ra ON ra.agency_id IN (g.id, g.parent_id) OR (ra.unit_id IS NOT NULL AND ra.unit_id = g.unit_id)
    JOIN accounts ac ON ac.id = ra.account_id AND NOT ac.is_disabled
    WHERE g.id IN (${sql.join(agencyIds)}) AND ra.role IN (${sql.join(roles)})`.execute(db);
  return rows;
}

export async function findAccounts(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('accounts').select(['id', 'email', 'phone']).where('id', 'in', ids).execute();
}

export async function markNotified(
  db: Executor,
  alert: Pick<PendingAlert, 'dossier_id' | 'kind' | 'subject'>,
  now: Date,
  recipients: number,
) {
  await db
    .updateTable('timeliness_alerts')
    .set({ notified_at: now, recipients })
    .where('dossier_id', '=', alert.dossier_id)
    .where('kind', '=', alert.kind)
    .where('subject', '=', alert.subject)
    .execute();
}
