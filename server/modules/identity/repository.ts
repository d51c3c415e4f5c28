import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Database } from '../../db/client.ts';
import { announceChanges } from '../../lib/shared-cache.ts';
import { scopeCondition, type Access } from './scope.ts';
import type { AccountsTable, ApiTokensTable, CodePurpose, RoleAssignmentsTable, SessionsTable } from './tables.ts';

/** The only SQL of the identity module. */
export type AccountRow = Selectable<AccountsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;

export async function insertAccount(db: Database, row: Insertable<AccountsTable>): Promise<void> {
  await db.insertInto('accounts').values(row).execute();
}

// Every request reads its session (with the account's name, kind and flags) and an officer's roles through
// per-process caches (sessions.ts, authenticate.ts). Whatever changes them here announces it, in the same
// transaction, so that no process serves a logged-out session, a disabled account or a removed role.
export const SESSION_CACHE = 'session';
export const ROLES_CACHE = 'roles';

async function announceSessionsOf(db: Database, accountId: string): Promise<void> {
  const rows = await db.selectFrom('sessions').select('id_hash').where('account_id', '=', accountId).execute();
  await announceChanges(
    db,
    SESSION_CACHE,
    rows.map((r) => r.id_hash),
  );
}

export async function updateAccount(db: Database, id: string, patch: Updateable<AccountsTable>): Promise<void> {
  await db.updateTable('accounts').set(patch).where('id', '=', id).execute();
  await announceSessionsOf(db, id);
}

