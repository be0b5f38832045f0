import { Module } from '@nestjs/common';
import { CarrierEventRepository } from './carrier-event.repository';

@Module({ providers: [CarrierEventRepository], exports: [CarrierEventRepository] })
export class CarrierEventsModule {}
