import type { CancelPayload, PackageType, RefundPayload, ShipPayload } from '@order-hub/types';
import type { EntityManager } from 'typeorm';
import { ConflictError } from '../../common/errors/app-error';
import { lineStatusOf, orderStatusOfLines } from '@order-hub/rules';
import { ShipmentLineEntity } from '../fulfillment/shipment-line.entity';
import { ShipmentEntity } from '../fulfillment/shipment.entity';
import { OrderLineEntity } from '../orders/order-line.entity';
import { OrderEntity } from '../orders/order.entity';
import type { OutboxEntity } from './outbox.entity';

/** The shipment a refused confirmation had recorded, kept so a resend can record it again under the same id. */
export interface RevertedShipment {
  id: string;
  shippedAt: string;
  packageType: PackageType;
  weightOz: number | null;
  lengthIn: number | null;
  widthIn: number | null;
  heightIn: number | null;
  packageReferenceId: string | null;
  lines: { orderLineId: string; quantity: number }[];
}

/** What the hub took back from an order when the channel refused a call: units per line, and the shipment. */
export interface RevertedChange {
  lines: {
    lineNumber: string;
    shipped?: number;
    cancelled?: number;
    refundedBefore?: number;
    refundedAfter?: number;
  }[];
  shipment?: RevertedShipment | null;
}

/**
 * The channel refused the call for good: the order goes back to what the channel holds. A confirmation's shipment
 * and shipped units, a cancellation's cancelled units and a refund's refunded units are taken back; other calls
 * (acknowledge, tracking corrections, MCF) change no quantities and take nothing back.
 */
export async function revertHubChange(em: EntityManager, row: OutboxEntity): Promise<RevertedChange> {
  const order = await em
    .getRepository(OrderEntity)
    .findOne({ where: { id: row.orderId }, lock: { mode: 'pessimistic_write' } });
  const lines = await em
    .getRepository(OrderLineEntity)
    .find({ where: { orderId: row.orderId }, order: { lineNumber: 'ASC' } });
  const byNumber = new Map(lines.map((l) => [l.lineNumber, l]));
  const byId = new Map(lines.map((l) => [l.id, l]));
  const reverted: RevertedChange = { lines: [] };
  if (row.operation === 'SHIP' && row.shipmentId) {
    const shipment = await em.getRepository(ShipmentEntity).findOneBy({ id: row.shipmentId });
    const shipped = await em.getRepository(ShipmentLineEntity).find({ where: { shipmentId: row.shipmentId } });
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
      await em.getRepository(ShipmentEntity).delete(shipment.id);
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
          ? Math.min(line.quantityShipped, Math.floor((l.refundedAfterCents - l.amountCents) / line.unitPriceCents))
          : 0;
      reverted.lines.push({ lineNumber: l.lineNumber, refundedBefore: before, refundedAfter: line.quantityRefunded });
      line.quantityRefunded = before;
    }
  }
  if (order && reverted.lines.length > 0) await saveOrder(em, order, lines);
  return reverted;
}

/**
 * A refused call is sent again: the order takes back the change the operator asked for, with the corrected fields
 * of the payload. Refused with CONFLICT when the units have been shipped or cancelled another way meanwhile.
 */
export async function reapplyHubChange(em: EntityManager, row: OutboxEntity, reverted: RevertedChange): Promise<void> {
  const order = await em
    .getRepository(OrderEntity)
    .findOneOrFail({ where: { id: row.orderId }, lock: { mode: 'pessimistic_write' } });
  const lines = await em
    .getRepository(OrderLineEntity)
    .find({ where: { orderId: row.orderId }, order: { lineNumber: 'ASC' } });
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
    await em.getRepository(ShipmentEntity).insert({
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
    });
    await em
      .getRepository(ShipmentLineEntity)
      .insert(saved.lines.map((l) => ({ shipmentId: saved.id, orderLineId: l.orderLineId, quantity: l.quantity })));
  }
  if (reverted.lines.length > 0) await saveOrder(em, order, lines);
}

/** A shipment's carrier and tracking columns as a confirmation's payload gives them. */
export function shipmentFieldsOf(
  payload: ShipPayload,
): Pick<ShipmentEntity, 'carrier' | 'carrierCode' | 'trackingNumber' | 'trackingUrl' | 'service'> {
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

async function saveOrder(em: EntityManager, order: OrderEntity, lines: OrderLineEntity[]): Promise<void> {
  for (const line of lines) line.status = lineStatusOf(line);
  await em.getRepository(OrderLineEntity).save(lines);
  await em
    .createQueryBuilder()
    .update(OrderEntity)
    .set({ status: orderStatusOfLines(lines), version: () => 'version + 1' })
    .where('id = :id', { id: order.id })
    .execute();
}
