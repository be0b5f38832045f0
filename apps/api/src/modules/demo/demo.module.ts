import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { OrdersModule } from '../orders/orders.module';
import { DemoSeedService } from './demo-seed.service';

@Module({ imports: [ChannelsModule, OrdersModule], providers: [DemoSeedService], exports: [DemoSeedService] })
export class DemoModule {}
