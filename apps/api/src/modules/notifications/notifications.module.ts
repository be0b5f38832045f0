import { Module } from '@nestjs/common';
import { ChannelsModule } from 'src/modules/channels/channels.module';
import { OrdersModule } from 'src/modules/orders/orders.module';
import { AlertDescriptions } from './alert-descriptions';
import { NotificationCursorRepository } from './notification-cursor.repository';
import { NotificationDeliveriesRepository } from './notification-deliveries.repository';
import { NotificationDispatcher } from './notification-dispatcher.service';
import { NotificationLogService } from './notification-log.service';
import { NotificationRulesRepository } from './notification-rules.repository';
import { NotificationRulesService } from './notification-rules.service';
import { NotificationSender } from './notification-sender.service';
import { NotificationViews } from './notification-views';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsScheduler } from './notifications.scheduler';

/** Notification rules: alerts sent to people by e-mail and to scripts by signed webhooks, with retries and a delivery log. */
@Module({
  imports: [ChannelsModule, OrdersModule],
  providers: [
    NotificationRulesRepository,
    NotificationDeliveriesRepository,
    NotificationCursorRepository,
    NotificationRulesService,
    NotificationLogService,
    NotificationViews,
    AlertDescriptions,
    NotificationSender,
    NotificationDispatcher,
    NotificationsScheduler,
    NotificationsResolver,
  ],
  exports: [NotificationDispatcher],
})
export class NotificationsModule {}
