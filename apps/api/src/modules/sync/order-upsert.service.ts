import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { policyFor } from '@order-hub/rules';
import type { NormalizedOrder } from '@order-hub/types';
import { DataSource, In, type EntityManager } from 'typeorm';
import { groupByKeys } from '../../common/dataloaders/group-by';
import { AuditEventEntity } from '../audit/audit-event.entity';
import type { ChannelAccountEntity } from '../channels/channel-account.entity';
import { ShipmentLineEntity } from '../fulfillment/shipment-line.entity';
import { ShipmentEntity } from '../fulfillment/shipment.entity';
import { recordCarrierEvents, type CarrierEventRow } from '../carrier-events/record-carrier-events';
import {
  acknowledgedAtUpdate,
  carrierEventRows,
  insertChunked,
  lineColumns,
  OrderIngestService,
  orderColumns,
} from '../orders/order-ingest.service';
import { OrderLineEntity } from '../orders/order-line.entity';
import { OrderEntity } from '../orders/order.entity';

export interface UpsertResult {
  inserted: number;
  updated: number;
  /** Copies no newer than what the hub holds (an overlap re-read or a stale page): left alone. */
  unchanged: number;
}

/**
 * Imports a page of channel orders idempotently, keyed by (account, channel order id). A copy older than
 * the stored one never overwrites it, so a stale page cannot move an order backwards; every change is
 * audited with what it changed.
 */
@Injectable()
export class OrderUpsertService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly ingest: OrderIngestService,
  ) {}

  upsert(account: ChannelAccountEntity, orders: NormalizedOrder[], actor: string): Promise<UpsertResult> {
    const newest = new Map<string, NormalizedOrder>();
    for (const o of orders) {
      const seen = newest.get(o.channelOrderId);
      if (!seen || seen.channelUpdatedAt < o.channelUpdatedAt) newest.set(o.channelOrderId, o);
    }
    if (newest.size === 0) return Promise.resolve({ inserted: 0, updated: 0, unchanged: 0 });
    return this.ds.transaction(async (em) => {
      const existing = await em.getRepository(OrderEntity).find({
        select: { id: true, channelOrderId: true, channelUpdatedAt: true, status: true },
        where: { accountId: account.id, channelOrderId: In([...newest.keys()]) },
        lock: { mode: 'pessimistic_write' },
      });
      const stored = new Map(existing.map((e) => [e.channelOrderId, e]));
      const fresh = [...newest.values()].filter((o) => !stored.has(o.channelOrderId));
      const changed = existing.filter(
        (e) => !e.channelUpdatedAt || e.channelUpdatedAt < newest.get(e.channelOrderId)!.channelUpdatedAt,
      );
      await this.ingest.insertNewWith(em, account, fresh, actor);
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
      };
    });
  }

  private async applyChanges(
    em: EntityManager,
    account: ChannelAccountEntity,
    changes: { row: OrderEntity; incoming: NormalizedOrder }[],
    actor: string,
  ): Promise<void> {
    if (changes.length === 0) return;
    const orderIds = changes.map((c) => c.row.id);
    const lines = await em.getRepository(OrderLineEntity).find({ where: { orderId: In(orderIds) } });
    const shipments = await em.getRepository(ShipmentEntity).find({
      select: { id: true, orderId: true, trackingNumber: true, shippedAt: true },
      where: { orderId: In(orderIds) },
    });
    const linesByOrder = groupByKeys(orderIds, lines, (l) => l.orderId);
    const shipmentIds = new Map(shipments.map((s) => [shipmentKey(s.orderId, s.trackingNumber, s.shippedAt), s.id]));
    const carrierEvents: CarrierEventRow[] = [];
    const newLines: Partial<OrderLineEntity>[] = [];
    const newShipments: Partial<ShipmentEntity>[] = [];
    const newShipmentLines: Partial<ShipmentLineEntity>[] = [];
    const audits: Partial<AuditEventEntity>[] = [];

    for (const [index, { row, incoming }] of changes.entries()) {
      const policy = policyFor(account.channel, account.marketplace, incoming.orderedAt);
      const acknowledged = acknowledgedAtUpdate(incoming);
      await em
        .createQueryBuilder()
        .update(OrderEntity)
        .set({ ...orderColumns(incoming, policy), ...acknowledged.set, version: () => 'version + 1' })
        .where('id = :id', { id: row.id, ...acknowledged.params })
        .execute();
      const current = new Map(linesByOrder[index].map((l) => [l.lineNumber, l]));
      const lineIds = new Map<string, string>();
      const lineChanges: Record<string, unknown>[] = [];
      for (const l of incoming.lines) {
        const before = current.get(l.lineNumber);
        if (!before) {
          const id = randomUUID();
          lineIds.set(l.lineNumber, id);
          newLines.push({ id, orderId: row.id, currency: incoming.currency, ...lineColumns(l) });
          lineChanges.push({ lineNumber: l.lineNumber, added: true });
          continue;
        }
        lineIds.set(l.lineNumber, before.id);
        const diff = lineDiff(before, l);
        if (diff) {
          await em.getRepository(OrderLineEntity).update(before.id, { ...lineColumns(l), currency: incoming.currency });
          lineChanges.push({ lineNumber: l.lineNumber, ...diff });
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
    await insertChunked(em, OrderLineEntity, newLines);
    await insertChunked(em, ShipmentEntity, newShipments);
    await insertChunked(em, ShipmentLineEntity, newShipmentLines);
    await insertChunked(em, AuditEventEntity, audits);
    await recordCarrierEvents(em, carrierEvents);
  }
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

function lineDiff(
  before: OrderLineEntity,
  incoming: NormalizedOrder['lines'][number],
): Record<string, { from: unknown; to: unknown }> | null {
  const after = lineColumns(incoming);
  const diff: Record<string, { from: unknown; to: unknown }> = {};
  for (const f of LINE_FIELDS) if (before[f] !== after[f]) diff[f] = { from: before[f], to: after[f] };
  return Object.keys(diff).length ? diff : null;
}

function shipmentKey(orderId: string, trackingNumber: string | null, shippedAt: Date): string {
  return `${orderId}|${trackingNumber ?? ''}|${trackingNumber ? '' : shippedAt.getTime()}`;
}
