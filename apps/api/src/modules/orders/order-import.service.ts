import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  acknowledgeBy,
  autoCancelAt,
  lineStatusOf,
  orderStatusOfLines,
  policyFor,
  type ChannelPolicy,
} from '@order-hub/rules';
import { OrderLineStatus, type NormalizedOrder, type NormalizedShipment } from '@order-hub/types';
import type { EntityManager } from 'typeorm';
import { groupByKeys } from 'src/common/dataloaders/group-by';
import { Transactions } from 'src/common/database/transactions';
import { AuditService, type AuditRecord } from 'src/modules/audit/audit.service';
import { CarrierEventRepository, type CarrierEventRow } from 'src/modules/carrier-events/carrier-event.repository';
import type { ChannelAccountEntity } from 'src/modules/channels/channel-account.repository';
import type { ShipmentLineEntity } from 'src/modules/fulfillment/shipment.repository';
import type { ShipmentEntity } from 'src/modules/fulfillment/shipment.repository';
import { ShipmentRepository } from 'src/modules/fulfillment/shipment.repository';
import type { OrderLineEntity } from './order-line.entity';
import type { OrderEntity } from './order.entity';
import { OrderRepository } from './order.repository';

export interface UpsertResult {
  inserted: number;
  updated: number;
  /** Copies no newer than what the hub holds (an overlap re-read or a stale page): left alone. */
  unchanged: number;
  /** The channel order ids of the orders this import created. */
  insertedIds: string[];
}

/**
 * Imports channel orders (with lines, shipments, carrier events and an audit event each). `upsert` is idempotent,
 * keyed by (account, channel order id): a copy older than the stored one never overwrites it, so a stale page cannot
 * move an order backwards; every change is audited with what it changed. Deadlines come from the channel policy in
 * force when each order was placed.
 */
@Injectable()
export class OrderImportService {
  constructor(
    private readonly tx: Transactions,
    private readonly orders: OrderRepository,
    private readonly shipments: ShipmentRepository,
    private readonly carrierEvents: CarrierEventRepository,
    private readonly audit: AuditService,
  ) {}

  /** Writes orders the hub does not hold yet (no check: a duplicate fails the unique key). Returns their ids. */
  insertNew(account: ChannelAccountEntity, orders: NormalizedOrder[], actor: string): Promise<string[]> {
    return this.tx.run((em) => this.insertNewWith(em, account, orders, actor));
  }

  upsert(account: ChannelAccountEntity, orders: NormalizedOrder[], actor: string): Promise<UpsertResult> {
    const newest = new Map<string, NormalizedOrder>();
    for (const o of orders) {
      const seen = newest.get(o.channelOrderId);
      if (!seen || seen.channelUpdatedAt < o.channelUpdatedAt) newest.set(o.channelOrderId, o);
    }
    if (newest.size === 0) return Promise.resolve({ inserted: 0, updated: 0, unchanged: 0, insertedIds: [] });
    return this.tx.run(async (em) => {
      const existing = await this.orders.lockForImport(account.id, [...newest.keys()], em);
      const stored = new Map(existing.map((e) => [e.channelOrderId, e]));
      const fresh = [...newest.values()].filter((o) => !stored.has(o.channelOrderId));
      const changed = existing.filter(
        (e) => !e.channelUpdatedAt || e.channelUpdatedAt < newest.get(e.channelOrderId)!.channelUpdatedAt,
      );
      await this.insertNewWith(em, account, fresh, actor);
      await this.applyChanges(
        em,
        account,
        changed.map((e) => ({ row: e, incoming: newest.get(e.channelOrderId)! })),
        actor,
      );
      return {
        inserted: fresh.length,
        updated: changed.length,
        unchanged: newest.size - fresh.length - changed.length,
        insertedIds: fresh.map((o) => o.channelOrderId),
      };
    });
  }

  private async insertNewWith(
    em: EntityManager,
    account: ChannelAccountEntity,
    orders: NormalizedOrder[],
    actor: string,
  ): Promise<string[]> {
    const orderRows: Partial<OrderEntity>[] = [];
    const lineRows: Partial<OrderLineEntity>[] = [];
    const shipmentRows: Partial<ShipmentEntity>[] = [];
    const shipmentLineRows: Partial<ShipmentLineEntity>[] = [];
    const auditRows: AuditRecord[] = [];
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
        lineRows.push({ id: lineId, orderId: id, currency: o.currency, ...lineColumns(l, o) });
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

    await this.orders.insertImported(orderRows, lineRows, em);
    await this.shipments.insertImported(shipmentRows, shipmentLineRows, em);
    await this.audit.recordMany(em, auditRows);
    await this.carrierEvents.record(carrierEvents, em);
    return orderRows.map((r) => r.id!);
  }

