import { Module } from '@nestjs/common';
import { CarrierEventsModule } from 'src/modules/carrier-events/carrier-events.module';
import { ShipmentTrackingModule } from 'src/modules/carrier-tracking/trackers/shipment-tracking.module';
import { OutboxModule } from 'src/modules/outbox/outbox.module';
import { TrackingHoldRepository } from './tracking-hold.repository';
import { TrackingHoldSweepScheduler } from './tracking-hold-sweep.scheduler';
import { OrderTrackingHoldsResolver, TrackingHoldsResolver } from './tracking-holds.resolver';
import { TrackingHoldsService } from './tracking-holds.service';

/** Hold tracking until it scans: held channel confirmations, their release paths, Order.trackingHolds. */
@Module({
  imports: [OutboxModule, CarrierEventsModule, ShipmentTrackingModule],
  providers: [
    TrackingHoldRepository,
    TrackingHoldsService,
    TrackingHoldSweepScheduler,
    TrackingHoldsResolver,
    OrderTrackingHoldsResolver,
  ],
  exports: [TrackingHoldsService],
})
export class TrackingHoldsModule {}
