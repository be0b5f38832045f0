import { Module } from '@nestjs/common';

/** The carrier-tracking provider (EasyPost) and its settings. */
@Module({ providers: [], exports: [] })
export class TrackingProviderModule {}
