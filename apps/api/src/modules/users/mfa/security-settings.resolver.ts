import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ApiRole } from '@order-hub/types';
import { actorOf, type Caller } from 'src/modules/auth/caller';
import { CurrentCaller } from 'src/modules/auth/current-caller.decorator';
import { RequireRole } from 'src/modules/auth/roles.decorator';
import { SecuritySettingsType, UpdateSecuritySettingsInput } from './dto/security-settings.type';
import { SecuritySettingsService } from './security-settings.service';

@Resolver(() => SecuritySettingsType)
export class SecuritySettingsResolver {
  constructor(private readonly settings: SecuritySettingsService) {}

  @Query(() => SecuritySettingsType, { description: 'Whether everyone must sign in with a second factor, and why.' })
  @RequireRole(ApiRole.ADMIN)
  securitySettings(): Promise<SecuritySettingsType> {
    return this.settings.view();
  }

  @Mutation(() => SecuritySettingsType, {
    description:
      "Require MFA for everyone (true), only for ADMIN (false), or as the connected channels' policies say (null).",
  })
  @RequireRole(ApiRole.ADMIN)
  updateSecuritySettings(
    @Args('input') input: UpdateSecuritySettingsInput,
    @CurrentCaller() caller: Caller,
  ): Promise<SecuritySettingsType> {
    return this.settings.update(input.requireMfa ?? null, actorOf(caller));
  }
}
