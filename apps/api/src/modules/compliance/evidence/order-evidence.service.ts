import { Injectable } from '@nestjs/common';
import { channelLabel, returnReasonLabel, returnStatusLabel } from '@order-hub/rules';
import type { OrderEntity } from 'src/modules/orders/order.repository';
import { OrderRepository } from 'src/modules/orders/order.repository';
import { ReturnsService } from 'src/modules/returns/returns.service';
import type { StoredReturn } from 'src/modules/returns/stored-return';
import {
  evidenceTimeline,
  excerpt,
  placeLine,
  summarizeChange,
  type EvidenceAuditEntry,
  type EvidenceChannelCall,
  type EvidenceEvent,
  type EvidenceReturn,
  type EvidenceShipment,
  type EvidenceTracking,
} from './evidence-timeline';
import { OrderEvidenceRepository, type TrackerRow } from './order-evidence.repository';
import { describeOrigin, originOf } from './shipment-origin';

export interface OrderEvidence {
  order: OrderEntity;
  channelCalls: EvidenceChannelCall[];
  shipments: EvidenceShipment[];
  audit: EvidenceAuditEntry[];
  returns: EvidenceReturn[];
  events: EvidenceEvent[];
}

const dateOrNull = (d: Date | null) => (d ? new Date(d) : null);

function toTracking(t: TrackerRow, shipTo: string | null): EvidenceTracking {
  return {
    provider: t.provider,
    carrier: t.carrier,
    state: t.state,
    status: t.status,
    statusDetail: t.status_detail,
    untrackableReason: t.untrackable_reason,
    publicUrl: t.public_url,
    firstScanAt: dateOrNull(t.first_scan_at),
    firstDeliveryAttemptAt: dateOrNull(t.first_attempt_at),
    deliveredAt: dateOrNull(t.delivered_at),
    deliveredTo: placeLine(t.delivery_city, t.delivery_state, t.delivery_zip, t.delivery_country),
    shipTo,
    addressMatch: t.address_match,
    checkedAt: dateOrNull(t.checked_at),
    since: new Date(t.created_at),
  };
}

/** A return as the record shows it: only the lines of this order (a Walmart return may span orders). */
function toEvidenceReturn(r: StoredReturn, orderId: string): EvidenceReturn {
  const lines = r.lines.filter((l) => l.orderId === orderId || (l.orderId === null && r.orderId === orderId));
  return {
    id: r.id,
    channelReturnId: r.channelReturnId,
    status: returnStatusLabel(r.status),
    requestedAt: new Date(r.requestedAt),
    receivedAt: dateOrNull(r.receivedAt),
    refundedAt: dateOrNull(r.refundedAt),
    refundedBy: !r.refundedBy ? null : r.refundedBy === 'CHANNEL' ? `${channelLabel(r.channel)} itself` : 'the seller',
    lines: lines.map(
      (l) =>
        `${l.quantity} × ${l.sku ?? l.productName ?? `line ${l.returnLineNumber}`} (${returnReasonLabel(r.channel, l.reasonCode)})`,
    ),
    tracking: (r.tracking ?? []).map((t) => [t.carrier, t.trackingNumber].filter(Boolean).join(' ')),
  };
}

/** `METHOD path` of a recorded request, or its note when the attempt only read the order back. */
function requestSummary(request: Record<string, unknown> | null): string {
  if (!request) return '';
  if (typeof request.method === 'string' || typeof request.path === 'string')
    return [request.method, request.path].filter(Boolean).join(' ');
  return typeof request.note === 'string' ? request.note : (excerpt(request, 120) ?? '');
}

/** One order's evidence record: what the hub sent to the channel and what came back, tracking and carrier events, and who did what. */
@Injectable()
export class OrderEvidenceService {
  constructor(
    private readonly reads: OrderEvidenceRepository,
    private readonly orders: OrderRepository,
    private readonly returnsOf: ReturnsService,
  ) {}

  /** Null when there is no such order. */
  async forOrder(orderId: string): Promise<OrderEvidence | null> {
    const order = await this.orders.findById(orderId);
    if (!order) return null;
    const [channelCalls, shipments, audit, [stored]] = await Promise.all([
      this.channelCalls(orderId),
      this.shipments(order),
      this.audit(orderId),
      this.returnsOf.byOrderIds([orderId]),
    ]);
    const returns = stored.map((r) => toEvidenceReturn(r, orderId));
    return {
      order,
      channelCalls,
      shipments,
      audit,
      returns,
      events: evidenceTimeline(order, channelCalls, shipments, audit, returns),
    };
  }

  private async channelCalls(orderId: string): Promise<EvidenceChannelCall[]> {
    const calls = await this.reads.calls(orderId);
    const attempts = await this.reads.attempts(orderId);
    return calls.map((c) => ({
      id: c.id,
      operation: c.operation,
      status: c.status,
      createdAt: new Date(c.created_at),
      createdBy: c.created_by,
      deliveredAt: c.delivered_at && new Date(c.delivered_at),
      lastError: c.last_error,
      discardReason: c.discard_reason,
      attempts: attempts
        .filter((a) => a.outbox_id === c.id)
        .map((a) => ({
          attempt: a.attempt,
          startedAt: new Date(a.started_at),
          durationMs: a.duration_ms,
          request: requestSummary(a.request),
          responseStatus: a.response_status,
          responseExcerpt: excerpt(a.response_body),
          outcome: a.outcome,
          error: a.error,
        })),
    }));
  }

  private async shipments(order: OrderEntity): Promise<EvidenceShipment[]> {
    const [shipments, events, trackers] = await Promise.all([
      this.reads.shipments(order.id),
      this.reads.carrierEvents(order.id),
      this.reads.trackers(order.id),
    ]);
    const shipTo = order.shipTo
      ? placeLine(order.shipTo.city, order.shipTo.stateOrRegion, order.shipTo.postalCode, order.shipTo.countryCode)
      : null;
    return shipments.map((s) => {
      const tracker = trackers.find((t) => t.shipment_id === s.id);
      return {
        id: s.id,
        carrier: s.carrier,
        trackingNumber: s.tracking_number,
        shippedAt: new Date(s.shipped_at),
        source: s.source,
        origin: describeOrigin(originOf(s), order.channel),
        tracking: tracker ? toTracking(tracker, shipTo) : null,
        events: events
          .filter((e) => e.shipment_id === s.id)
          .map((e) => ({
            type: e.type,
            status: e.status,
            occurredAt: new Date(e.occurred_at),
            source: e.source,
            description: e.description,
            location: placeLine(e.city, e.state, e.zip, e.country),
          })),
      };
    });
  }

  private async audit(orderId: string): Promise<EvidenceAuditEntry[]> {
    const rows = await this.reads.audit(orderId);
    return rows.map((r) => ({
      occurredAt: new Date(r.occurred_at),
      actor: r.actor,
      action: r.action,
      summary: summarizeChange(r.after),
    }));
  }
}
