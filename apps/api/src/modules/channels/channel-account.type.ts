import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Channel, ChannelEnvironment } from '@order-hub/types';
import type { ChannelAccountEntity } from './channel-account.entity';

registerEnumType(Channel, { name: 'Channel' });
registerEnumType(ChannelEnvironment, { name: 'ChannelEnvironment' });

@ObjectType('ChannelAccount', { description: 'A seller account on one marketplace. Credentials are write-only.' })
export class ChannelAccountType {
  @Field(() => ID)
  id: string;

  @Field(() => Channel)
  channel: Channel;

  @Field()
  name: string;

  @Field({ description: 'Walmart market (US) or Amazon marketplace id (ATVPDKIKX0DER).' })
  marketplace: string;

  @Field(() => ChannelEnvironment)
  environment: ChannelEnvironment;

  @Field()
  baseUrl: string;

  @Field({ description: 'IANA time zone the seller day is counted in.' })
  timeZone: string;

  @Field()
  createdAt: Date;

  @Field({ description: 'New orders are acknowledged as they are imported (Walmart).' })
  autoAcknowledge: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'MCF: minutes after Amazon shipped when tracking goes on without a carrier event; null waits for one.',
  })
  mcfTrackingDelayMinutes: number | null;

  @Field({
    description:
      "Hub shipment confirmations go to the channel only after the parcel's first carrier scan, or at the deadline before ship-by (Order.trackingHolds). Off by default; MCF packages keep their own hold.",
  })
  holdTrackingUntilScan: boolean;

  @Field(() => Date, { nullable: true, description: 'Set when the account was disabled: no sync, no actions.' })
  disabledAt: Date | null;
}

export function toChannelAccountType(e: ChannelAccountEntity): ChannelAccountType {
  return {
    id: e.id,
    channel: e.channel,
    name: e.name,
    marketplace: e.marketplace,
    environment: e.environment,
    baseUrl: e.baseUrl,
    timeZone: e.timeZone,
    createdAt: e.createdAt,
    autoAcknowledge: e.autoAcknowledge,
    mcfTrackingDelayMinutes: e.mcfTrackingDelayMinutes,
    holdTrackingUntilScan: e.holdTrackingUntilScan,
    disabledAt: e.disabledAt,
  };
}
