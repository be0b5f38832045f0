import { Module } from '@nestjs/common';
import { TrackingProviderResolver } from './tracking-provider.resolver';
import { TrackingProviderService } from './tracking-provider.service';
import { TrackingProviderSettingRepository } from './tracking-provider-setting.repository';
import { TrackingProviderSettingsService } from './tracking-provider-settings.service';

/** The carrier-tracking provider (EasyPost) and its settings. */
@Module({
  providers: [
    TrackingProviderSettingRepository,
    TrackingProviderService,
    TrackingProviderSettingsService,
    TrackingProviderResolver,
  ],
  exports: [TrackingProviderService, TrackingProviderSettingsService],
})
export class TrackingProviderModule {}
