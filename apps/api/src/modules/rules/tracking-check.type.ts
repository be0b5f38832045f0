import { Field, ObjectType } from '@nestjs/graphql';
import { CarrierCode } from '@order-hub/types';
import type { TrackingCheck } from '@order-hub/rules';
import { toViolationType, ViolationType } from './violation.type';

@ObjectType('TrackingCheck')
export class TrackingCheckType {
  @Field({ description: 'No BLOCK violation.' })
  valid: boolean;

  @Field({ description: 'The number as carriers display it: no spaces, upper case, barcode routing prefixes removed.' })
  normalized: string;

  @Field(() => String, { nullable: true, description: "Id of the named carrier's format the number has." })
  format: string | null;

  @Field({ description: 'False when the format has no check digit, so only its shape could be checked.' })
  hasCheckDigit: boolean;

  @Field(() => [CarrierCode], { description: 'Every carrier whose formats (check digit included) the number fits.' })
  matchingCarriers: CarrierCode[];

  @Field(() => [ViolationType])
  violations: ViolationType[];
}

export function toTrackingCheckType(check: TrackingCheck): TrackingCheckType {
  return {
    valid: check.valid,
    normalized: check.normalized,
    format: check.format ?? null,
    hasCheckDigit: check.hasCheckDigit,
    matchingCarriers: [...check.matchingCarriers],
    violations: check.violations.map(toViolationType),
  };
}
