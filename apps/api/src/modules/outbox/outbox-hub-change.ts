import { Injectable } from '@nestjs/common';
import type { CancelPayload, RefundPayload, ShipPayload } from '@order-hub/types';
import type { EntityManager } from 'typeorm';
import { ConflictError, NotFoundError } from 'src/common/errors/app-error';
import { ShipmentRepository, type ShipmentTracking } from 'src/modules/fulfillment/shipment.repository';
import { OrderRepository } from 'src/modules/orders/order.repository';
import type { OutboxEntity } from './outbox.entity';
import { OutboxFollowers } from './outbox-followers';
import type { RevertedChange } from './reverted-change';

/** What a refused call had changed on the order, taken back on the refusal and put back when it is sent again. */
@Injectable()
export class OutboxHubChange {
  constructor(
    private readonly orders: OrderRepository,
    private readonly shipments: ShipmentRepository,
    private readonly followers: OutboxFollowers,
  ) {}

  /**
   * The channel shows the call's change: what the hub keeps beside the order follows (a return's refunded units),
   * in the transaction that marks the row DELIVERED.
   */
  delivered(em: EntityManager, row: OutboxEntity): Promise<void> {
    return this.followers.delivered(em, row);
  }

  /**
   * The channel refused the call for good: the order goes back to what the channel holds. A confirmation's shipment
   * and shipped units, a cancellation's cancelled units and a refund's refunded units are taken back; other calls
   * (acknowledge, tracking corrections, MCF) change no quantities and take nothing back.
   */
  async revert(em: EntityManager, row: OutboxEntity): Promise<RevertedChange> {
    const { order, lines } = await this.orders.lockWithLines(row.orderId, em);
    const byNumber = new Map(lines.map((l) => [l.lineNumber, l]));
    const byId = new Map(lines.map((l) => [l.id, l]));
    const reverted: RevertedChange = { lines: [] };
    if (row.operation === 'SHIP' && row.shipmentId) {
      const shipment = await this.shipments.findById(row.shipmentId, em);
      const shipped = await this.shipments.findLines(row.shipmentId, em);
      for (const s of shipped) {
        const line = byId.get(s.orderLineId);
        if (!line) continue;
        line.quantityShipped = Math.max(0, line.quantityShipped - s.quantity);
        reverted.lines.push({ lineNumber: line.lineNumber, shipped: s.quantity });
      }
      if (shipment) {
        reverted.shipment = {
          id: shipment.id,
          shippedAt: shipment.shippedAt.toISOString(),
          packageType: shipment.packageType,
          weightOz: shipment.weightOz,
          lengthIn: shipment.lengthIn,
          widthIn: shipment.widthIn,
          heightIn: shipment.heightIn,
          packageReferenceId: shipment.packageReferenceId,
          lines: shipped.map((s) => ({ orderLineId: s.orderLineId, quantity: s.quantity })),
        };
        await this.shipments.delete(shipment.id, em);
      }
    }
    if (row.operation === 'CANCEL') {
      for (const l of (row.payload as CancelPayload).lines) {
        const line = byNumber.get(l.lineNumber);
        if (!line) continue;
        line.quantityCancelled = Math.max(0, line.quantityCancelled - l.quantity);
        reverted.lines.push({ lineNumber: l.lineNumber, cancelled: l.quantity });
      }
    }
    if (row.operation === 'REFUND') {
      for (const l of (row.payload as RefundPayload).lines) {
        const line = byNumber.get(l.lineNumber);
        if (!line) continue;
        const before =
          line.unitPriceCents > 0
            ? Math.min(
                line.quantityShipped,
                Math.floor((l.refundedAfterCents - refundedProductCents(l)) / line.unitPriceCents),
              )
            : 0;
        reverted.lines.push({ lineNumber: l.lineNumber, refundedBefore: before, refundedAfter: line.quantityRefunded });
        line.quantityRefunded = before;
      }
    }
    if (order && reverted.lines.length > 0) await this.orders.saveRecomputed(order.id, lines, em);
    return reverted;
  }

  /**
   * A refused call is sent again: the order takes back the change the operator asked for, with the corrected fields
   * of the payload. Refused with CONFLICT when the units have been shipped or cancelled another way meanwhile.
   */
  async reapply(em: EntityManager, row: OutboxEntity, reverted: RevertedChange): Promise<void> {
    const { order, lines } = await this.orders.lockWithLines(row.orderId, em);
    if (!order) throw new NotFoundError('Order', row.orderId);
    const byNumber = new Map(lines.map((l) => [l.lineNumber, l]));
    for (const r of reverted.lines) {
      const line = byNumber.get(r.lineNumber);
      if (!line) continue;
      const taken = (r.shipped ?? 0) + (r.cancelled ?? 0);
      if (taken > line.quantityOrdered - line.quantityShipped - line.quantityCancelled) {
        throw new ConflictError(
          `Line ${r.lineNumber} of order ${order.channelOrderId} no longer has ${taken} open unit(s); it was shipped or cancelled another way. Discard this entry instead.`,
        );
      }
      line.quantityShipped += r.shipped ?? 0;
      line.quantityCancelled += r.cancelled ?? 0;
      if (r.refundedAfter !== undefined) line.quantityRefunded = r.refundedAfter;
    }
    const saved = reverted.shipment;
    if (row.operation === 'SHIP' && saved) {
      const payload = row.payload as ShipPayload;
      await this.shipments.restore(
        {
          id: saved.id,
          orderId: row.orderId,
          ...shipmentFieldsOf(payload),
          shippedAt: new Date(saved.shippedAt),
          packageType: saved.packageType,
          weightOz: saved.weightOz,
          lengthIn: saved.lengthIn,
          widthIn: saved.widthIn,
          heightIn: saved.heightIn,
          source: 'HUB',
          packageReferenceId: saved.packageReferenceId,
        },
        saved.lines,
        em,
      );
    }
    if (reverted.lines.length > 0) await this.orders.saveRecomputed(order.id, lines, em);
  }
}

/** A shipment's carrier and tracking columns as a confirmation's payload gives them. */
export function shipmentFieldsOf(payload: ShipPayload): ShipmentTracking {
  return {
    carrier:
      payload.channelCarrier && payload.channelCarrier !== 'Other'
        ? payload.channelCarrier
        : (payload.carrierName ?? payload.carrier),
    carrierCode: payload.carrier,
    trackingNumber: payload.trackingNumber,
    trackingUrl: payload.trackingUrl,
    service: payload.service,
  };
}

/** The product part of a refund line (its item component when split into item and tax, as a return's refund is). */
export function refundedProductCents(line: Pick<RefundPayload['lines'][number], 'amountCents' | 'components'>): number {
  if (!line.components) return line.amountCents;
  return line.components.filter((c) => c.type === 'ITEM').reduce((sum, c) => sum + c.amountCents, 0);
}
