import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, LessThanOrEqual, type EntityManager } from 'typeorm';
import { TrackingHoldEntity } from './tracking-hold.entity';

export type NewTrackingHold = Pick<
  TrackingHoldEntity,
  'outboxId' | 'orderId' | 'shipmentId' | 'operation' | 'trackingNumber' | 'carrier' | 'heldSince' | 'releaseBy'
>;

/** The tracking_hold table: every read and write of it goes through here. */
@Injectable()
export class TrackingHoldRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private holds(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(TrackingHoldEntity);
  }

  async insert(hold: NewTrackingHold, em?: EntityManager): Promise<TrackingHoldEntity> {
    return this.holds(em).save(this.holds(em).create({ ...hold, releasedAt: null, releaseReason: null }));
  }

  /** Open holds among `filter`'s, locked for the caller's transaction (one release wins; the other finds none). */
  lockOpen(
    filter: { ids?: readonly string[]; shipmentIds?: readonly string[] },
    em: EntityManager,
  ): Promise<TrackingHoldEntity[]> {
    const where = {
      releasedAt: IsNull(),
      ...(filter.ids ? { id: In([...filter.ids]) } : {}),
      ...(filter.shipmentIds ? { shipmentId: In([...filter.shipmentIds]) } : {}),
    };
    return this.holds(em).find({ where, order: { createdAt: 'ASC' }, lock: { mode: 'pessimistic_write' } });
  }

  async markReleased(
    ids: readonly string[],
    release: Pick<TrackingHoldEntity, 'releasedAt' | 'releaseReason' | 'releasedBy'>,
    em: EntityManager,
  ): Promise<void> {
    if (ids.length) await this.holds(em).update({ id: In([...ids]) }, release);
  }

  /** Open holds whose deadline has come by `now`, oldest deadline first. */
  openDueBy(now: Date, limit: number): Promise<TrackingHoldEntity[]> {
    return this.holds().find({
      where: { releasedAt: IsNull(), releaseBy: LessThanOrEqual(now) },
      order: { releaseBy: 'ASC' },
      take: limit,
    });
  }

  /** Open holds (of these shipments, when given), oldest first. */
  open(limit: number, shipmentIds?: readonly string[]): Promise<TrackingHoldEntity[]> {
    return this.holds().find({
      where: { releasedAt: IsNull(), ...(shipmentIds ? { shipmentId: In([...shipmentIds]) } : {}) },
      order: { heldSince: 'ASC', createdAt: 'ASC' },
      take: limit,
    });
  }

  ofShipment(shipmentId: string): Promise<TrackingHoldEntity[]> {
    return this.holds().find({ where: { shipmentId }, order: { createdAt: 'ASC' } });
  }
}
