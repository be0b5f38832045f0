import { Module } from '@nestjs/common';
import { MailDispatchService } from './mail-dispatch.service';
import { MailHandlers } from './mail-handler';
import { MailMessageRepository } from './mail-message.repository';
import { MailSyncStateRepository } from './mail-sync-state.repository';
import { MailboxAlarms } from './mailbox-alarms';
import { MailboxRepository } from './mailbox.repository';
import {
  MailboxResolver,
  MailMessageConnectionResolver,
  MailMessageResolver,
  OrderMailMessagesResolver,
} from './mailbox.resolver';
import { MailboxService } from './mailbox.service';
import { MailboxSyncScheduler } from './mailbox-sync.scheduler';
import { MailboxSyncService } from './mailbox-sync.service';

/** The seller's mailbox read over IMAP (inbox, junk and sent), every message kept as evidence and handed to the modules that take mail. */
@Module({
  providers: [
    MailHandlers,
    MailboxRepository,
    MailMessageRepository,
    MailSyncStateRepository,
    MailDispatchService,
    MailboxService,
    MailboxSyncService,
    MailboxSyncScheduler,
    MailboxAlarms,
    MailboxResolver,
    MailMessageResolver,
    MailMessageConnectionResolver,
    OrderMailMessagesResolver,
  ],
  exports: [MailHandlers, MailboxAlarms, MailboxSyncService, MailMessageRepository],
})
export class MailboxModule {}
