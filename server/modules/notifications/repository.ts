import { sql, type Selectable } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { Executor } from '../../jobs/queue.ts';
import type {
  ChannelName,
  DevMailboxTable,
  InboxMessagesTable,
  Locale,
  NotificationsTable,
  TemplateOverridesTable,
} from './tables.ts';

export type NotificationRow = Selectable<NotificationsTable>;
export type InboxRow = Selectable<InboxMessagesTable>;
export type DevMailboxRow = Selectable<DevMailboxTable>;

export interface NewNotification {
  dedupKey: string;
  template: string;
  channel: ChannelName;
  accountId: string | null;
  address: string | null;
  locale: Locale;
  params: Record<string, unknown>;
  createdAt: Date;
}

/** Inserts one outbox row; undefined when the same event already notified this recipient on this channel. */
export async function insertNotification(trx: Executor, n: NewNotification): Promise<number | undefined> {
  const row = await trx
    .insertInto('notifications')
    .values({
      dedup_key: n.dedupKey,
      template: n.template,
      channel: n.channel,
      account_id: n.accountId,
      address: n.address,
      locale: n.locale,
      params: JSON.stringify(n.params),
      created_at: n.createdAt,
    })
    .onConflict((oc) => oc.column('dedup_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function findNotification(db: Database, id: number): Promise<NotificationRow | undefined> {
  return db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function recordDelivery(
  db: Database,
  id: number,
  input: { status: 'sent' | 'skipped'; at: Date; providerId: string | null; note: string | null; wipeParams: boolean },
): Promise<void> {
  await db
    .updateTable('notifications')
    .set((eb) => ({
      ...(input.wipeParams ? { params: '{}' } : {}),
      status: input.status,
      sent_at: input.status === 'sent' ? input.at : null,
      provider_id: input.providerId,
      last_error: input.note,
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

export async function recordFailure(
  db: Database,
  id: number,
  error: string,
  isDead: boolean,
  wipeParams = false,
): Promise<void> {
  await db
    .updateTable('notifications')
    .set((eb) => ({
      ...(wipeParams ? { params: '{}' } : {}),
      status: isDead ? 'dead' : 'failed',
      sent_at: null,
      last_error: error.slice(0, 2000),
      // The dead-letter hook records the final state only; the attempt itself was counted already.
      attempts: isDead ? eb.ref('attempts') : eb('attempts', '+', 1),
    }))
    .where('id', '=', id)
    .where('status', 'in', ['pending', 'failed'])
    .execute();
}

const RATE_LOCK_BASE = 727_040;
const CHANNEL_LOCK: Record<ChannelName, number> = { email: 1, sms: 2, zns: 3, inapp: 4 };

/**
 * Takes one of the channel's `limit` sending slots per minute for this message, or returns false. Exact
 * across workers: the count and the reservation (sent_at set ahead of the send) happen under a
 * transaction-scoped advisory lock per channel. A failed send gives the slot back (recordFailure).
 */
export async function reserveSendSlot(
  db: Database,
  input: { id: number; channel: ChannelName; now: Date; windowStart: Date; limit: number },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${RATE_LOCK_BASE + CHANNEL_LOCK[input.channel]})`.execute(trx);
    const row = await trx
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('channel', '=', input.channel)
      .where('sent_at', '>', input.windowStart)
      .where('id', '<>', input.id)
      .executeTakeFirstOrThrow();
    if (Number(row.n) >= input.limit) return false;
    await trx.updateTable('notifications').set({ sent_at: input.now }).where('id', '=', input.id).execute();
    return true;
  });
}

export async function insertInboxMessage(db: Database, m: Omit<InboxRow, 'id' | 'read_at'>): Promise<void> {
  await db
    .insertInto('inbox_messages')
    .values(m)
    .onConflict((oc) => oc.column('notification_id').doNothing())
    .execute();
}

export async function insertDevMailboxMessage(db: Database, m: Omit<DevMailboxRow, 'id'>): Promise<void> {
  await db
    .insertInto('dev_mailbox')
    .values(m)
    .onConflict((oc) => oc.column('notification_id').doNothing())
    .execute();
}

export async function listInboxMessages(
  db: Database,
  accountId: string,
  page: { limit: number; beforeId?: number | undefined; unreadOnly: boolean },
): Promise<{ items: InboxRow[]; unread: number }> {
  let query = db.selectFrom('inbox_messages').selectAll().where('account_id', '=', accountId);
  if (page.beforeId !== undefined) query = query.where('id', '<', page.beforeId);
  if (page.unreadOnly) query = query.where('read_at', 'is', null);
  const items = await query.orderBy('id', 'desc').limit(page.limit).execute();
  const unread = await db
    .selectFrom('inbox_messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { items, unread: Number(unread.n) };
}

/** Marks one of the account's own messages read; false when it is not theirs (or does not exist). */
export async function markInboxMessageRead(db: Database, accountId: string, id: number, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('inbox_messages')
    .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(at)) }))
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listDevMailbox(db: Database, limit: number): Promise<DevMailboxRow[]> {
  return db.selectFrom('dev_mailbox').selectAll().orderBy('id', 'desc').limit(limit).execute();
}

// --- administrators' wording of templates (0092) ----------------------------------------------------

export type TemplateOverrideRow = Selectable<TemplateOverridesTable>;

export async function findTemplateOverride(
  db: Database,
  template: string,
  locale: Locale,
): Promise<TemplateOverrideRow | undefined> {
  return db
    .selectFrom('notification_template_overrides')
    .selectAll()
    .where('template', '=', template)
    .where('locale', '=', locale)
    .executeTakeFirst();
}

export async function listTemplateOverrides(
  db: Database,
  template?: string,
): Promise<Array<TemplateOverrideRow & { updated_by_name: string }>> {
  let query = db
    .selectFrom('notification_template_overrides as o')
    .innerJoin('accounts as a', 'a.id', 'o.updated_by')
    .selectAll('o')
    .select('a.full_name as updated_by_name');
  if (template !== undefined) query = query.where('o.template', '=', template);
  return query.orderBy('o.template').orderBy('o.locale').execute();
}

const TEMPLATE_WRITE_LOCK = 727_050;

/** Serialises the writes to templates, so an audited "before" is what the write replaced. */
export async function lockTemplateWrites(trx: Executor): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${TEMPLATE_WRITE_LOCK})`.execute(trx);
}

export async function upsertTemplateOverride(trx: Executor, row: TemplateOverrideRow): Promise<void> {
  await trx
    .insertInto('notification_template_overrides')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['template', 'locale']).doUpdateSet({
        subject: row.subject,
        body: row.body,
        sms: row.sms,
        updated_at: row.updated_at,
        updated_by: row.updated_by,
      }),
    )
    .execute();
}

export async function deleteTemplateOverride(trx: Executor, template: string, locale: Locale): Promise<boolean> {
  const result = await trx
    .deleteFrom('notification_template_overrides')
    .where('template', '=', template)
    .where('locale', '=', locale)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
