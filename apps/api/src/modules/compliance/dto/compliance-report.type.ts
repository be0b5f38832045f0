import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Channel, ComplianceMetricKey, MetricOrderSet, MetricStatus, type MetricComparator } from '@order-hub/types';
import type { ReportedMetric } from 'src/modules/compliance/compliance.service';

registerEnumType(ComplianceMetricKey, { name: 'ComplianceMetricKey' });
registerEnumType(MetricOrderSet, {
  name: 'MetricOrderSet',
  description:
    "A metric's orders by how they count: NUMERATOR, DENOMINATOR_ONLY (counted, not in the numerator), OPEN (not yet due; the projection's), AWAITING_FIRST_SCAN (valid tracking: shipped, no carrier scan yet, inside the late-origin-scan window).",
});
registerEnumType(MetricStatus, {
  name: 'MetricStatus',
  description:
    'AT_RISK: passing, but within the margin (1 percentage point) of the threshold. NOT_APPLICABLE: nothing to measure, or no published standard.',
});
export const MetricComparatorEnum = {
  AT_LEAST: 'AT_LEAST',
  ABOVE: 'ABOVE',
  AT_MOST: 'AT_MOST',
  BELOW: 'BELOW',
} as const;
registerEnumType(MetricComparatorEnum, {
  name: 'MetricComparator',
  description: 'How the value is held against the threshold: ≥, >, ≤, <.',
});

@ObjectType('MetricExclusion', { description: 'Records left out of both numerator and denominator, and why.' })
export class MetricExclusionType {
  @Field()
  reason: string;

  @Field(() => Int)
  count: number;
}

@ObjectType('MetricProjection', {
  description:
    'What the metric becomes if every open order not yet due misses: ships after its ship-by (late shipment), or without valid tracking (valid tracking rate).',
})
export class MetricProjectionType {
  @Field(() => Int)
  openOrders: number;

  @Field(() => Float)
  valueIfAllMiss: number;

  @Field(() => MetricStatus)
  statusIfAllMiss: MetricStatus;

  @Field(() => Int, {
    nullable: true,
    description:
      'Open orders that must ship on time (valid tracking rate: with valid tracking) to stay within the threshold; null when no number is enough or there is no threshold.',
  })
  mustShipOnTime: number | null;

  @Field(() => Date, { nullable: true })
  latestShipBy: Date | null;
}

@ObjectType('MetricCarrierData', {
  description: 'Whether a figure rests on carrier scans, and as of when the hub last heard from the carrier.',
})
export class MetricCarrierDataType {
  @Field({ description: 'The figure reads carrier scans (valid tracking, on-time delivery, address mismatch).' })
  usesCarrierData: boolean;

  @Field(() => Date, {
    nullable: true,
    description:
      "The oldest last answer from the tracking provider among the window's followed shipments (else its last success); null without a provider.",
  })
  asOf: Date | null;

  @Field({
    description:
      '"Carrier scans as of 3 Dec 12:00 UTC", "No carrier data: format check only", "Not based on carrier scans", …',
  })
  note: string;
}

@ObjectType('CarrierDataStatus', {
  description: "The tracking provider behind the report's carrier-based figures.",
})
export class CarrierDataStatusType {
  @Field(() => String, { nullable: true, description: 'The provider (EASYPOST); null when none is configured.' })
  provider: string | null;

  @Field({ description: 'On, with an API key: the hub follows every shipment at the provider.' })
  enabled: boolean;

  @Field(() => Date, {
    nullable: true,
    description:
      "Carrier data as of: the oldest last answer among the trackers still followed in the window, else the provider's last success.",
  })
  asOf: Date | null;

  @Field(() => String, { nullable: true, description: "The provider's last error while it is failing." })
  lastError: string | null;

  @Field()
  note: string;
}

/** Where a metric's orders are read from; not part of the schema. */
export interface MetricScope {
  channel: Channel;
  accountId: string | null;
  asOf: Date;
}

@ObjectType('ComplianceMetric')
export class ComplianceMetricType {
  @Field(() => ComplianceMetricKey)
  key: ComplianceMetricKey;

  @Field()
  label: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The product category measured (from the account's SKU categories; unmapped SKUs: Uncategorized); null for all categories.",
  })
  category: string | null;

  @Field(() => Float, { nullable: true, description: 'Rate in percent; null when nothing was measured.' })
  value: number | null;

  @Field(() => Int)
  numerator: number;

  @Field(() => Int)
  denominator: number;

  @Field(() => [MetricExclusionType])
  exclusions: MetricExclusionType[];

  @Field(() => Float, {
    nullable: true,
    description: 'Percent, from the policy in force at the window end; null when the channel publishes no standard.',
  })
  threshold: number | null;

  @Field(() => MetricComparatorEnum, { nullable: true })
  comparator: MetricComparator | null;

  @Field(() => MetricStatus)
  status: MetricStatus;

  @Field(() => Int)
  windowDays: number;

  @Field()
  windowStart: Date;

  @Field()
  windowEnd: Date;

  @Field()
  policyVersion: string;

  @Field(() => MetricProjectionType, { nullable: true })
  projection: MetricProjectionType | null;

  @Field(() => Int, {
    description:
      'Shipments with well-formed tracking still inside the late-origin-scan window without a carrier scan (valid tracking; else 0): out of the rate, in the projection.',
  })
  awaitingFirstScan: number;

  @Field(() => MetricCarrierDataType)
  carrierData: MetricCarrierDataType;

  @Field(() => MetricOrderSet, {
    description:
      'The order set that counts against the standard: NUMERATOR for a rate held low (late, cancelled), DENOMINATOR_ONLY for one held high (invalid tracking, late).',
  })
  defects: MetricOrderSet;

  scope: MetricScope;
}

@ObjectType('ComplianceReport')
export class ComplianceReportType {
  @Field(() => Channel)
  channel: Channel;

  @Field(() => ID, { nullable: true })
  accountId: string | null;

  @Field({ description: 'End of every window (exclusive).' })
  asOf: Date;

  @Field()
  policyVersion: string;

  @Field(() => CarrierDataStatusType)
  carrierData: CarrierDataStatusType;

  /** Served by ComplianceResolver.metrics, which can keep one metric. */
  metrics: ComplianceMetricType[];
}

export function toComplianceMetricType(
  m: ReportedMetric,
  scope: MetricScope,
  defects: MetricOrderSet,
): ComplianceMetricType {
  return {
    defects,
    key: m.key,
    label: m.label,
    category: m.category,
    value: m.value,
    numerator: m.numerator,
    denominator: m.denominator,
    exclusions: m.exclusions,
    threshold: m.threshold,
    comparator: m.comparator,
    status: m.status,
    windowDays: m.windowDays,
    windowStart: m.windowStart,
    windowEnd: m.windowEnd,
    policyVersion: m.policyVersion,
    projection: m.projection,
    awaitingFirstScan: m.awaitingFirstScan,
    carrierData: { usesCarrierData: m.carrierData.uses, asOf: m.carrierData.asOf, note: m.carrierData.note },
    scope,
  };
}
