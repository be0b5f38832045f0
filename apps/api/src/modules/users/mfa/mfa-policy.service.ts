import { Injectable } from '@nestjs/common';
import { anyChannelRequiresMfa, buyerDataPolicy } from '@order-hub/rules';
import { ApiRole, mfaRequired, type Channel } from '@order-hub/types';
import { ChannelAccountsService } from 'src/modules/channels/channel-accounts.service';
import type { UserEntity } from 'src/modules/users/user.entity';
import { SecuritySettingRepository } from './security-setting.repository';

/** Who must give a second factor: ADMIN always; everyone else as the "require MFA" setting or its default says. */
@Injectable()
export class MfaPolicyService {
  constructor(
    private readonly settings: SecuritySettingRepository,
    private readonly accounts: ChannelAccountsService,
  ) {}

  async requiredFor(user: Pick<UserEntity, 'role'>): Promise<boolean> {
    if (user.role === ApiRole.ADMIN) return true;
    const [setting, channelsAsk] = await Promise.all([this.settings.find(), this.connectedChannelsRequireMfa()]);
    return mfaRequired(user.role, setting?.requireMfa ?? null, channelsAsk);
  }

  /** Whether a connected (enabled) account's channel asks for MFA on everyone who sees its buyers' data. */
  async connectedChannelsRequireMfa(): Promise<boolean> {
    return anyChannelRequiresMfa(await this.connectedChannels());
  }

  /** The connected channels whose buyer-data policy asks for MFA, for the setting's explanation. */
  async channelsRequiringMfa(): Promise<Channel[]> {
    return (await this.connectedChannels()).filter((channel) => buyerDataPolicy(channel).requiresMfa);
  }

  private async connectedChannels(): Promise<Channel[]> {
    const accounts = await this.accounts.list();
    return [...new Set(accounts.filter((a) => !a.disabledAt).map((a) => a.channel))];
  }
}
