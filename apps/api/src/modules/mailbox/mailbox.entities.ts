import { MailMessageEntity } from './mail-message.entity';
import { MailSyncStateEntity } from './mail-sync-state.entity';
import { MailboxEntity } from './mailbox.entity';

/** The entities this module owns (listed in src/database/entities.ts). */
export const MAILBOX_ENTITIES: (new () => object)[] = [MailboxEntity, MailMessageEntity, MailSyncStateEntity];
