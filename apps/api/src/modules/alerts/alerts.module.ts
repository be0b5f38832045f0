import { Global, Module } from '@nestjs/common';
import { ChannelsModule } from 'src/modules/channels/channels.module';
import { AlertRepository } from './alert.repository';
import { AlertConnectionResolver, AlertsResolver } from './alerts.resolver';
import { AlertsService } from './alerts.service';
import { ChannelWarningRepository } from './channel-warnings/channel-warning.repository';
import { ChannelWarningsResolver } from './channel-warnings/channel-warnings.resolver';
import { ChannelWarningsService } from './channel-warnings/channel-warnings.service';

@Global()
@Module({
  imports: [ChannelsModule],
  providers: [
    AlertRepository,
    AlertsService,
    AlertsResolver,
    AlertConnectionResolver,
    ChannelWarningRepository,
    ChannelWarningsService,
    ChannelWarningsResolver,
  ],
  exports: [AlertRepository, AlertsService, ChannelWarningsService],
})
export class AlertsModule {}
