import type { Database } from '../../db/client.ts';
import { readReferenceFile } from '../../db/reference-files.ts';
import { buildAgencies, type AgencySource } from './reference-agencies.ts';

interface UnitSource {
  code: string;
  name: string;
  fullName: string;
  type: string;
  typeLabel: string;
  level: 'city' | 'district' | 'commune';
  parentCode: string | null;
  mergedFrom?: Array<{ code: string; whole: boolean }>;
}

// Validity of each set: the GSO snapshot of 16/10/2018 (in force on 17/11/2018) until the two-tier
// reform of 01/07/2025 (Resolution 1656/NQ-UBTVQH15). Intermediate changes (2019–2020 merges) are not
// in our data; see reference/SOURCES.md.
const SETS = [
  { set: '2018', file: 'hanoi-units-2018.json', validFrom: '2018-10-16', validTo: '2025-07-01' },
  { set: '2025', file: 'hanoi-units-2025.json', validFrom: '2025-07-01', validTo: null },
] as const;

/**
 * Loads administrative units and agencies from reference/ inside one transaction, once per content
 * version (a restart with unchanged files does nothing). Returns whether anything was loaded.
 */
export async function loadUnitsReference(db: Database): Promise<boolean> {
  const files = await Promise.all([
    readReferenceFile(SETS[0].file),
    readReferenceFile(SETS[1].file),
    readReferenceFile('hanoi-agencies-2018.json'),
  ]);
  const sha256 = files.map((f) => f.sha256).join(':');
  const loaded = await db.selectFrom('reference_loads').select('sha256').where('name', '=', 'units').executeTakeFirst();
  if (loaded?.sha256 === sha256) return false;
  if (loaded) {
    // Units are referenced by id from everywhere; a changed file needs a migration that says how.
    throw new Error('reference/ units or agencies changed after they were loaded: write a migration for the change');
  }
  await db.transaction().execute(async (trx) => {
    const ids = new Map<string, number>();
    for (const [index, meta] of SETS.entries()) {
      const rows = JSON.parse(files[index]!.text) as UnitSource[];
      await insertUnitSet(trx, meta, rows, ids);
    }
    await insertSuccessions(trx, JSON.parse(files[1].text) as UnitSource[], ids);
    const units2018 = JSON.parse(files[0].text) as UnitSource[];
    const agencies = buildAgencies(
      JSON.parse(files[2].text) as AgencySource[],
      new Map(units2018.filter((u) => u.level === 'district').map((u) => [u.code, u.type])),
    );
    const idByKey = new Map(agencies.map((a) => [a.key, a.id]));
    for (let i = 0; i < agencies.length; i += 500) {
      await trx
        .insertInto('agencies')
        .values(
          agencies.slice(i, i + 500).map((a) => ({
            id: a.id,
            key: a.key,
            id_status: a.idStatus,
            name: a.name,
            short_name: a.shortName,
            kind: a.kind,
            level: a.level,
            unit_id: ids.get(`2018/${a.unitCode}`) ?? null,
            parent_id: a.parentKey ? (idByKey.get(a.parentKey) ?? null) : null,
            valid_from: '2018-10-16',
            valid_to: a.validTo,
          })),
        )
        .execute();
    }
    await trx.insertInto('reference_loads').values({ name: 'units', sha256 }).execute();
  });
  return true;
}

async function insertUnitSet(
  db: Database,
  meta: (typeof SETS)[number],
  rows: UnitSource[],
  ids: Map<string, number>,
): Promise<void> {
  // Level by level (city, districts, communes), so each row's parent already has its id.
  for (const level of ['city', 'district', 'commune'] as const) {
    const ofLevel = rows.filter((u) => u.level === level);
    for (let i = 0; i < ofLevel.length; i += 500) {
      const inserted = await db
        .insertInto('units')
        .values(
          ofLevel.slice(i, i + 500).map((u) => ({
            code: u.code,
            name: u.name,
            full_name: u.fullName,
            type: u.type,
            type_label: u.typeLabel,
            level: u.level,
            parent_id: u.parentCode ? (ids.get(`${meta.set}/${u.parentCode}`) ?? null) : null,
            unit_set: meta.set,
            valid_from: meta.validFrom,
            valid_to: meta.validTo,
          })),
        )
        .returning(['id', 'code'])
        .execute();
      for (const row of inserted) ids.set(`${meta.set}/${row.code}`, row.id);
    }
  }
}

async function insertSuccessions(db: Database, rows2025: UnitSource[], ids: Map<string, number>): Promise<void> {
  const values = rows2025.flatMap((u) =>
    (u.mergedFrom ?? []).flatMap((m) => {
      const predecessor = ids.get(`2018/${m.code}`);
      const successor = ids.get(`2025/${u.code}`);
      return predecessor && successor ? [{ predecessor_id: predecessor, successor_id: successor, whole: m.whole }] : [];
    }),
  );
  for (let i = 0; i < values.length; i += 500) {
    await db
      .insertInto('unit_successions')
      .values(values.slice(i, i + 500))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}
