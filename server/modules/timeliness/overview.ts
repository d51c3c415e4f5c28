import { sql } from 'kysely';
import type { AppContext } from '../../context.ts';
import { resolveAccess, scopeCondition, type Actor } from '../identity/service.ts';

const HOUR_MS = 3_600_000;

/**
 * The officers' dashboard tile (DOMAIN §3–§4), per agency in the actor's scope: dossiers overdue (and
 * how many of them have no approved apology letter yet), due within 24 hours, and online dossiers whose
 * acceptance SLA alert has been raised and which are still waiting. Counted live from the dossiers and
 * the alerts, as of `ctx.clock.now()`.
 */
export async function timelinessOverview(ctx: AppContext, actor: Actor) {
  const access = await resolveAccess(ctx, actor, 'dossier.read');
  const now = ctx.clock.now();
  const soon = new Date(now.getTime() + 24 * HOUR_MS);
  const scope = sql<boolean>`(${scopeCondition(access, { agency: 'd.handling_agency_id' })} OR ${scopeCondition(access, { agency: 'd.receiving_agency_id', unit: 'd.receiving_unit_id' })})`;
  const { rows } = await sql<{
    agency_id: string;
    overdue: number;
    overdue_without_apology: number;
    due_soon: number;
    waiting_acceptance: number;
  }>`
    SELECT CASE WHEN d.status = 1 THEN d.receiving_agency_id ELSE d.handling_agency_id END AS agency_id,
      count(*) FILTER (WHERE d.status IN (2, 4, 6) AND d.due_at < ${now})::int AS overdue,
      count(*) FILTER (WHERE d.status IN (2, 4, 6) AND d.due_at < ${now} AND d.apology_id IS NULL)::int
        AS overdue_without_apology,
      count(*) FILTER (WHERE d.status IN (2, 4, 6) AND d.due_at >= ${now} AND d.due_at <= ${soon})::int AS due_soon,
      count(*) FILTER (WHERE d.status = 1 AND EXISTS (SELECT 1 FROM timeliness_alerts a
        WHERE a.dossier_id = d.id AND a.kind = 'waiting_acceptance'))::int AS waiting_acceptance
    FROM dossiers d
    WHERE ((d.status IN (2, 4, 6) AND d.due_at <= ${soon}) OR (d.status = 1 AND d.channel = 2)) AND ${scope}
    GROUP BY 1
    ORDER BY 2 DESC, 1`.execute(ctx.db);
  const agencies = rows
    .map((r) => ({
      agencyId: r.agency_id,
      overdue: Number(r.overdue),
      overdueWithoutApology: Number(r.overdue_without_apology),
      dueSoon: Number(r.due_soon),
      waitingAcceptance: Number(r.waiting_acceptance),
    }))
    .filter((a) => a.overdue + a.dueSoon + a.waitingAcceptance > 0);
  const sum = (k: Exclude<keyof (typeof agencies)[number], 'agencyId'>) => agencies.reduce((a, x) => a + x[k], 0);
  return {
    asOf: now.toISOString(),
    totals: {
      overdue: sum('overdue'),
      overdueWithoutApology: sum('overdueWithoutApology'),
      dueSoon: sum('dueSoon'),
      waitingAcceptance: sum('waitingAcceptance'),
    },
    agencies,
  };
}
