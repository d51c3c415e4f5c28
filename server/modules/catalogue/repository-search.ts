import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';

export interface SearchFilter {
  at: string;
  q?: string | undefined;
  tier?: string | undefined;
  /** A unit: procedures handled at its tier, or by an agency located in it. */
  unit?: { level: string; agencyIds: string[] } | undefined;
  agencyId?: string | undefined;
  sector?: string | undefined;
  onlineLevel?: number | undefined;
  hasFee?: boolean | undefined;
  limit: number;
  offset: number;
}

export interface SearchRow {
  id: number;
  code: string;
  name: string;
  sector: string;
  tiers: string[];
  agency_id: string | null;
  online_level: number;
  has_fee: boolean;
  time_limit_value: number;
  time_limit_unit: 'workingDays' | 'workingHours' | 'calendarDays';
  valid_from: string;
  valid_to: string | null;
  score: number;
}

/**
 * Published versions in force at `at`, searched over code, name and sector without diacritics
 * (vn_fold) and with typos (pg_trgm word similarity, `<%` uses the GIN trigram index).
 * Ranking: exact code, then a name that contains the words as typed, then trigram closeness of the
 * name (word_similarity for "contains something like the query", similarity to prefer the shortest
 * name, so "đăng ký khai sinh" ranks above "đăng ký khai sinh có yếu tố nước ngoài").
 */
export async function searchProcedures(db: Database, f: SearchFilter): Promise<{ total: number; rows: SearchRow[] }> {
  let query = db
    .selectFrom('procedure_versions as v')
    .where('v.status', '=', 'published')
    .where('v.valid_from', '<=', f.at)
    .where((eb) => eb.or([eb('v.valid_to', 'is', null), eb('v.valid_to', '>', f.at)]));
  const q = f.q?.trim();
  const folded = sql<string>`vn_fold(${q ?? ''})`;
  if (q) {
    query = query.where(
      sql<boolean>`(${folded} <% v.search_text OR strpos(v.search_text, ${folded}) > 0 OR v.code LIKE ${likePrefix(q)})`,
    );
  }
  if (f.tier) query = query.where(sql<boolean>`${f.tier} = ANY(v.tiers)`);
  if (f.unit) {
    const { level, agencyIds } = f.unit;
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`(${level} = ANY(v.tiers) AND v.agency_id IS NULL)`,
        ...(agencyIds.length > 0 ? [eb('v.agency_id', 'in', agencyIds)] : []),
      ]),
    );
  }
  if (f.agencyId) query = query.where('v.agency_id', '=', f.agencyId);
  if (f.sector) query = query.where(sql<boolean>`vn_fold(v.sector) = vn_fold(${f.sector})`);
  if (f.onlineLevel !== undefined) query = query.where('v.online_level', '=', f.onlineLevel);
  if (f.hasFee !== undefined) query = query.where('v.has_fee', '=', f.hasFee);

  const score = q
    ? sql<number>`(CASE WHEN v.code = ${q} THEN 10 ELSE 0 END)
        + (CASE WHEN strpos(v.name_fold, ${folded}) > 0 THEN 2 ELSE 0 END)
        + 2 * word_similarity(${folded}, v.name_fold)
        + similarity(${folded}, v.name_fold)
        + 0.5 * word_similarity(${folded}, v.search_text)`
    : sql<number>`0`;

  const [count, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    query
      .select([
        'v.id',
        'v.code',
        'v.name',
        'v.sector',
        'v.tiers',
        'v.agency_id',
        'v.online_level',
        'v.has_fee',
        'v.time_limit_value',
        'v.time_limit_unit',
        'v.valid_from',
        'v.valid_to',
      ])
      .select(score.as('score'))
      .orderBy('score', 'desc')
      .orderBy('v.code')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
  ]);
  return { total: Number(count.n), rows: rows.map((r) => ({ ...r, score: Number(r.score) })) };
}

function likePrefix(q: string): string {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
}

/** Published online services (levels 3 and 4) in force at `at`, by level and by tier. */
export async function countOnlineServices(
  db: Database,
  at: string,
): Promise<{ total: number; byLevel: Array<{ key: number; n: number }>; byTier: Array<{ key: string; n: number }> }> {
  const inForce = sql`status = 'published' AND online_level >= 3 AND valid_from <= ${at}
    AND (valid_to IS NULL OR valid_to > ${at})`;
  const [total, byLevel, byTier] = await Promise.all([
    sql<{ n: number }>`SELECT count(*) AS n FROM procedure_versions WHERE ${inForce}`.execute(db),
    sql<{ key: number; n: number }>`SELECT online_level AS key, count(*) AS n FROM procedure_versions
      WHERE ${inForce} GROUP BY online_level ORDER BY online_level`.execute(db),
    sql<{ key: string; n: number }>`SELECT t AS key, count(*) AS n FROM procedure_versions, unnest(tiers) AS t
      WHERE ${inForce} GROUP BY t ORDER BY t`.execute(db),
  ]);
  return {
    total: Number(total.rows[0]?.n ?? 0),
    byLevel: byLevel.rows.map((r) => ({ key: Number(r.key), n: Number(r.n) })),
    byTier: byTier.rows.map((r) => ({ key: r.key, n: Number(r.n) })),
  };
}
