import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CarrierCode, Severity, type Violation } from '@order-hub/types';
import { GraphQLJSON } from 'graphql-scalars';

registerEnumType(Severity, {
  name: 'ViolationSeverity',
  valuesMap: {
    BLOCK: { description: 'The action is refused until this is fixed.' },
    WARN: { description: 'Shown to the operator; the action may go ahead.' },
  },
});
registerEnumType(CarrierCode, {
  name: 'CarrierCode',
  description: 'Carriers the hub validates by format; anything else is OTHER with a carrier name.',
});

@ObjectType('Violation', {
  description: 'One broken rule, with the same codes the mutations use (packages/rules catalogue).',
})
export class ViolationType {
  @Field({ description: 'Stable code, e.g. TRACKING_CHECK_DIGIT, AMAZON_LOGISTICS_ON_WALMART.' })
  code: string;

  @Field(() => Severity)
  severity: Severity;

  @Field({ description: "Input path the violation concerns, e.g. 'trackingNumber', 'lines[2].quantity'." })
  field: string;

  @Field({ description: 'One plain sentence for the operator.' })
  message: string;

  @Field(() => GraphQLJSON, { nullable: true })
  details: Record<string, unknown> | null;
}

export function toViolationType(v: Violation): ViolationType {
  return { code: v.code, severity: v.severity, field: v.field, message: v.message, details: v.details ?? null };
}
