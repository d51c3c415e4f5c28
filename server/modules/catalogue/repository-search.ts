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
  if (q) query = query.where(await textCondition(db, q));
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

  // Ranking in two passes, so the trigram functions run on a bounded number of rows however broad
  // the query: a cheap pass keeps the best CANDIDATES by exact code, the query as typed inside the
  // name, then the shortest name; the fine pass orders those by how closely some part of the name
  // matches (word_similarity, which forgives a typo) and the whole name does (similarity, which prefers
  // the shortest: "đăng ký khai sinh" before "… có yếu tố nước ngoài").
  const coarse = q
    ? sql<number>`(CASE WHEN v.code = ${q} THEN 10 ELSE 0 END)
        + (CASE WHEN strpos(v.name_fold, ${folded}) > 0 THEN 2 ELSE 0 END)`
    : sql<number>`0`;
  const candidates = query
    .select([
      'v.id',
      'v.code',
      'v.name',
      'v.name_fold',
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
    .select(coarse.as('coarse'))
    .select(sql<number>`count(*) OVER ()`.as('total'))
    .$if(q !== undefined && q !== '', (qb) => qb.orderBy('coarse', 'desc').orderBy(sql`length(v.name_fold)`))
    .orderBy('v.code')
    .limit(q ? Math.max(CANDIDATES, f.offset + f.limit) : f.offset + f.limit);
  const fine = q
    ? sql<number>`c.coarse + 2 * word_similarity(${folded}, c.name_fold) + similarity(${folded}, c.name_fold)`
    : sql<number>`0`;
  const rows = await db
    .selectFrom(candidates.as('c'))
    .select([
      'c.id',
      'c.code',
      'c.name',
      'c.sector',
      'c.tiers',
      'c.agency_id',
      'c.online_level',
      'c.has_fee',
      'c.time_limit_value',
      'c.time_limit_unit',
      'c.valid_from',
      'c.valid_to',
      'c.total',
    ])
    .select(fine.as('score'))
    .orderBy('score', 'desc')
    .orderBy('c.code')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  // A page past the end has no row to carry the total: count separately then (rare).
  const total =
    rows.length > 0
      ? Number(rows[0]!.total)
      : f.offset === 0
        ? 0
        : Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { total, rows: rows.map(({ total: _total, ...r }) => ({ ...r, score: Number(r.score) })) };
}

/** How many rows the fine ranking looks at; results past it are ordered by the coarse pass only. */
const CANDIDATES = 60;

const CODE_PREFIX = /^\d+(\.[\dA-Za-z]*)*$/;

/**
 * The WHERE for a text query. Each query word is corrected against the vocabulary of catalogue words
 * (itself if known, else its closest words by trigram similarity or prefix, else dropped); the last word
 * may be half typed (instant search), so its completions count too. A procedure must contain, for every
 * kept word, one of its forms as a whole word: `search_tokens && ARRAY[…]`, answered by a GIN index, so
 * typo tolerance costs a lookup in a few thousand words instead of a comparison with every procedure.
 */
async function textCondition(db: Database, q: string) {
  if (CODE_PREFIX.test(q)) return sql<boolean>`v.code LIKE ${q.replace(/[\\%_]/g, '\\$&')} || '%'`;
  const found = await sql<{ w: string; word: string | null; is_last: boolean; completion: boolean }>`
    WITH q AS (
      SELECT w, min(n) AS n FROM regexp_split_to_table(vn_fold(${q}), '[^a-z0-9]+') WITH ORDINALITY AS t(w, n)
      WHERE w <> '' GROUP BY w ORDER BY min(n) LIMIT 10
    ), last AS (SELECT w FROM q ORDER BY n DESC LIMIT 1)
    SELECT q.w, c.word, q.w = (SELECT w FROM last) AS is_last, false AS completion FROM q
    LEFT JOIN LATERAL (
      SELECT word FROM catalogue_words WHERE word = q.w OR word % q.w OR word LIKE q.w || '%'
      ORDER BY (word = q.w) DESC, similarity(word, q.w) DESC LIMIT 3
    ) AS c ON true
    UNION ALL
    SELECT last.w, c.word, true, true FROM last
    JOIN LATERAL (
      SELECT word FROM catalogue_words WHERE word LIKE last.w || '%' ORDER BY length(word), word LIMIT 30
    ) AS c ON true`.execute(db);
  const byWord = new Map<string, { last: boolean; near: string[]; completions: string[] }>();
  for (const { w, word, is_last, completion } of found.rows) {
    const entry = byWord.get(w) ?? { last: is_last, near: [], completions: [] };
    if (word !== null) (completion ? entry.completions : entry.near).push(word);
    byWord.set(w, entry);
  }
  const groups = [...byWord]
    .map(([w, e]) => {
      const forms = e.near.includes(w) ? [w] : e.near;
      return [...new Set(e.last ? [...forms, ...e.completions] : forms)];
    })
    .filter((forms) => forms.length > 0);
  if (groups.length === 0) return sql<boolean>`vn_fold(${q}) <% v.search_text`;
  return sql<boolean>`(${sql.join(
    groups.map((forms) => sql`v.search_tokens && string_to_array(${forms.join(' ')}, ' ')`),
    sql` AND `,
  )})`;
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
