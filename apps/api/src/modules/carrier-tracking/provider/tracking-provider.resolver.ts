import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ApiRole } from '@order-hub/types';
import { actorOf, type Caller } from 'src/modules/auth/caller';
import { CurrentCaller } from 'src/modules/auth/current-caller.decorator';
import { RequireRole } from 'src/modules/auth/roles.decorator';
import { TrackingProviderSettingsService } from './tracking-provider-settings.service';
import { TrackingProviderSettingsType, UpdateTrackingProviderInput } from './tracking-provider-settings.type';

@Resolver(() => TrackingProviderSettingsType)
export class TrackingProviderResolver {
  constructor(private readonly settings: TrackingProviderSettingsService) {}

  @Query(() => TrackingProviderSettingsType, {
    description: 'The carrier-tracking provider settings (never its secrets).',
  })
  @RequireRole(ApiRole.ADMIN)
  trackingProvider(): Promise<TrackingProviderSettingsType> {
    return this.settings.view();
  }

  @Mutation(() => TrackingProviderSettingsType)
  @RequireRole(ApiRole.ADMIN)
  updateTrackingProvider(
    @Args('input') input: UpdateTrackingProviderInput,
    @CurrentCaller() caller: Caller,
  ): Promise<TrackingProviderSettingsType> {
    return this.settings.update(
      {
        // GraphQL null and absent both mean "unchanged".
        enabled: input.enabled ?? undefined,
        apiKey: input.apiKey ?? undefined,
        webhookSecret: input.webhookSecret ?? undefined,
        baseUrl: input.baseUrl ?? undefined,
      },
      actorOf(caller),
    );
  }
}
