import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from './config/app-config';
import { CoreModule } from './config/core.module';
import { TransactionsModule } from './common/database/transactions';
import type { RunningDatabase } from './config/app-config.token';
import { typeormOptions } from './database/typeorm-options';
import { AlertsModule } from './modules/alerts/alerts.module';
import { AuditModule } from './modules/audit/audit.module';
import { BuyerDataPurgeModule } from './modules/buyer-data/purge/buyer-data-purge.module';
import { BuyerMessagesModule } from './modules/buyer-messages/buyer-messages.module';
import { ComplianceModule } from './modules/compliance/compliance.module';
import { JobsModule } from './modules/jobs/jobs.module';
import { MailModule } from './modules/mail/mail.module';
import { MailboxModule } from './modules/mailbox/mailbox.module';
import { McfModule } from './modules/mcf/mcf.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { PushModule } from './modules/push/push.module';
import { ShipmentTrackingModule } from './modules/carrier-tracking/trackers/shipment-tracking.module';
import { OutboxModule } from './modules/outbox/outbox.module';
import { ReturnsModule } from './modules/returns/returns.module';
import { TrackingIntakeModule } from './modules/suppliers/intake/intake.module';
import { SuppliersModule } from './modules/suppliers/suppliers.module';
import { SyncModule } from './modules/sync/sync.module';
import { MfaModule } from './modules/users/mfa/mfa.module';
import { UsersModule } from './modules/users/users.module';

/**
 * What a worker process loads: configuration, the database, the job handlers and the schedule, without HTTP
 * or GraphQL. With REDIS_URL it consumes the BullMQ queue; without, it runs the schedule's jobs itself.
 */
@Module({})
export class WorkerModule {
  static register(config: AppConfig, database: RunningDatabase): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.register(config, database),
        TypeOrmModule.forRoot(typeormOptions(database.url, database.poolSize, config.logLevel !== 'silent')),
        TransactionsModule,
        JobsModule.register(config, 'worker'),
        AuditModule,
        AlertsModule,
        // The auth module (through compliance's download guard) checks people and their MFA policy.
        MailModule,
        UsersModule,
        MfaModule,
        SyncModule,
        OutboxModule,
        McfModule,
        ShipmentTrackingModule,
        ComplianceModule,
        ReturnsModule,
        BuyerDataPurgeModule,
        // The mailbox is read where the schedule runs, so every module that takes mail must be loaded beside it:
        // a message no handler claims is recorded as ignored, never read again.
        MailboxModule,
        SuppliersModule,
        TrackingIntakeModule,
        BuyerMessagesModule,
        NotificationsModule,
        PushModule,
      ],
    };
  }
}
