import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { DemoSandboxService } from './demo-sandbox.service';

@Module({ imports: [ChannelsModule], providers: [DemoSandboxService], exports: [DemoSandboxService] })
export class DemoModule {}
