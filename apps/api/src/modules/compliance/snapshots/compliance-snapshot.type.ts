import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { MetricStatus } from '@order-hub/types';

@ObjectType('ComplianceSnapshot', {
  description: 'A metric as of the end of one UTC day (today: as of the latest hourly snapshot).',
})
export class ComplianceSnapshotType {
  @Field({ description: 'The UTC day, YYYY-MM-DD.' })
  day: string;

  @Field(() => Float, { nullable: true })
  value: number | null;

  @Field(() => Int)
  numerator: number;

  @Field(() => Int)
  denominator: number;

  @Field(() => Float, { nullable: true })
  threshold: number | null;

  @Field(() => MetricStatus)
  status: MetricStatus;

  @Field()
  policyVersion: string;

  @Field({ description: 'The instant the snapshot was computed as of.' })
  asOf: Date;
}
