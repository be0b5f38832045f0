import { Module } from '@nestjs/common';
import { TrackingProviderModule } from 'src/modules/carrier-tracking/provider/tracking-provider.module';
import { CatalogModule } from 'src/modules/catalog/catalog.module';
import { ChannelsModule } from 'src/modules/channels/channels.module';
import { DemoSandboxService } from './demo-sandbox.service';

@Module({
  imports: [ChannelsModule, CatalogModule, TrackingProviderModule],
  providers: [DemoSandboxService],
  exports: [DemoSandboxService],
})
export class DemoModule {}
