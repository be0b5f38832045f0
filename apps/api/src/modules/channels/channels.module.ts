import { Module } from '@nestjs/common';
import { ChannelAccountRepository } from './channel-account.repository';
import { ChannelAccountsResolver } from './channel-accounts.resolver';
import { ChannelAccountsService } from './channel-accounts.service';
import { ChannelAdaptersService } from './channel-adapters.service';

@Module({
  providers: [ChannelAccountRepository, ChannelAccountsService, ChannelAdaptersService, ChannelAccountsResolver],
  exports: [ChannelAccountRepository, ChannelAccountsService, ChannelAdaptersService],
})
export class ChannelsModule {}
