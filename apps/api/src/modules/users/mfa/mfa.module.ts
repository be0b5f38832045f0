import { Global, Module } from '@nestjs/common';
import { AuthModule } from 'src/modules/auth/auth.module';
import { ChannelsModule } from 'src/modules/channels/channels.module';
import { MfaController } from './mfa.controller';
import { MfaPolicyService } from './mfa-policy.service';
import { MfaResolver } from './mfa.resolver';
import { SecondFactorService } from './second-factor.service';
import { SecuritySettingRepository } from './security-setting.repository';
import { SecuritySettingsResolver } from './security-settings.resolver';
import { SecuritySettingsService } from './security-settings.service';
import { TotpEnrolmentService } from './totp-enrolment.service';
import { TotpSecretCipher } from './totp-secret-cipher';

/**
 * Second factors (TOTP and recovery codes) and the "require MFA" setting. Global for MfaPolicyService, which
 * the sessions (auth module) ask whether a person must give a second factor.
 */
@Global()
@Module({
  imports: [AuthModule, ChannelsModule],
  controllers: [MfaController],
  providers: [
    MfaPolicyService,
    SecuritySettingRepository,
    SecuritySettingsService,
    SecuritySettingsResolver,
    SecondFactorService,
    TotpEnrolmentService,
    TotpSecretCipher,
    MfaResolver,
  ],
  exports: [MfaPolicyService],
})
export class MfaModule {}
