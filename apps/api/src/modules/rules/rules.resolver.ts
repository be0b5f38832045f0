import { Args, Query, Resolver } from '@nestjs/graphql';
import { checkTrackingNumber } from '@order-hub/rules';
import { CARRIER_CODES, isCarrierCode } from '@order-hub/types';
import { BadUserInputError } from 'src/common/errors/app-error';
import { MAX_TRACKING_INPUT, ShipmentInput } from './dto/shipment.input';
import { RulesService } from './rules.service';
import { toTrackingCheckType, TrackingCheckType } from './tracking-check.type';
import { toValidationResultType, ValidationResultType } from './validation-result.type';

@Resolver()
export class RulesResolver {
  constructor(private readonly rules: RulesService) {}

  @Query(() => TrackingCheckType, {
    description: 'Checks a tracking number against the named carrier, as the console does while the operator types.',
  })
  trackingNumberCheck(
    @Args('carrier') carrier: string,
    @Args('trackingNumber') trackingNumber: string,
  ): TrackingCheckType {
    if (!isCarrierCode(carrier)) throw new BadUserInputError('carrier', `must be one of ${CARRIER_CODES.join(', ')}.`);
    if (trackingNumber.length > MAX_TRACKING_INPUT) {
      throw new BadUserInputError('trackingNumber', `must be at most ${MAX_TRACKING_INPUT} characters.`);
    }
    return toTrackingCheckType(checkTrackingNumber(trackingNumber, carrier));
  }

  @Query(() => ValidationResultType, {
    description: 'Every rule a shipment confirmation would break, with the codes confirmShipment uses.',
  })
  async validateShipment(@Args('input') input: ShipmentInput): Promise<ValidationResultType> {
    // The same input checks as confirmShipment (RulesService.validateShipment runs checkShipmentInput first).
    return toValidationResultType(await this.rules.validateShipment(input));
  }
}
