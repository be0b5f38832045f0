import { Injectable } from '@nestjs/common';
import {
  channelLabel,
  channelProfile,
  DEFAULT_AT_RISK_MARGIN,
  metricStatus,
  policyFor,
  ratePercent,
  RETURN_REASON_CATEGORY_LABELS,
  returnReasonCategory,
  returnReasonLabel,
  windowEndingAt,
  type ChannelPolicy,
} from '@order-hub/rules';
import type { Channel, MetricComparator, MetricStatus, ReturnReasonCategory } from '@order-hub/types';
import { assertPolicyInForce } from 'src/common/validation/policy-date';
import { ReturnsFactsRepository, type ReturnFactsScope } from 'src/modules/returns/returns-facts.repository';

/** Evidence lists stop here; their counts stay exact. */
export const RETURNS_EVIDENCE_LIMIT = 100;
/** The window where the policy publishes no return rate (Amazon's report re-reads the last 60 days too). */
const DEFAULT_WINDOW_DAYS = 60;
const CATEGORIES: readonly ReturnReasonCategory[] = ['SELLER_FAULT', 'BUYER_REMORSE', 'OTHER'];

export interface ReturnRateFigure {
  label: string;
  /** Delivered orders of the window a return was asked for. */
  returned: number;
  delivered: number;
  /** Percent; null when nothing was delivered. */
  percent: number | null;
  threshold: number;
  comparator: MetricComparator;
  status: MetricStatus;
  source: string;
  /** The returned orders (numerator), by delivery, up to {@link RETURNS_EVIDENCE_LIMIT}. */
  returnedOrders: { orderId: string; orderNumber: string; deliveredAt: Date }[];
}

export interface ReturnsReport {
  windowDays: number;
  windowStart: Date;
  windowEnd: Date;
  /** Null where the policy in force publishes no return rate standard. */
  returnRate: ReturnRateFigure | null;
  refundsByCategory: { category: ReturnReasonCategory; label: string; count: number; amountCents: number }[];
  byReason: {
    reasonCode: string | null;
    label: string;
    category: ReturnReasonCategory;
    count: number;
    units: number;
  }[];
  refundedByChannel: {
    count: number;
    amountCents: number;
    explanation: string;
    returns: {
      id: string;
      channelReturnId: string;
      orderId: string | null;
      orderNumber: string;
      receivedAt: Date | null;
      refundedAt: Date;
      amountCents: number;
    }[];
  };
}

/**
 * The returns side of the compliance report: the return rate against the channel's standard, refunds by reason
 * category, returns by reason, and the refunds the channel issued itself, with what each counts.
 */
@Injectable()
export class ReturnsReportService {
  constructor(private readonly facts: ReturnsFactsRepository) {}

  async report(request: { channel: Channel; accountId: string | null; asOf: Date }): Promise<ReturnsReport> {
    const { channel, accountId, asOf } = request;
    assertPolicyInForce(channel, asOf, 'asOf');
    const policy = policyFor(channel, 'US', asOf);
    const rateRow = policy.thresholds.find((t) => t.metric === 'RETURN_RATE');
    const window = windowEndingAt(
      asOf,
      rateRow?.windowDays ?? channelProfile(channel).returns.lookbackDays ?? DEFAULT_WINDOW_DAYS,
    );
    const scope: ReturnFactsScope = { channel, accountId, start: window.start, end: window.end };
    const refunds = await this.facts.refunds(scope);
    const reasons = await this.facts.returnsByReason(scope);
    const byChannel = await this.facts.refundedByChannel(scope);
    return {
      windowDays: window.days,
      windowStart: window.start,
      windowEnd: window.end,
      returnRate: rateRow
        ? await this.returnRate(scope, {
            percent: rateRow.percent,
            comparator: rateRow.comparison,
            source: rateRow.source,
          })
        : null,
      refundsByCategory: CATEGORIES.map((category) => {
        const rows = refunds.filter((r) => returnReasonCategory(channel, r.reasonCode) === category);
        return {
          category,
          label: RETURN_REASON_CATEGORY_LABELS[category],
          count: new Set(rows.map((r) => r.returnId)).size,
          amountCents: rows.reduce((sum, r) => sum + r.amountCents, 0),
        };
      }),
      byReason: reasons.map((r) => ({
        reasonCode: r.reasonCode,
        label: returnReasonLabel(channel, r.reasonCode),
        category: returnReasonCategory(channel, r.reasonCode),
        count: r.returns,
        units: r.units,
      })),
      refundedByChannel: {
        count: byChannel.length,
        amountCents: byChannel.reduce((sum, r) => sum + r.amountCents, 0),
        explanation: refundedByChannelExplanation(channel, policy),
        returns: byChannel.slice(0, RETURNS_EVIDENCE_LIMIT).map((r) => ({
          id: r.id,
          channelReturnId: r.channelReturnId,
          orderId: r.orderId,
          orderNumber: r.channelOrderId,
          receivedAt: r.receivedAt,
          refundedAt: r.refundedAt,
          amountCents: r.amountCents,
        })),
      },
    };
  }

  private async returnRate(
    scope: ReturnFactsScope,
    standard: { percent: number; comparator: MetricComparator; source: string },
  ): Promise<ReturnRateFigure> {
    const counts = await this.facts.returnRateCounts(scope);
    const orders = await this.facts.returnedDeliveredOrders(scope, RETURNS_EVIDENCE_LIMIT);
    const percent = ratePercent(counts.returned, counts.delivered);
    return {
      label: 'Return rate (delivered orders returned)',
      returned: counts.returned,
      delivered: counts.delivered,
      percent,
      threshold: standard.percent,
      comparator: standard.comparator,
      status: metricStatus(percent, standard, DEFAULT_AT_RISK_MARGIN),
      source: standard.source,
      returnedOrders: orders.map((o) => ({
        orderId: o.orderId,
        orderNumber: o.channelOrderId,
        deliveredAt: o.deliveredAt,
      })),
    };
  }
}

/** Why a refund the channel issued itself matters, from the policy's refund clock. */
export function refundedByChannelExplanation(channel: Channel, policy: ChannelPolicy): string {
  const name = channelLabel(channel);
  const rule = policy.returnRefund;
  if (rule?.channelRefundsItself)
    return `The seller did not refund these returns within ${rule.refundWithinHours} hours of receiving them, so ${name} refunded the buyer on the seller's behalf. A refund ${name} issues itself counts against the seller's refund standards. Source: ${rule.source}.`;
  return `${name} refunded these returns itself (the hub knows no refund clock of ${name}'s to hold them to); they are listed as ${name} reports them.`;
}