export function findAccountById(db: Database, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A login name is a phone number or an e-mail address (already normalised). */
export function findAccountByLogin(db: Database, login: string): Promise<AccountRow | undefined> {
  return db
    .selectFrom('accounts')
    .selectAll()
    .where((eb) => eb.or([eb('phone', '=', login), eb('email', '=', login)]))
    .executeTakeFirst();
}

export function findAccountBySubject(db: Database, subject: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('national_id_subject', '=', subject).executeTakeFirst();
}

export async function findTakenContacts(
  db: Database,
  contacts: { phone?: string | null; email?: string | null; nationalId?: string | null },
  exceptId?: string,
): Promise<Array<'phone' | 'email' | 'nationalId'>> {
  const rows = await db
    .selectFrom('accounts')
    .select(['phone', 'email', 'national_id'])
    .where((eb) =>
      eb.or([
        ...(contacts.phone ? [eb('phone', '=', contacts.phone)] : []),
        ...(contacts.email ? [eb('email', '=', contacts.email)] : []),
        ...(contacts.nationalId ? [eb('national_id', '=', contacts.nationalId)] : []),
        eb.val(false),
      ]),
    )
    .$if(exceptId !== undefined, (q) => q.where('id', '<>', exceptId ?? ''))
    .execute();
  const taken = new Set<'phone' | 'email' | 'nationalId'>();
  for (const r of rows) {
    if (contacts.phone && r.phone === contacts.phone) taken.add('phone');
    if (contacts.email && r.email === contacts.email) taken.add('email');
    if (contacts.nationalId && r.national_id === contacts.nationalId) taken.add('nationalId');
  }
  return [...taken];
}

export interface RoleRow {
  id: string;
  account_id: string;
  role: RoleAssignmentsTable['role'];
  unit_id: number | null;
  unit_code: string | null;
  unit_name: string | null;
  agency_id: string | null;
  agency_name: string | null;
}

export function findRoles(db: Database, accountIds: string[]): Promise<RoleRow[]> {
  if (accountIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('role_assignments as r')
    .leftJoin('units as u', 'u.id', 'r.unit_id')
    .leftJoin('agencies as a', 'a.id', 'r.agency_id')
    .select([
      'r.id',
      'r.account_id',
      'r.role',
      'r.unit_id',
      'u.code as unit_code',
      'u.full_name as unit_name',
      'r.agency_id',
      'a.name as agency_name',
    ])
    .where('r.account_id', 'in', accountIds)
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute();
}

export async function insertRoles(db: Database, rows: Insertable<RoleAssignmentsTable>[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('role_assignments').values(rows).execute();
  await announceChanges(db, ROLES_CACHE, [...new Set(rows.map((r) => r.account_id))]);
}

export async function deleteRole(db: Database, roleId: string): Promise<void> {
  const gone = await db.deleteFrom('role_assignments').where('id', '=', roleId).returning('account_id').execute();
  await announceChanges(
    db,
    ROLES_CACHE,
    gone.map((r) => r.account_id),
  );
}

/** Officer accounts holding a role anywhere inside the access's units/agencies (scoped in SQL). */
export function findOfficers(db: Database, access: Access): Promise<AccountRow[]> {
  return db
    .selectFrom('accounts')
    .selectAll()
    .where('kind', '=', 'officer')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('role_assignments as r')
          .select('r.id')
          .whereRef('r.account_id', '=', 'accounts.id')
          .where(scopeCondition(access, { unit: 'r.unit_id', agency: 'r.agency_id' })),
      ),
    )
    .orderBy('full_name')
    .execute();
}

// --- sessions -------------------------------------------------------------------------------

export async function insertSession(db: Database, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export type SessionWithAccount = SessionRow &
  Pick<AccountRow, 'kind' | 'full_name' | 'is_disabled' | 'is_national_id_verified'>;

/** The session and who it belongs to in one round trip: this runs on every authenticated request. */
export function findSession(db: Database, idHash: string): Promise<SessionWithAccount | undefined> {
  return db
    .selectFrom('sessions as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .selectAll('s')
    .select(['a.kind', 'a.full_name', 'a.is_disabled', 'a.is_national_id_verified'])
    .where('s.id_hash', '=', idHash)
    .executeTakeFirst();
}

export async function touchSession(db: Database, idHash: string, now: Date, idleExpiresAt: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now, idle_expires_at: idleExpiresAt })
    .where('id_hash', '=', idHash)
    .execute();
}

export async function deleteSession(db: Database, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  await announceChanges(db, SESSION_CACHE, [idHash]);
}

export async function deleteOtherSessions(db: Database, accountId: string, keepIdHash: string): Promise<void> {
  const gone = await db
    .deleteFrom('sessions')
    .where('account_id', '=', accountId)
    .where('id_hash', '<>', keepIdHash)
    .returning('id_hash')
    .execute();
  await announceChanges(
    db,
    SESSION_CACHE,
    gone.map((r) => r.id_hash),
  );
}

export async function deleteSessionsOf(db: Database, accountId: string): Promise<void> {
  const gone = await db.deleteFrom('sessions').where('account_id', '=', accountId).returning('id_hash').execute();
  await announceChanges(
    db,
    SESSION_CACHE,
    gone.map((r) => r.id_hash),
  );
}

// --- API tokens -----------------------------------------------------------------------------

export async function insertApiToken(db: Database, row: Insertable<ApiTokensTable>): Promise<void> {
  await db.insertInto('api_tokens').values(row).execute();
}

export function findApiTokenByHash(db: Database, hash: string): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
}

