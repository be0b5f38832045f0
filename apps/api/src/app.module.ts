import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { graphqlOptions } from './common/graphql/graphql-options';
import type { AppConfig } from './config/app-config';
import { CoreModule } from './config/core.module';
import { TransactionsModule } from './common/database/transactions';
import type { RunningDatabase } from './config/app-config.token';
import { typeormOptions } from './database/typeorm-options';
import { ActionsModule } from './modules/actions/actions.module';
import { AlertsModule } from './modules/alerts/alerts.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { BulkModule } from './modules/bulk/bulk.module';
import { BuyerDataModule } from './modules/buyer-data/buyer-data.module';
import { SsoModule } from './modules/auth/sso/sso.module';
import { CatalogModule } from './modules/catalog/catalog.module';
import { PrintModule } from './modules/print/print.module';
import { ChannelsModule } from './modules/channels/channels.module';
import { ComplianceModule } from './modules/compliance/compliance.module';
import { DemoModule } from './modules/demo/demo.module';
import { FulfillmentModule } from './modules/fulfillment/fulfillment.module';
import { HealthModule } from './modules/health/health.module';
import { MailModule } from './modules/mail/mail.module';
import { JobsModule } from './modules/jobs/jobs.module';
import { McfModule } from './modules/mcf/mcf.module';
import { ShipmentTrackingModule } from './modules/carrier-tracking/trackers/shipment-tracking.module';
import { OrdersModule } from './modules/orders/orders.module';
import { OutboxModule } from './modules/outbox/outbox.module';
import { ReturnsModule } from './modules/returns/returns.module';
import { RulesModule } from './modules/rules/rules.module';
import { SavedViewsModule } from './modules/saved-views/saved-views.module';
import { SyncModule } from './modules/sync/sync.module';
import { MfaModule } from './modules/users/mfa/mfa.module';
import { UsersModule } from './modules/users/users.module';
import { MailboxModule } from './modules/mailbox/mailbox.module';
import { SuppliersModule } from './modules/suppliers/suppliers.module';
import { TrackingIntakeModule } from './modules/suppliers/intake/intake.module';
import { BuyerMessagesModule } from './modules/buyer-messages/buyer-messages.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { PushModule } from './modules/push/push.module';
import { LabelsModule } from './modules/labels/labels.module';
import { LabelBatchModule } from './modules/labels/batch/label-batch.module';

@Module({})
export class AppModule {
  static register(config: AppConfig, database: RunningDatabase): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.register(config, database),
        TypeOrmModule.forRoot(typeormOptions(database.url, database.poolSize, config.logLevel !== 'silent')),
        GraphQLModule.forRootAsync<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          inject: [getDataSourceToken()],
          useFactory: (ds: DataSource) => graphqlOptions(config, ds),
        }),
        TransactionsModule,
        JobsModule.register(config, 'api'),
        AuditModule,
        AlertsModule,
        MailModule,
        UsersModule,
        MfaModule,
        AuthModule,
        SsoModule,
        ChannelsModule,
        OrdersModule,
        FulfillmentModule,
        RulesModule,
        HealthModule,
        SyncModule,
        OutboxModule,
        ActionsModule,
        McfModule,
        BulkModule,
        ShipmentTrackingModule,
        ComplianceModule,
        ReturnsModule,
        BuyerDataModule,
        CatalogModule,
        PrintModule,
        SavedViewsModule,
        MailboxModule,
        SuppliersModule,
        TrackingIntakeModule,
        BuyerMessagesModule,
        NotificationsModule,
        PushModule,
        LabelsModule,
        LabelBatchModule,
        DemoModule,
      ],
    };
  }
}
