import type { ColumnType, Generated } from 'kysely';

/** Kysely row types for notifications (migrations/0041_notifications.sql). */
export type ChannelName = 'email' | 'sms' | 'inapp' | 'zns';
export type NotificationStatus = 'pending' | 'failed' | 'sent' | 'skipped' | 'dead';
export type Locale = 'vi' | 'en';

export interface NotificationsTable {
  id: Generated<number>;
  dedup_key: string;
  template: string;
  channel: ChannelName;
  account_id: string | null;
  address: string | null;
  locale: Generated<Locale>;
  params: ColumnType<Record<string, unknown>, string, string>;
  status: Generated<NotificationStatus>;
  attempts: Generated<number>;
  last_error: string | null;
  provider_id: string | null;
  created_at: Date;
  sent_at: Date | null;
}

export interface InboxMessagesTable {
  id: Generated<number>;
  notification_id: number;
  account_id: string;
  template: string;
  subject: string;
  body: string;
  link: string | null;
  created_at: Date;
  read_at: Date | null;
}

export interface DevMailboxTable {
  id: Generated<number>;
  notification_id: number;
  channel: ChannelName;
  address: string;
  subject: string;
  body: string;
  created_at: Date;
}

/** An administrator's wording of one template in one language (0092); a NULL part keeps the default. */
export interface TemplateOverridesTable {
  template: string;
  locale: Locale;
  subject: string | null;
  body: string | null;
  sms: string | null;
  updated_at: Date;
  updated_by: string;
}

export interface NotificationsTables {
  notifications: NotificationsTable;
  notification_template_overrides: TemplateOverridesTable;
  inbox_messages: InboxMessagesTable;
  dev_mailbox: DevMailboxTable;
}
