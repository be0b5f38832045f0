import { Module } from '@nestjs/common';
import { ChannelAccountsResolver } from './channel-accounts.resolver';
import { ChannelAccountsService } from './channel-accounts.service';

@Module({
  providers: [ChannelAccountsService, ChannelAccountsResolver],
  exports: [ChannelAccountsService],
})
export class ChannelsModule {}
