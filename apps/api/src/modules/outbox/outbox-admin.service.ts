import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { channelCarrierName, checkTrackingNumber } from '@order-hub/rules';
import type { CarrierCode, OutboxStatus, ShipPayload } from '@order-hub/types';
import { DataSource, In, LessThan, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { BadUserInputError, ConflictError, NotFoundError } from '../../common/errors/app-error';
import { decodeCursor, encodeCursor } from '../../common/pagination/cursor';
import { AuditService } from '../audit/audit.service';
import { lineStatusOf, orderStatusOfLines } from '../channels/order-status';
import { ShipmentLineEntity } from '../fulfillment/shipment-line.entity';
import { ShipmentEntity } from '../fulfillment/shipment.entity';
import { OrderLineEntity } from '../orders/order-line.entity';
import { OrderEntity } from '../orders/order.entity';
import { OutboxEntity } from './outbox.entity';
import { OutboxService } from './outbox.service';

const SORT = 'outbox:seq-desc';

export interface OutboxListFilter {
  statuses?: OutboxStatus[] | null;
  accountId?: string | null;
  orderId?: string | null;
}

/** What an operator corrects on a refused shipment before sending it again. */
export interface ShipmentFix {
  carrier?: CarrierCode | null;
  carrierName?: string | null;
  trackingNumber?: string | null;
  trackingUrl?: string | null;
  service?: string | null;
}

/** The console's outbox queue: list, fix and retry, or discard (undoing what the hub had recorded). */
@Injectable()
export class OutboxAdminService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  async list(filter: OutboxListFilter, first: number, after: string | null): Promise<{ rows: OutboxEntity[]; hasNextPage: boolean; cursorOf: (r: OutboxEntity) => string }> {
    const where: FindOptionsWhere<OutboxEntity> = {};
    if (filter.statuses?.length) where.status = In(filter.statuses);
    if (filter.accountId) where.accountId = filter.accountId;
    if (filter.orderId) where.orderId = filter.orderId;
    if (after) where.seq = LessThan(String(decodeCursor(after, SORT)[0]));
    const rows = await this.ds.getRepository(OutboxEntity).find({ where, order: { seq: 'DESC' }, take: first + 1 });
    return { rows: rows.slice(0, first), hasNextPage: rows.length > first, cursorOf: (r) => encodeCursor(SORT, [r.seq]) };
  }

  /** A FAILED or DEAD row goes out again from its first attempt; a refused shipment may be corrected first. */
  async retry(id: string, fix: ShipmentFix | null, actor: string): Promise<OutboxEntity> {
    const row = await this.ds.transaction(async (em) => {
      const entry = await em.getRepository(OutboxEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!entry) throw new NotFoundError('Outbox entry', id);
      if (entry.status !== 'FAILED' && entry.status !== 'DEAD') throw new ConflictError(`Outbox entry ${id} is ${entry.status}; only FAILED or DEAD entries are retried.`);
      if (entry.discardReason) throw new ConflictError(`Outbox entry ${id} was discarded (${entry.discardReason}); confirm the action again instead.`);
      const before = { status: entry.status, lastError: entry.lastError, payload: entry.payload };
      if (fix && Object.values(fix).some((v) => v !== undefined && v !== null)) await this.applyFix(em, entry, fix);
      Object.assign(entry, { status: 'PENDING', attempts: 0, nextAttemptAt: new Date(), lastError: null, lastErrorCode: null, channelRef: null });
      await em.getRepository(OutboxEntity).save(entry);
      await this.audit.record(em, { actor, action: 'outbox.retried', entityType: 'outbox', entityId: id, orderId: entry.orderId, before, after: { payload: entry.payload } });
      return entry;
    });
    await this.outbox.kick([row]);
    return row;
  }

  /** Gives a FAILED or DEAD row up, keeping the reason, and takes back what the hub recorded for it. */
  async discard(id: string, reason: string, actor: string): Promise<OutboxEntity> {
    if (!reason.trim()) throw new BadUserInputError('reason', 'Say why the entry is discarded; the reason is kept.');
    return this.ds.transaction(async (em) => {
      const entry = await em.getRepository(OutboxEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!entry) throw new NotFoundError('Outbox entry', id);
      if (entry.status !== 'FAILED' && entry.status !== 'DEAD') throw new ConflictError(`Outbox entry ${id} is ${entry.status}; only FAILED or DEAD entries can be discarded.`);
      if (entry.discardReason) return entry;
      await this.undo(em, entry);
      Object.assign(entry, { status: 'DEAD', discardReason: reason.trim() });
      await em.getRepository(OutboxEntity).save(entry);
      await this.audit.record(em, { actor, action: 'outbox.discarded', entityType: 'outbox', entityId: id, orderId: entry.orderId, after: { operation: entry.operation, reason: entry.discardReason } });
      return entry;
    });
  }

  private async applyFix(em: EntityManager, entry: OutboxEntity, fix: ShipmentFix): Promise<void> {
    if (entry.operation !== 'SHIP' && entry.operation !== 'UPDATE_TRACKING') throw new BadUserInputError('fix', `Only shipments can be corrected; a ${entry.operation} entry is retried as it is.`);
    const order = await em.getRepository(OrderEntity).findOneByOrFail({ id: entry.orderId });
    const payload = { ...(entry.payload as ShipPayload) };
    const carrier = fix.carrier ?? payload.carrier;
    const trackingNumber = fix.trackingNumber ?? payload.trackingNumber;
    Object.assign(payload, {
      carrier,
      carrierName: fix.carrierName ?? payload.carrierName,
      trackingNumber: checkTrackingNumber(trackingNumber, carrier).normalized || trackingNumber.trim(),
      trackingUrl: fix.trackingUrl ?? payload.trackingUrl,
      service: fix.service ?? payload.service,
    });
    payload.channelCarrier = channelCarrierName(order.channel, carrier, payload.carrierName);
    entry.payload = payload;
    if (entry.shipmentId) {
      await em.getRepository(ShipmentEntity).update(entry.shipmentId, {
        carrierCode: carrier,
        carrier: payload.channelCarrier && payload.channelCarrier !== 'Other' ? payload.channelCarrier : (payload.carrierName ?? carrier),
        trackingNumber: payload.trackingNumber,
        trackingUrl: payload.trackingUrl,
        service: payload.service,
      });
    }
  }

  /** A discarded shipment or cancellation never reached the channel: the order goes back to what it was. */
  private async undo(em: EntityManager, entry: OutboxEntity): Promise<void> {
    if (entry.operation === 'SHIP' && entry.shipmentId) {
      const shipped = await em.getRepository(ShipmentLineEntity).find({ where: { shipmentId: entry.shipmentId } });
      for (const s of shipped) await em.getRepository(OrderLineEntity).decrement({ id: s.orderLineId }, 'quantityShipped', s.quantity);
      await em.getRepository(ShipmentEntity).delete(entry.shipmentId);
    }
    if (entry.operation === 'CANCEL') {
      for (const l of (entry.payload as { lines: { lineNumber: string; quantity: number }[] }).lines) {
        await em.getRepository(OrderLineEntity).decrement({ orderId: entry.orderId, lineNumber: l.lineNumber }, 'quantityCancelled', l.quantity);
      }
    }
    const lines = await em.getRepository(OrderLineEntity).find({ where: { orderId: entry.orderId } });
    for (const line of lines) line.status = lineStatusOf(line);
    await em.getRepository(OrderLineEntity).save(lines);
    await em.createQueryBuilder().update(OrderEntity).set({ status: orderStatusOfLines(lines), version: () => 'version + 1' }).where('id = :id', { id: entry.orderId }).execute();
  }
}
