import { Module } from '@nestjs/common';
import { TrackingProviderModule } from 'src/modules/carrier-tracking/provider/tracking-provider.module';

/** Follows every shipment's parcel at the tracking provider: registration, webhooks, polling, carrier events. */
@Module({ imports: [TrackingProviderModule], providers: [], exports: [] })
export class ShipmentTrackingModule {}