export function findApiTokensOf(db: Database, accountId: string): Promise<ApiTokenRow[]> {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function revokeApiToken(db: Database, id: string, accountId: string, now: Date): Promise<number> {
  const r = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function markApiTokenUsed(db: Database, id: string, now: Date): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
}

// --- verification codes ---------------------------------------------------------

export async function insertCode(
  db: Database,
  row: { id: string; account_id: string; purpose: CodePurpose; code_hash: string; expires_at: Date; created_at: Date },
): Promise<void> {
  // A new code supersedes the earlier ones of the same purpose.
  await db
    .updateTable('verification_codes')
    .set({ used_at: row.created_at })
    .where('account_id', '=', row.account_id)
    .where('purpose', '=', row.purpose)
    .where('used_at', 'is', null)
    .execute();
  await db.insertInto('verification_codes').values(row).execute();
}

export function findLiveCode(db: Database, accountId: string, purpose: CodePurpose, now: Date) {
  return db
    .selectFrom('verification_codes')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

export async function countCodeAttempt(db: Database, id: string): Promise<void> {
  await db
    .updateTable('verification_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function useCode(db: Database, id: string, now: Date): Promise<void> {
  await db.updateTable('verification_codes').set({ used_at: now }).where('id', '=', id).execute();
}

// --- scope ----------------------------------------------------------------------------------

/**
 * Units below (and including) the given roots, and the agencies located in them or below the given
 * agency roots: one recursive query per call, so scoping is a set of ids a caller puts in its WHERE.
 */
export async function expandSubtrees(
  db: Database,
  unitRoots: number[],
  agencyRoots: string[],
): Promise<{ unitIds: number[]; agencyIds: string[] }> {
  const unitRows = unitRoots.length
    ? await sql<{ id: number }>`
        WITH RECURSIVE t(id) AS (
          SELECT id FROM units WHERE id IN (${sql.join(unitRoots)})
          UNION SELECT u.id FROM units u JOIN t ON u.parent_id = t.id)
        SELECT id FROM t`.execute(db)
    : { rows: [] };
  const unitIds = unitRows.rows.map((r) => Number(r.id));
  const agencyRows =
    unitIds.length || agencyRoots.length
      ? await sql<{ id: string }>`
        WITH RECURSIVE t(id) AS (
          SELECT id FROM agencies WHERE ${
            unitIds.length ? sql`unit_id IN (${sql.join(unitIds)})` : sql`false`
          } OR ${agencyRoots.length ? sql`id IN (${sql.join(agencyRoots)})` : sql`false`}
          UNION SELECT a.id FROM agencies a JOIN t ON a.parent_id = t.id)
        SELECT id FROM t`.execute(db)
      : { rows: [] };
  return { unitIds, agencyIds: agencyRows.rows.map((r) => r.id) };
}

// Serialises the removals of administrator roles, so two administrators cannot remove each other at once.
const ADMIN_REMOVAL_LOCK = 727_010;

export async function lockAdministratorRemovals(trx: Database): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${ADMIN_REMOVAL_LOCK})`.execute(trx);
}

/**
 * Enabled accounts other than the given assignment's that hold an administrator role covering its root
 * (the same scope rules as expandSubtrees, read upwards): for a unit, an admin of that unit or one above;
 * for an agency, an admin of that agency or one above it, or of the unit of any of those, or above.
 */
export async function countOtherAdministrators(
  db: Database,
  root: { unitId: number | null; agencyId: string | null },
  exceptRoleId: string,
): Promise<number> {
  const result = await sql<{ n: string | number }>`
    WITH RECURSIVE aa(id, unit_id, parent_id) AS (
      SELECT id, unit_id, parent_id FROM agencies WHERE id = ${root.agencyId}
      UNION SELECT p.id, p.unit_id, p.parent_id FROM agencies p JOIN aa ON p.id = aa.parent_id
    ), ua(id, parent_id) AS (
      SELECT id, parent_id FROM units WHERE id = ${root.unitId} OR id IN (SELECT unit_id FROM aa)
      UNION SELECT p.id, p.parent_id FROM units p JOIN ua ON p.id = ua.parent_id
    )
    SELECT count(DISTINCT r.account_id) AS n
    FROM role_assignments r JOIN accounts a ON a.id = r.account_id
    WHERE r.role IN ('unit_admin', 'city_admin') AND r.id <> ${exceptRoleId} AND NOT a.is_disabled
      AND (r.unit_id IN (SELECT id FROM ua) OR r.agency_id IN (SELECT id FROM aa))`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

export function findUnitIdByCode(db: Database, code: string, at: string): Promise<{ id: number } | undefined> {
  return db
    .selectFrom('units')
    .select('id')
    .where('code', '=', code)
    .where('valid_from', '<=', at)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', at)]))
    .executeTakeFirst();
}
