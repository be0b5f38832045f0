import { Field, InputType, Int } from '@nestjs/graphql';
import { Channel, ChannelEnvironment } from '@order-hub/types';

@InputType({
  description:
    'Write-only. Walmart: clientId, clientSecret. Amazon: clientId, clientSecret, refreshToken, sellerId (and lwaEndpoint for a sandbox).',
})
export class ChannelCredentialsInput {
  @Field({ nullable: true })
  clientId?: string;

  @Field({ nullable: true })
  clientSecret?: string;

  @Field({ nullable: true, description: 'Amazon: the LWA refresh token of the seller authorisation.' })
  refreshToken?: string;

  @Field({
    nullable: true,
    description: 'Amazon: Login with Amazon token URL, when not production (https://api.amazon.com/auth/o2/token).',
  })
  lwaEndpoint?: string;

  @Field({
    nullable: true,
    description:
      'Amazon: the seller id (merchant token, Seller Central > Account info); feeds name the seller by it. Needed to cancel orders.',
  })
  sellerId?: string;
}

@InputType()
export class CreateChannelAccountInput {
  @Field(() => Channel)
  channel: Channel;

  @Field({ description: '1 to 120 characters.' })
  name: string;

  @Field({
    nullable: true,
    description: 'Walmart market (default US) or Amazon marketplace id (default ATVPDKIKX0DER).',
  })
  marketplace?: string;

  @Field(() => ChannelEnvironment, { defaultValue: ChannelEnvironment.PRODUCTION })
  environment: ChannelEnvironment;

  @Field({ nullable: true, description: "API base URL; defaults to the channel's production or sandbox host." })
  baseUrl?: string;

  @Field({ nullable: true, description: 'IANA time zone of the seller day (default America/Los_Angeles).' })
  timeZone?: string;

  @Field(() => ChannelCredentialsInput)
  credentials: ChannelCredentialsInput;

  @Field({
    nullable: true,
    defaultValue: true,
    description: 'Acknowledge new Walmart orders as they are imported (Walmart requires it within 4 hours).',
  })
  autoAcknowledge?: boolean;

  @Field(() => Int, {
    nullable: true,
    description:
      'MCF: pass tracking on this many minutes after Amazon shipped even without a carrier event; unset waits for the carrier event.',
  })
  mcfTrackingDelayMinutes?: number | null;
}

@InputType()
export class UpdateChannelAccountInput {
  @Field({ nullable: true })
  name?: string;

  @Field({ nullable: true })
  marketplace?: string;

  @Field(() => ChannelEnvironment, { nullable: true })
  environment?: ChannelEnvironment;

  @Field({ nullable: true })
  baseUrl?: string;

  @Field({ nullable: true })
  timeZone?: string;

  @Field(() => ChannelCredentialsInput, { nullable: true, description: 'Replaces the stored credentials as a whole.' })
  credentials?: ChannelCredentialsInput;

  @Field({ nullable: true })
  autoAcknowledge?: boolean;

  @Field(() => Int, { nullable: true })
  mcfTrackingDelayMinutes?: number | null;

  @Field({
    nullable: true,
    description:
      "Hold each hub shipment confirmation from the channel until the parcel's first carrier scan or the deadline before ship-by.",
  })
  holdTrackingUntilScan?: boolean;
}
