import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { AppError, ErrorCode } from 'src/common/errors/app-error';
import { actorOf, type Caller } from 'src/modules/auth/caller';
import { CurrentCaller } from 'src/modules/auth/current-caller.decorator';
import { AllowBeforeSecondFactor } from 'src/modules/auth/roles.decorator';
import { RecoveryCodesType, TotpEnrolmentType } from './dto/totp-enrolment.type';
import { TotpEnrolmentService } from './totp-enrolment.service';

/** The signed-in person's own second factor. */
@Resolver()
export class MfaResolver {
  constructor(private readonly enrolment: TotpEnrolmentService) {}

  @Mutation(() => TotpEnrolmentType, {
    description: 'Starts setting up an authenticator app; refused once one is set up (an admin can reset it).',
  })
  @AllowBeforeSecondFactor()
  startTotpEnrolment(@CurrentCaller() caller: Caller): Promise<TotpEnrolmentType> {
    return this.enrolment.start(personOf(caller));
  }

  @Mutation(() => RecoveryCodesType, {
    description: 'Confirms the app with its first code: the second factor is on, and this session has given it.',
  })
  @AllowBeforeSecondFactor()
  async confirmTotpEnrolment(@Args('code') code: string, @CurrentCaller() caller: Caller): Promise<RecoveryCodesType> {
    return { codes: await this.enrolment.confirm(personOf(caller), code, caller.sessionId, actorOf(caller)) };
  }

  @Mutation(() => RecoveryCodesType, {
    description: 'Ten new recovery codes, for a current code from the app (or an unused recovery code).',
  })
  async regenerateRecoveryCodes(
    @Args('code') code: string,
    @CurrentCaller() caller: Caller,
  ): Promise<RecoveryCodesType> {
    return { codes: await this.enrolment.regenerateRecoveryCodes(personOf(caller), code, actorOf(caller)) };
  }
}

function personOf(caller: Caller): string {
  if (caller.userId) return caller.userId;
  throw new AppError(
    ErrorCode.FORBIDDEN,
    'A second factor belongs to a person: sign in to the console, or use a token tied to a user.',
  );
}
