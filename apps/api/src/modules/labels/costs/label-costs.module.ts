import { Module } from '@nestjs/common';
import { LabelCostsResolver } from './label-costs.resolver';
import { LabelCostsService } from './label-costs.service';

/** Label costs per order and per channel per month. */
@Module({ providers: [LabelCostsService, LabelCostsResolver], exports: [LabelCostsService] })
export class LabelCostsModule {}
