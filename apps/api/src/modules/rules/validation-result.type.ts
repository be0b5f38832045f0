import { Field, ObjectType } from '@nestjs/graphql';
import type { Violation } from '@order-hub/types';
import { toViolationType, ViolationType } from './violation.type';

@ObjectType('ValidationResult')
export class ValidationResultType {
  @Field({ description: 'True when no violation blocks the action (warnings may remain).' })
  ok: boolean;

  @Field(() => [ViolationType])
  violations: ViolationType[];
}

export function toValidationResultType(violations: Violation[]): ValidationResultType {
  return { ok: !violations.some((v) => v.severity === 'BLOCK'), violations: violations.map(toViolationType) };
}
