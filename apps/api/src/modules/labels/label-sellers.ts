import { Injectable } from '@nestjs/common';
import { channelProfile } from '@order-hub/rules';
import type { LabelSource } from '@order-hub/types';
import { TrackingProviderService } from 'src/modules/carrier-tracking/provider/tracking-provider.service';
import type { ChannelAccountEntity } from 'src/modules/channels/channel-account.repository';
import { ChannelAdaptersService } from 'src/modules/channels/channel-adapters.service';
import { LabelError, type LabelSeller } from './label-seller';

export interface ChosenSeller {
  seller: LabelSeller;
  source: LabelSource;
}

/** Who sells an account's labels: the channel itself (Amazon Buy Shipping) or the tracking provider (EasyPost). */
@Injectable()
export class LabelSellers {
  constructor(
    private readonly adapters: ChannelAdaptersService,
    private readonly provider: TrackingProviderService,
  ) {}

  async forAccount(account: ChannelAccountEntity): Promise<ChosenSeller> {
    const profile = channelProfile(account.channel);
    const source = profile.labels.source;
    if (source === 'CHANNEL') {
      const seller = (await this.adapters.forAccount(account)).labels;
      if (!seller)
        throw new LabelError(
          'NOT_CONFIGURED',
          `${profile.label} account ${account.name} cannot buy labels in the hub.`,
        );
      return { seller, source };
    }
    const seller = await this.provider.labelSeller();
    if (!seller)
      throw new LabelError(
        'NOT_CONFIGURED',
        `Labels for ${profile.label} orders are bought through the tracking provider, and none is set up: add its API key in Settings → Carrier tracking.`,
      );
    return { seller, source };
  }
}
