import { Module } from '@nestjs/common';
import { OrderShipmentsResolver } from './order-shipments.resolver';
import { ShipmentRepository } from './shipment.repository';
import { ShipmentResolver } from './shipment.resolver';

@Module({ providers: [ShipmentRepository, ShipmentResolver, OrderShipmentsResolver], exports: [ShipmentRepository] })
export class FulfillmentModule {}
