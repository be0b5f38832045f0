import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { channelProfile, lateOriginScanDeadline, policyFor } from '@order-hub/rules';
import type { Channel, ComplianceMetricKey } from '@order-hub/types';
import type { DataSource } from 'typeorm';
import {
  addressMismatchFacts,
  onTimeDeliveryFacts,
  orderRateFacts,
  timelinessFacts,
  validTrackingFacts,
} from 'src/modules/compliance/compliance-facts.sql';
import type { FactsQuery, FactsScope } from 'src/modules/compliance/compliance-facts.types';
import { resolvedCarrier, TrackingCheckService } from 'src/modules/compliance/tracking-check.service';
import { TrackingProviderService } from 'src/modules/carrier-tracking/provider/tracking-provider.service';
import { describeOrigin, originKey, originOf, type OriginRow } from 'src/modules/compliance/evidence/shipment-origin';
import { trackingCause, type AffectedOrder } from './plan-of-action-draft';
import {
  cancellationsSql,
  deliveredElsewhereSql,
  lateAcknowledgementsSql,
  lateDeliveriesSql,
  lateShipmentsSql,
  refundsSql,
  trackingProblemsSql,
} from './plan-of-action-facts.sql';

const HOUR_MS = 3_600_000;

export interface PlanScope {
  channel: Channel;
  accountId: string | null;
  key: ComplianceMetricKey;
  category: string | null;
  start: Date;
  end: Date;
}

/**
 * The facts query of a metric and the kinds of fact that count against it ('N' where the rate is of bad events; for
 * valid tracking also 'U', invalid on the carrier's word).
 */
function factsOf(
  key: ComplianceMetricKey,
  scope: FactsScope,
  providerOn: boolean,
): { facts: FactsQuery; against: readonly string[] } | null {
  const policy = policyFor(scope.channel, 'US', scope.end);
  switch (key) {
    case 'VALID_TRACKING_RATE':
      return { facts: validTrackingFacts(scope, policy, { providerOn }), against: ['D', 'U'] };
    case 'ADDRESS_MISMATCH_RATE':
      return { facts: addressMismatchFacts(scope), against: ['N'] };
    case 'LATE_SHIPMENT_RATE_10D':
    case 'LATE_SHIPMENT_RATE_30D':
      return { facts: timelinessFacts(scope, true), against: ['N'] };
    case 'ON_TIME_SHIPMENT_RATE':
      return { facts: timelinessFacts(scope, false), against: ['D'] };
    case 'ON_TIME_DELIVERY_RATE':
      return { facts: onTimeDeliveryFacts(scope), against: ['D'] };
    case 'PRE_FULFILLMENT_CANCEL_RATE':
    case 'CANCELLATION_RATE':
      return { facts: orderRateFacts(scope, 'SELLER_CANCELLATION', policy), against: ['N'] };
    case 'REFUND_RATE':
      return { facts: orderRateFacts(scope, 'SELLER_FAULT_REFUND', policy), against: ['N'] };
    case 'ACKNOWLEDGEMENT_RATE':
      return { facts: orderRateFacts(scope, 'ACKNOWLEDGED_IN_TIME', policy), against: ['D'] };
  }
}

/**
 * The orders behind a metric's shortfall, each with its cause, read from the same facts the report counts
 * (so the plan and the report always agree on which orders they are).
 */
