import DataLoader from 'dataloader';
import { type DataSource, In } from 'typeorm';
import { defineLoader } from 'src/common/dataloaders/request-loaders';
import { MailMessageRepository } from './mail-message.repository';
import type { MailMessageEntity } from './mail-message.entity';
import { MailSyncStateEntity } from './mail-sync-state.entity';

/** Each mailbox's sync state (null before its first run), for Mailbox.sync. */
export const mailSyncStateLoader = defineLoader(
  'mailSyncState',
  (ds: DataSource) =>
    new DataLoader<string, MailSyncStateEntity | null>(async (ids) => {
      const rows = await ds.getRepository(MailSyncStateEntity).findBy({ mailboxId: In([...ids]) });
      const byId = new Map(rows.map((r) => [r.mailboxId, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
);

/** Each order's messages, newest first, for Order.mailMessages. */
export const mailByOrderLoader = defineLoader(
  'mailByOrder',
  (ds: DataSource) =>
    new DataLoader<string, MailMessageEntity[]>(async (orderIds) => {
      const rows = await new MailMessageRepository(ds).byOrderIds(orderIds);
      return orderIds.map((id) => rows.filter((r) => r.orderIds.includes(id)));
    }),
);
