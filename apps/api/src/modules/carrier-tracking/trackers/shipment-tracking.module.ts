import { Module } from '@nestjs/common';
import { CarrierEventsModule } from 'src/modules/carrier-events/carrier-events.module';
import { TrackingProviderModule } from 'src/modules/carrier-tracking/provider/tracking-provider.module';
import { OrdersModule } from 'src/modules/orders/orders.module';
import { CarrierScanEvents } from './carrier-scan-events';
import { ShipmentTrackingResolver } from './graphql/shipment-tracking.resolver';
import { IngestTrackingEventsJob } from './jobs/ingest-tracking-events.job';
import { TrackShipmentsJob } from './jobs/track-shipments.job';
import { ProviderCallBudget } from './provider-call-budget';
import { ShipmentTrackerRepository } from './shipment-tracker.repository';
import { TrackerPollingService } from './tracker-polling.service';
import { TrackerRegistrationService } from './tracker-registration.service';
import { TrackerSnapshotsService } from './tracker-snapshots.service';
import { TrackingEventIngestService } from './webhooks/tracking-event-ingest.service';
import { TrackingWebhookInboxRepository } from './webhooks/tracking-webhook-inbox.repository';
import { TrackingWebhookRoute } from './webhooks/tracking-webhook.route';

/**
 * Follows every shipment's parcel at the tracking provider: registration, webhooks, polling, carrier events.
 * Others subscribe to CarrierScanEvents (first scan, delivery) and read trackers through ShipmentTrackerRepository.
 */
@Module({
  imports: [TrackingProviderModule, CarrierEventsModule, OrdersModule],
  providers: [
    ShipmentTrackerRepository,
    TrackingWebhookInboxRepository,
    CarrierScanEvents,
    ProviderCallBudget,
    TrackerSnapshotsService,
    TrackerRegistrationService,
    TrackerPollingService,
    TrackingEventIngestService,
    TrackingWebhookRoute,
    TrackShipmentsJob,
    IngestTrackingEventsJob,
    ShipmentTrackingResolver,
  ],
  exports: [ShipmentTrackerRepository, CarrierScanEvents, TrackerRegistrationService],
})
export class ShipmentTrackingModule {}
