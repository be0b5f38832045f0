import { Module } from '@nestjs/common';
import { CatalogModule } from 'src/modules/catalog/catalog.module';
import { ChannelsModule } from 'src/modules/channels/channels.module';
import { DemoSandboxService } from './demo-sandbox.service';

@Module({ imports: [ChannelsModule, CatalogModule], providers: [DemoSandboxService], exports: [DemoSandboxService] })
export class DemoModule {}
