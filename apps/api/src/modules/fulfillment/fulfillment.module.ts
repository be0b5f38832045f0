import { Module } from '@nestjs/common';
import { ShipmentResolver } from './shipment.resolver';

@Module({ providers: [ShipmentResolver] })
export class FulfillmentModule {}
