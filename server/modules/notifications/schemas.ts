import { z } from 'zod';

export const InboxQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  before: z.coerce.number().int().positive().optional(),
  unread: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export type InboxQuery = z.infer<typeof InboxQuery>;

export const InboxMessage = z.object({
  id: z.number().int(),
  template: z.string(),
  subject: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});

export const InboxList = z.object({ items: z.array(InboxMessage), unread: z.number().int() });
export type InboxList = z.infer<typeof InboxList>;

export const InboxParams = z.object({ id: z.coerce.number().int().positive() });

export const DevMailboxMessage = z.object({
  id: z.number().int(),
  channel: z.enum(['email', 'sms', 'inapp', 'zns']),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  createdAt: z.iso.datetime(),
});
export const DevMailboxList = z.object({ items: z.array(DevMailboxMessage) });
export type DevMailboxList = z.infer<typeof DevMailboxList>;
