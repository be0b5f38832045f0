import { Injectable } from '@nestjs/common';
import { channelProfile } from '@order-hub/rules';
import { AcknowledgeService } from 'src/modules/actions/acknowledge.service';
import type { ChannelAccountEntity } from 'src/modules/channels/channel-account.repository';
import { McfRoutingService } from 'src/modules/mcf/mcf-routing.service';

/**
 * What follows an import of an account's orders, whether a poll or a push brought them: orders of an MCF origin
 * channel are routed to MCF, and orders of a channel that needs acknowledging are acknowledged when the account
 * asks for it.
 */
@Injectable()
export class ImportFollowUps {
  constructor(
    private readonly acknowledge: AcknowledgeService,
    private readonly mcfRouting: McfRoutingService,
  ) {}

  async afterImport(account: ChannelAccountEntity): Promise<void> {
    const profile = channelProfile(account.channel);
    if (profile.mcf.origin) await this.mcfRouting.routeOnImport(account.id);
    if (profile.needsAcknowledgement && account.autoAcknowledge) await this.acknowledge.autoAcknowledge(account.id);
  }
}
