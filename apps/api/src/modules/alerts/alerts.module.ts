import { Global, Module } from '@nestjs/common';
import { AlertConnectionResolver, AlertsResolver } from './alerts.resolver';
import { AlertsService } from './alerts.service';
import { ChannelWarningsResolver } from './channel-warnings/channel-warnings.resolver';
import { ChannelWarningsService } from './channel-warnings/channel-warnings.service';

@Global()
@Module({
  providers: [AlertsService, AlertsResolver, AlertConnectionResolver, ChannelWarningsService, ChannelWarningsResolver],
  exports: [AlertsService],
})
export class AlertsModule {}
