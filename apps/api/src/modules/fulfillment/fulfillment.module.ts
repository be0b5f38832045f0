import { Module } from '@nestjs/common';
import { ShipmentRepository } from './shipment.repository';
import { ShipmentResolver } from './shipment.resolver';

@Module({ providers: [ShipmentRepository, ShipmentResolver], exports: [ShipmentRepository] })
export class FulfillmentModule {}