  private async applyChanges(
    em: EntityManager,
    account: ChannelAccountEntity,
    changes: { row: Pick<OrderEntity, 'id' | 'status' | 'channelUpdatedAt'>; incoming: NormalizedOrder }[],
    actor: string,
  ): Promise<void> {
    if (changes.length === 0) return;
    const orderIds = changes.map((c) => c.row.id);
    const lines = await this.orders.linesOfOrders(orderIds, em);
    const pending = await this.orders.pendingChannelOperations(orderIds, em);
    const shipments = await this.shipments.findImportKeysByOrders(orderIds, em);
    const linesByOrder = groupByKeys(orderIds, lines, (l) => l.orderId);
    const shipmentIds = new Map(shipments.map((s) => [shipmentKey(s.orderId, s.trackingNumber, s.shippedAt), s.id]));
    const carrierEvents: CarrierEventRow[] = [];
    const newLines: Partial<OrderLineEntity>[] = [];
    const newShipments: Partial<ShipmentEntity>[] = [];
    const newShipmentLines: Partial<ShipmentLineEntity>[] = [];
    const audits: AuditRecord[] = [];

    for (const [index, { row, incoming: copy }] of changes.entries()) {
      // What the hub has queued and the channel has not taken or refused yet stays over the channel's older copy.
      const incoming = withPendingChanges(copy, linesByOrder[index], pending.get(row.id));
      const policy = policyFor(account.channel, account.marketplace, incoming.orderedAt);
      await this.orders.updateImported(row.id, orderColumns(incoming, policy), incoming.acknowledgedAt, em);
      const current = new Map(linesByOrder[index].map((l) => [l.lineNumber, l]));
      const lineIds = new Map<string, string>();
      const lineChanges: Record<string, unknown>[] = [];
      for (const l of incoming.lines) {
        const before = current.get(l.lineNumber);
        if (!before) {
          const id = randomUUID();
          lineIds.set(l.lineNumber, id);
          newLines.push({ id, orderId: row.id, currency: incoming.currency, ...lineColumns(l, incoming) });
          lineChanges.push({ lineNumber: l.lineNumber, added: true });
          continue;
        }
        lineIds.set(l.lineNumber, before.id);
        const diff = lineDiff(before, l, incoming);
        if (diff || moneyChanged(before, l, incoming)) {
          await this.orders.updateLine(before.id, { ...lineColumns(l, incoming), currency: incoming.currency }, em);
          if (diff) lineChanges.push({ lineNumber: l.lineNumber, ...diff });
        }
      }
      let shipmentsAdded = 0;
      for (const { lines: shipped, events, ...s } of incoming.shipments) {
        // A package the hub already holds may bring new carrier events (delivered since the last import).
        const known = shipmentIds.get(shipmentKey(row.id, s.trackingNumber, s.shippedAt));
        const shipmentId = known ?? randomUUID();
        carrierEvents.push(...carrierEventRows(shipmentId, row.id, events));
        if (known) continue;
        shipmentsAdded += 1;
        newShipments.push({ id: shipmentId, orderId: row.id, ...s });
        for (const sl of shipped) {
          const orderLineId = lineIds.get(sl.lineNumber);
          if (orderLineId) newShipmentLines.push({ shipmentId, orderLineId, quantity: sl.quantity });
        }
      }
      audits.push({
        actor,
        action: 'order.updated',
        entityType: 'order',
        entityId: row.id,
        orderId: row.id,
        before: { status: row.status, channelUpdatedAt: row.channelUpdatedAt?.toISOString() ?? null },
        after: {
          status: incoming.status,
          channelUpdatedAt: incoming.channelUpdatedAt.toISOString(),
          lines: lineChanges,
          shipmentsAdded,
          cancellationRequested: incoming.cancellationRequested,
        },
      });
    }
    await this.orders.insertImported([], newLines, em);
    await this.shipments.insertImported(newShipments, newShipmentLines, em);
    await this.audit.recordMany(em, audits);
    await this.carrierEvents.record(carrierEvents, em);
  }
}