@Injectable()
export class PlanOfActionFactsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly trackingChecks: TrackingCheckService,
    private readonly providers: TrackingProviderService,
  ) {}

  async affectedOrders(scope: PlanScope): Promise<AffectedOrder[]> {
    const factsScope: FactsScope = {
      channel: scope.channel,
      accountId: scope.accountId,
      start: scope.start,
      end: scope.end,
    };
    const providerOn = (await this.providers.status()).enabled;
    const found = factsOf(scope.key, factsScope, providerOn);
    if (!found) return [];
    if (scope.key === 'VALID_TRACKING_RATE')
      await this.trackingChecks.refresh(scope.channel, scope.accountId, scope.start, scope.end);
    const { sql, params } = found.facts;
    const n = params.length;
    // The order ids counted against the metric in the scope's category (NULL: the whole account).
    const kinds = found.against.map((k) => `'${k}'`).join(', ');
    const against = `SELECT DISTINCT f.order_id FROM (${sql}) f WHERE f.kind IN (${kinds}) AND f.category IS NOT DISTINCT FROM $${n + 1}::text`;
    const args = [...params, scope.category];
    switch (scope.key) {
      case 'VALID_TRACKING_RATE':
        return this.trackingProblems(against, args, scope, providerOn);
      case 'ADDRESS_MISMATCH_RATE':
        return this.deliveredElsewhere(against, args, scope);
      case 'LATE_SHIPMENT_RATE_10D':
      case 'LATE_SHIPMENT_RATE_30D':
      case 'ON_TIME_SHIPMENT_RATE':
        return this.lateShipments(against, args, scope.end);
      case 'ON_TIME_DELIVERY_RATE':
        return this.lateDeliveries(against, args, scope.end);
      case 'PRE_FULFILLMENT_CANCEL_RATE':
      case 'CANCELLATION_RATE':
        return this.cancellations(against, args);
      case 'REFUND_RATE':
        return this.refunds(against, args);
      case 'ACKNOWLEDGEMENT_RATE':
        return this.lateAcknowledgements(
          against,
          args,
          scope.end,
          policyFor(scope.channel, 'US', scope.end).acknowledgeWithinHours ?? 0,
        );
    }
  }

  /**
   * Each invalid shipment's cause: the number's format (packages/rules), else the carrier's word (untrackable, or
   * never scanned by its late-origin-scan deadline while the hub follows it); and tracking that reached the hub after
   * ship-by (a correction, or a late hub confirmation).
   */
  private async trackingProblems(
    against: string,
    args: unknown[],
    scope: PlanScope,
    providerOn: boolean,
  ): Promise<AffectedOrder[]> {
    const n = args.length;
    const rows: (OriginRow & {
      order_id: string;
      channel_order_id: string;
      customer_order_id: string | null;
      ship_by: Date | null;
      shipment_id: string;
      carrier: string;
      carrier_code: string | null;
      tracking_number: string | null;
      shipped_at: Date;
      tracker_state: string | null;
      scanned: boolean;
      known: boolean;
      tracking_set_at: Date | null;
    })[] = await this.ds.query(trackingProblemsSql(against, n), [
      ...args,
      scope.start,
      scope.end,
      providerOn,
      channelProfile(scope.channel).reportsCarrierScans,
    ]);
    const affected: AffectedOrder[] = [];
    for (const r of rows) {
      const shippedAt = new Date(r.shipped_at);
      const base = {
        orderId: r.order_id,
        channelOrderId: r.channel_order_id,
        at: shippedAt,
        shipmentId: r.shipment_id,
        origin: this.origin(r, scope),
      };
      const cause =
        trackingCause(
          { carrier: resolvedCarrier(r.carrier, r.carrier_code), trackingNumber: r.tracking_number },
          { channelOrderId: r.channel_order_id, customerOrderId: r.customer_order_id },
        ) ??
        (r.tracker_state === 'UNTRACKABLE'
          ? 'UNTRACKABLE'
          : r.known && !r.scanned && lateOriginScanDeadline(scope.channel, shippedAt) <= scope.end
            ? 'NO_CARRIER_SCAN'
            : null);
      if (cause) affected.push({ ...base, cause });
      if (r.ship_by && r.tracking_set_at && new Date(r.tracking_set_at) > new Date(r.ship_by)) {
        const setAt = new Date(r.tracking_set_at);
        affected.push({
          ...base,
          at: setAt,
          cause: 'LATE_SUPPLIER_TRACKING',
          lateHours: (setAt.getTime() - new Date(r.ship_by).getTime()) / HOUR_MS,
        });
      }
    }
    return affected;
  }

  /** Parcels the carrier delivered to another address than the ship-to, with where each came from. */
  private async deliveredElsewhere(against: string, args: unknown[], scope: PlanScope): Promise<AffectedOrder[]> {
    const rows: (OriginRow & {
      order_id: string;
      channel_order_id: string;
      shipment_id: string;
      delivered_at: Date;
    })[] = await this.ds.query(deliveredElsewhereSql(against, args.length), [...args, scope.start, scope.end]);
    return rows.map((r) => ({
      orderId: r.order_id,
      channelOrderId: r.channel_order_id,
      cause: 'DELIVERED_ELSEWHERE',
      at: new Date(r.delivered_at),
      shipmentId: r.shipment_id,
      origin: this.origin(r, scope),
    }));
  }

  private origin(row: OriginRow, scope: PlanScope): { key: string; label: string } {
    const origin = originOf(row);
    return { key: originKey(origin), label: describeOrigin(origin, scope.channel) };
  }

  /** Late by the first shipment, or by the window end when nothing shipped before it. */
  private async lateShipments(against: string, args: unknown[], end: Date): Promise<AffectedOrder[]> {
    const rows: { order_id: string; channel_order_id: string; ship_by: Date; first_shipped: Date | null }[] =
      await this.ds.query(lateShipmentsSql(against, args.length), [...args, end]);
    return rows.map((r) => {
      const shipBy = new Date(r.ship_by);
      const late = r.first_shipped ? new Date(r.first_shipped) : end;
      return {
        orderId: r.order_id,
        channelOrderId: r.channel_order_id,
        cause: 'LATE_SHIPMENT',
        at: shipBy,
        lateHours: (late.getTime() - shipBy.getTime()) / HOUR_MS,
      };
    });
  }

  private async lateDeliveries(against: string, args: unknown[], end: Date): Promise<AffectedOrder[]> {
    const rows: { order_id: string; channel_order_id: string; deliver_by: Date; delivered_at: Date }[] =
      await this.ds.query(lateDeliveriesSql(against, args.length), [...args, end]);
    return rows.map((r) => {
      const due = new Date(r.deliver_by);
      return {
        orderId: r.order_id,
        channelOrderId: r.channel_order_id,
        cause: 'LATE_DELIVERY',
        at: due,
        lateHours: (new Date(r.delivered_at).getTime() - due.getTime()) / HOUR_MS,
      };
    });
  }

  /** The hub's cancellation reason; a cancellation from the channel is an auto-cancel past the order's auto-cancel instant, else the seller's outside the hub. */
  private async cancellations(against: string, args: unknown[]): Promise<AffectedOrder[]> {
    const rows: { order_id: string; channel_order_id: string; at: Date; reason: string }[] = await this.ds.query(
      cancellationsSql(against),
      args,
    );
    return rows.map((r) => ({
      orderId: r.order_id,
      channelOrderId: r.channel_order_id,
      cause: 'CANCELLATION',
      at: new Date(r.at),
      reason: r.reason,
    }));
  }

  private async refunds(against: string, args: unknown[]): Promise<AffectedOrder[]> {
    const rows: { order_id: string; channel_order_id: string; at: Date; reason: string }[] = await this.ds.query(
      refundsSql(against),
      args,
    );
    return rows.map((r) => ({
      orderId: r.order_id,
      channelOrderId: r.channel_order_id,
      cause: 'REFUND',
      at: new Date(r.at),
      reason: r.reason,
    }));
  }

  /** Late against the same deadline the metric uses: acknowledge-by, else the policy's hours after the order. */
  private async lateAcknowledgements(
    against: string,
    args: unknown[],
    end: Date,
    withinHours: number,
  ): Promise<AffectedOrder[]> {
    const rows: { order_id: string; channel_order_id: string; deadline: Date; acknowledged_at: Date | null }[] =
      await this.ds.query(lateAcknowledgementsSql(against, args.length), [...args, withinHours]);
    return rows.map((r) => {
      const due = new Date(r.deadline);
      const acked = r.acknowledged_at && new Date(r.acknowledged_at) < end ? new Date(r.acknowledged_at) : end;
      return {
        orderId: r.order_id,
        channelOrderId: r.channel_order_id,
        cause: 'LATE_ACKNOWLEDGEMENT',
        at: due,
        lateHours: (acked.getTime() - due.getTime()) / HOUR_MS,
      };
    });
  }
}
