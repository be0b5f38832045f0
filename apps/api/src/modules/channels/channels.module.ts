import { Module } from '@nestjs/common';
import { ChannelAccountsResolver } from './channel-accounts.resolver';
import { ChannelAccountsService } from './channel-accounts.service';
import { ChannelAdaptersService } from './channel-adapters.service';

@Module({
  providers: [ChannelAccountsService, ChannelAdaptersService, ChannelAccountsResolver],
  exports: [ChannelAccountsService, ChannelAdaptersService],
})
export class ChannelsModule {}
