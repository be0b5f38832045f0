import { Module } from '@nestjs/common';
import { ChannelsModule } from 'src/modules/channels/channels.module';
import { MailboxModule } from 'src/modules/mailbox/mailbox.module';
import { OrdersModule } from 'src/modules/orders/orders.module';
import { BuyerMessageClockAlarms } from './buyer-message-clock-alarms';
import { BuyerMessageRepository } from './buyer-message.repository';
import {
  BuyerMessageConnectionResolver,
  BuyerMessagesResolver,
  OrderBuyerMessagesResolver,
} from './buyer-messages.resolver';
import { BuyerMessagesService } from './buyer-messages.service';
import { ChannelMailHandler } from './channel-mail.handler';
import { ChannelMailIntakeService } from './channel-mail-intake.service';
import { SellerReplyHandler } from './seller-reply.handler';

/** Buyer messages and channels' performance e-mails found in the mailbox, with their response clocks. */
@Module({
  imports: [MailboxModule, OrdersModule, ChannelsModule],
  providers: [
    BuyerMessageRepository,
    BuyerMessagesService,
    ChannelMailIntakeService,
    ChannelMailHandler,
    SellerReplyHandler,
    BuyerMessageClockAlarms,
    BuyerMessagesResolver,
    BuyerMessageConnectionResolver,
    OrderBuyerMessagesResolver,
  ],
  exports: [BuyerMessagesService, BuyerMessageClockAlarms],
})
export class BuyerMessagesModule {}