/**
 * The channel's copy with the hub's changes still on their way to it laid over: units the hub shipped, cancelled or
 * refunded, and lines it acknowledged, while a call of that kind is PENDING or SENDING. Only ever more than the
 * channel shows (the channel may already show it); once the calls settle the next import takes the channel's copy
 * whole, and a refused call has given its change back. Without pending calls the copy is returned as it is.
 */
export function withPendingChanges(
  incoming: NormalizedOrder,
  stored: readonly OrderLineEntity[],
  operations: ReadonlySet<string> | undefined,
): NormalizedOrder {
  if (!operations?.size) return incoming;
  const hub = new Map(stored.map((l) => [l.lineNumber, l]));
  let overlaid = false;
  const lines = incoming.lines.map((line) => {
    const mine = hub.get(line.lineNumber);
    if (!mine) return line;
    const next = { ...line };
    if (operations.has('SHIP')) next.quantityShipped = Math.max(line.quantityShipped, mine.quantityShipped);
    if (operations.has('CANCEL')) next.quantityCancelled = Math.max(line.quantityCancelled, mine.quantityCancelled);
    if (operations.has('REFUND')) next.quantityRefunded = Math.max(line.quantityRefunded, mine.quantityRefunded);
    const acknowledged =
      operations.has('ACKNOWLEDGE') &&
      line.status === OrderLineStatus.CREATED &&
      mine.status !== OrderLineStatus.CREATED;
    if (acknowledged) next.status = OrderLineStatus.ACKNOWLEDGED;
    const changed =
      acknowledged ||
      next.quantityShipped !== line.quantityShipped ||
      next.quantityCancelled !== line.quantityCancelled ||
      next.quantityRefunded !== line.quantityRefunded;
    if (!changed) return line;
    overlaid = true;
    return { ...next, status: lineStatusOf(next) };
  });
  return overlaid ? { ...incoming, lines, status: orderStatusOfLines(lines) } : incoming;
}

/**
 * An order line's columns, with the optional channel reasons as NULL when the channel gave none, and the line's money
 * from the order's `lineMoney` (charge unknown and nothing refunded when the channel gave none).
 */
function lineColumns(l: NormalizedOrder['lines'][number], o: NormalizedOrder) {
  const money = o.lineMoney?.find((m) => m.lineNumber === l.lineNumber);
  return {
    ...l,
    cancellationReason: l.cancellationReason ?? null,
    refundReason: l.refundReason ?? null,
    cancelledBy: l.cancelledBy ?? null,
    chargeCents: money?.chargeCents ?? null,
    refundedCents: money?.refundedCents ?? 0,
    productRefundedCents: money?.productRefundedCents ?? 0,
  } satisfies Partial<OrderLineEntity>;
}

/** The carrier events a channel reported for one stored shipment. */
function carrierEventRows(
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
function orderColumns(o: NormalizedOrder, policy: ChannelPolicy) {
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
    channelPackageReferenceIds: o.channelPackageReferenceIds ?? [],
  } satisfies Partial<OrderEntity>;
}

const LINE_FIELDS = [
  'quantityOrdered',
  'quantityShipped',
  'quantityCancelled',
  'quantityRefunded',
  'status',
  'cancellationRequested',
  'unitPriceCents',
  'cancellationReason',
  'refundReason',
  'cancelledBy',
] as const;

/** The line's money follows the channel's copy like the raw payload it used to be read from: stored, not audited. */
const MONEY_FIELDS = ['chargeCents', 'refundedCents', 'productRefundedCents'] as const;

function moneyChanged(before: OrderLineEntity, incoming: NormalizedOrder['lines'][number], order: NormalizedOrder) {
  const after = lineColumns(incoming, order);
  return MONEY_FIELDS.some((f) => before[f] !== after[f]);
}

function lineDiff(
  before: OrderLineEntity,
  incoming: NormalizedOrder['lines'][number],
  order: NormalizedOrder,
): Record<string, { from: unknown; to: unknown }> | null {
  const after = lineColumns(incoming, order);
  const diff: Record<string, { from: unknown; to: unknown }> = {};
  for (const f of LINE_FIELDS) if (before[f] !== after[f]) diff[f] = { from: before[f], to: after[f] };
  return Object.keys(diff).length ? diff : null;
}

function shipmentKey(orderId: string, trackingNumber: string | null, shippedAt: Date): string {
  return `${orderId}|${trackingNumber ?? ''}|${trackingNumber ? '' : shippedAt.getTime()}`;
}
