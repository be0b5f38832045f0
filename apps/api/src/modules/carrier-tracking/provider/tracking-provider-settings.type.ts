import { Field, InputType, ObjectType } from '@nestjs/graphql';

@ObjectType('TrackingProviderSettings', {
  description: 'The carrier-tracking provider (EasyPost). The API key and webhook secret are write-only.',
})
export class TrackingProviderSettingsType {
  @Field({ description: 'EASYPOST.' })
  provider: string;

  @Field({ description: 'Off, or on without an API key: the hub runs with no carrier data.' })
  enabled: boolean;

  @Field({ description: "The provider's API root, ending in /v2/." })
  baseUrl: string;

  @Field({ description: 'Whether an API key is stored (it is never returned).' })
  hasApiKey: boolean;

  @Field({
    description: 'Whether a webhook secret is stored (it is never returned); webhooks are refused without one.',
  })
  hasWebhookSecret: boolean;

  @Field({ description: "The hub's path to register with the provider as the webhook URL." })
  webhookPath: string;

  @Field(() => Date, { nullable: true, description: 'When the provider last answered.' })
  lastSuccessAt: Date | null;

  @Field(() => String, { nullable: true, description: 'The last failure calling the provider.' })
  lastError: string | null;

  @Field(() => Date, { nullable: true })
  lastErrorAt: Date | null;
}

@InputType({ description: 'A field left out stays as it is; "" clears a secret.' })
export class UpdateTrackingProviderInput {
  @Field({ nullable: true, description: 'On needs an API key.' })
  enabled?: boolean;

  @Field({ nullable: true, description: 'Write-only. Needed again to change baseUrl.' })
  apiKey?: string;

  @Field({ nullable: true, description: 'Write-only: the secret the provider signs its webhooks with.' })
  webhookSecret?: string;

  @Field({
    nullable: true,
    description:
      'http(s) URL ending in /v2/; only https://api.easypost.com/v2/ unless the hub sets ALLOW_CUSTOM_CHANNEL_HOSTS=true.',
  })
  baseUrl?: string;
}
