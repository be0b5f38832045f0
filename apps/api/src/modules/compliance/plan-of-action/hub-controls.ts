import type { ComplianceMetricKey } from '@order-hub/types';

/**
 * The safeguards the hub runs today, quoted in a plan of action's preventive measures. Each names the code that
 * implements it (a packages/rules violation code or an alarm kind); a test holds these to the code, so the plan
 * never claims a control that does not exist.
 */
export interface HubControl {
  code: string;
  description: string;
  /** The metrics the control protects; 'ALL' for every one. */
  metrics: readonly ComplianceMetricKey[] | 'ALL';
  violationCodes?: readonly string[];
  alarmKinds?: readonly string[];
}

const TIMELINESS: readonly ComplianceMetricKey[] = [
  'LATE_SHIPMENT_RATE_10D',
  'LATE_SHIPMENT_RATE_30D',
  'ON_TIME_SHIPMENT_RATE',
];
const CANCELLATION: readonly ComplianceMetricKey[] = ['CANCELLATION_RATE', 'PRE_FULFILLMENT_CANCEL_RATE'];

export const HUB_CONTROLS: readonly HubControl[] = [
  {
    code: 'SHIP_TIME_TRACKING_VALIDATION',
    description:
      "Every shipment confirmed or corrected through the hub has its tracking number checked before it is sent: present, in the named carrier's format with a correct check digit, not a placeholder or the order's own number. A failing number is refused.",
    metrics: ['VALID_TRACKING_RATE'],
    violationCodes: ['TRACKING_REQUIRED', 'TRACKING_CHECK_DIGIT', 'TRACKING_CARRIER_MISMATCH'],
  },
  {
    code: 'TRACKING_REUSE_CHECK',
    description: "A tracking number already used on another order within the channel's reuse window is refused.",
    metrics: ['VALID_TRACKING_RATE'],
    violationCodes: ['TRACKING_REUSED'],
  },
  {
    code: 'CARRIER_RESTRICTIONS',
    description:
      'Amazon Logistics on a Walmart order is refused at ship time, a carrier the channel gets no scans from is warned about, and Amazon MCF packages the origin channel would refuse are held (never passed on) with an alert.',
    metrics: ['VALID_TRACKING_RATE'],
    violationCodes: ['AMAZON_LOGISTICS_ON_WALMART', 'CARRIER_NOT_INTEGRATED'],
  },
  {
    code: 'CARRIER_SCAN_ALARMS',
    description:
      "Every shipment the hub follows at the carrier (a tracking provider, MCF or the channel's package status) raises an alarm when the carrier has not scanned it by the late-origin-scan deadline (2 business days after confirmation), naming where its tracking came from.",
    metrics: ['VALID_TRACKING_RATE'],
    alarmKinds: ['LATE_ORIGIN_SCAN'],
  },
  {
    code: 'ADDRESS_MISMATCH_ALARM',
    description:
      "When the carrier delivers a parcel to another city or ZIP than the order's ship-to, an alarm names both addresses, the carrier and the tracking number.",
    metrics: ['ADDRESS_MISMATCH_RATE'],
    alarmKinds: ['ADDRESS_MISMATCH'],
  },
  {
    code: 'SHIP_BY_ALARMS',
    description:
      'Alarms for every order due to ship today and every order past its ship-by date, raised until the order ships.',
    metrics: TIMELINESS,
    alarmKinds: ['SHIP_BY_TODAY', 'PAST_SHIP_BY'],
  },
  {
    code: 'AUTO_CANCEL_ALARM',
    description:
      'An alarm, with the time left, for every late order the channel will cancel automatically if it does not ship.',
    metrics: CANCELLATION,
    alarmKinds: ['AUTO_CANCEL_RISK'],
  },
  {
    code: 'ACKNOWLEDGEMENT_ALARMS',
    description: 'Alarms for orders whose acknowledgement deadline is near or has passed.',
    metrics: ['ACKNOWLEDGEMENT_RATE'],
    alarmKinds: ['ACKNOWLEDGE_DUE_SOON', 'ACKNOWLEDGE_OVERDUE'],
  },
  {
    code: 'CHANNEL_CALL_MONITORING',
    description:
      "Every call to the channel is read back to confirm it landed; a call the channel refuses raises an alarm with the channel's message.",
    metrics: 'ALL',
    alarmKinds: ['OUTBOX_FAILED'],
  },
  {
    code: 'METRIC_ALARM',
    description:
      "The hub computes this metric from its own data and raises an alarm when it comes within the margin of the channel's standard or fails it.",
    metrics: 'ALL',
    alarmKinds: ['COMPLIANCE_METRIC'],
  },
];

export function controlsFor(metric: ComplianceMetricKey): HubControl[] {
  return HUB_CONTROLS.filter((c) => c.metrics === 'ALL' || c.metrics.includes(metric));
}
