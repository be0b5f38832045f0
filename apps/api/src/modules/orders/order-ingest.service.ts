import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { acknowledgeBy, autoCancelAt, policyFor, type ChannelPolicy } from '@order-hub/rules';
import type { NormalizedOrder, NormalizedShipment } from '@order-hub/types';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { recordCarrierEvents, type CarrierEventRow } from '../carrier-events/record-carrier-events';
import type { ChannelAccountEntity } from '../channels/channel-account.entity';
import { ShipmentLineEntity } from '../fulfillment/shipment-line.entity';
import { ShipmentEntity } from '../fulfillment/shipment.entity';
import { OrderLineEntity } from './order-line.entity';
import { OrderEntity } from './order.entity';

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters for the widest table. */
const CHUNK = 500;

/**
 * Writes new channel orders (with lines, shipments and an audit event each) in one transaction. Deadlines
 * come from the channel policy in force when each order was placed.
 */
@Injectable()
export class OrderIngestService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async insertNew(account: ChannelAccountEntity, orders: NormalizedOrder[], actor: string): Promise<string[]> {
    return this.ds.transaction((em) => this.insertNewWith(em, account, orders, actor));
  }

  async insertNewWith(
    em: EntityManager,
    account: ChannelAccountEntity,
    orders: NormalizedOrder[],
    actor: string,
  ): Promise<string[]> {
    const orderRows: Partial<OrderEntity>[] = [];
    const lineRows: Partial<OrderLineEntity>[] = [];
    const shipmentRows: Partial<ShipmentEntity>[] = [];
    const shipmentLineRows: Partial<ShipmentLineEntity>[] = [];
    const auditRows: Partial<AuditEventEntity>[] = [];
    const carrierEvents: CarrierEventRow[] = [];

    for (const o of orders) {
      const id = randomUUID();
      const policy = policyFor(account.channel, account.marketplace, o.orderedAt);
      orderRows.push({
        id,
        accountId: account.id,
        channel: account.channel,
        channelOrderId: o.channelOrderId,
        ...orderColumns(o, policy),
        acknowledgedAt: o.acknowledgedAt,
        version: 1,
      });
      const lineIds = new Map<string, string>();
      for (const l of o.lines) {
        const lineId = randomUUID();
        lineIds.set(l.lineNumber, lineId);
        lineRows.push({ id: lineId, orderId: id, currency: o.currency, ...lineColumns(l) });
      }
      for (const { lines, events, ...s } of o.shipments) {
        const shipmentId = randomUUID();
        shipmentRows.push({ id: shipmentId, orderId: id, ...s });
        carrierEvents.push(...carrierEventRows(shipmentId, id, events));
        for (const sl of lines) {
          const orderLineId = lineIds.get(sl.lineNumber);
          if (!orderLineId) throw new Error(`Shipment of ${o.channelOrderId} names unknown line ${sl.lineNumber}`);
          shipmentLineRows.push({ shipmentId, orderLineId, quantity: sl.quantity });
        }
      }
      auditRows.push({
        actor,
        action: 'order.imported',
        entityType: 'order',
        entityId: id,
        orderId: id,
        after: { status: o.status, lines: o.lines.length, shipments: o.shipments.length, policy: policy.version },
      });
    }

    await insertChunked(em, OrderEntity, orderRows);
    await insertChunked(em, OrderLineEntity, lineRows);
    await insertChunked(em, ShipmentEntity, shipmentRows);
    await insertChunked(em, ShipmentLineEntity, shipmentLineRows);
    await insertChunked(em, AuditEventEntity, auditRows);
    await recordCarrierEvents(em, carrierEvents);
    return orderRows.map((r) => r.id!);
  }
}

/** An order line's columns, with the optional channel reasons as NULL when the channel gave none. */
export function lineColumns(l: NormalizedOrder['lines'][number]) {
  return {
    ...l,
    cancellationReason: l.cancellationReason ?? null,
    refundReason: l.refundReason ?? null,
    cancelledBy: l.cancelledBy ?? null,
  } satisfies Partial<OrderLineEntity>;
}

/**
 * An import sets `acknowledgedAt` only where the hub has none: the time the hub recorded when it acknowledged the order
 * is never overwritten by a copy from the channel (Walmart's payload carries no acknowledgement time).
 */
export function acknowledgedAtUpdate(o: NormalizedOrder): {
  set: Partial<Record<'acknowledgedAt', () => string>>;
  params: Record<string, unknown>;
} {
  if (!o.acknowledgedAt) return { set: {}, params: {} };
  return {
    set: { acknowledgedAt: () => 'COALESCE(acknowledged_at, :channelAcknowledgedAt)' },
    params: { channelAcknowledgedAt: o.acknowledgedAt },
  };
}

/** The carrier events a channel reported for one stored shipment. */
export function carrierEventRows(
  shipmentId: string,
  orderId: string,
  events: NormalizedShipment['events'],
): CarrierEventRow[] {
  return (events ?? []).map((e) => ({
    shipmentId,
    orderId,
    type: e.type,
    occurredAt: e.at,
    source: 'CHANNEL',
    description: e.description ?? null,
  }));
}

/** The columns an import writes (for a new order, and again when the channel changes it); `acknowledgedAt` apart. */
export function orderColumns(o: NormalizedOrder, policy: ChannelPolicy) {
  return {
    customerOrderId: o.customerOrderId,
    orderedAt: o.orderedAt,
    status: o.status,
    shipBy: o.shipBy,
    deliverBy: o.deliverBy,
    acknowledgeBy: acknowledgeBy(o.orderedAt, policy),
    autoCancelAt: autoCancelAt(o.shipBy, policy),
    shipMethod: o.shipMethod,
    fulfillmentMethod: o.fulfillmentMethod,
    shipTo: o.shipTo,
    shipToName: o.shipTo?.name ?? null,
    totalCents: o.totalCents,
    currency: o.currency,
    rawPayload: o.rawPayload,
    channelUpdatedAt: o.channelUpdatedAt,
    cancellationRequested: o.cancellationRequested,
    merchandiseCents: o.merchandiseCents ?? null,
    orderType: o.orderType ?? null,
    originalCustomerOrderId: o.originalCustomerOrderId ?? null,
    shipNodeType: o.shipNodeType ?? null,
  } satisfies Partial<OrderEntity>;
}

export async function insertChunked<T extends object>(em: EntityManager, entity: new () => T, rows: Partial<T>[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // TypeORM's insert() takes QueryDeepPartialEntity, which Partial<T> satisfies for these flat entities.
    await em
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + CHUNK) as never)
      .updateEntity(false)
      .execute();
  }
}
