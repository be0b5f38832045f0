import { Global, Module } from '@nestjs/common';
import { AlertsResolver } from './alerts.resolver';
import { AlertsService } from './alerts.service';

@Global()
@Module({ providers: [AlertsService, AlertsResolver], exports: [AlertsService] })
export class AlertsModule {}
