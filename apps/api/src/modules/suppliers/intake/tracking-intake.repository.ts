import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IntakeStatus } from '@order-hub/types';
import { DataSource, In, type EntityManager } from 'typeorm';
import { TrackingIntakeEntity } from './tracking-intake.entity';

export interface IntakeFilter {
  status?: IntakeStatus | null;
  supplierId?: string | null;
  orderId?: string | null;
}

/** A page position: the last row's creation time and id (newest first). */
interface Cursor {
  at: string;
  id: string;
}

const encode = (row: TrackingIntakeEntity) =>
  Buffer.from(JSON.stringify({ at: row.createdAt.toISOString(), id: row.id })).toString('base64url');

export function decodeIntakeCursor(after: string): Cursor | null {
  try {
    const parsed = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (typeof parsed.at !== 'string' || typeof parsed.id !== 'string') return null;
    if (Number.isNaN(Date.parse(parsed.at))) return null;
    return { at: parsed.at, id: parsed.id };
  } catch {
    return null;
  }
}

/** The tracking_intake table: every read and write of it goes through here. */
@Injectable()
export class TrackingIntakeRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private rows(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(TrackingIntakeEntity);
  }

  insert(row: Partial<TrackingIntakeEntity>, em?: EntityManager): Promise<TrackingIntakeEntity> {
    return this.rows(em).save(this.rows(em).create(row));
  }

  async update(
    id: string,
    change: Omit<Partial<TrackingIntakeEntity>, 'order'>,
    em?: EntityManager,
  ): Promise<TrackingIntakeEntity> {
    await this.rows(em).update({ id }, change);
    return (await this.rows(em).findOneBy({ id }))!;
  }

  findById(id: string, em?: EntityManager): Promise<TrackingIntakeEntity | null> {
    return this.rows(em).findOneBy({ id });
  }

  /** The row locked for a decision (approve, dismiss): two people deciding at once decide one after the other. */
  lock(id: string, em: EntityManager): Promise<TrackingIntakeEntity | null> {
    return this.rows(em).createQueryBuilder('i').setLock('pessimistic_write').where('i.id = :id', { id }).getOne();
  }

  /** The number already applied to this order by the intake, if it was. */
  findApplied(orderId: string, trackingNumber: string): Promise<TrackingIntakeEntity | null> {
    return this.rows().findOneBy({ orderId, trackingNumber, status: 'APPLIED' });
  }

  /** Rows for these orders, newest first (Order.trackingIntake). */
  byOrders(orderIds: readonly string[]): Promise<TrackingIntakeEntity[]> {
    if (orderIds.length === 0) return Promise.resolve([]);
    return this.rows().find({ where: { orderId: In([...orderIds]) }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  /** A page, newest first; `hasNextPage` from one row more than asked. */
  async page(
    filter: IntakeFilter,
    first: number,
    after: Cursor | null,
  ): Promise<{
    rows: { cursor: string; node: TrackingIntakeEntity }[];
    hasNextPage: boolean;
    count: () => Promise<number>;
  }> {
    const qb = () => {
      const q = this.rows().createQueryBuilder('i');
      if (filter.status) q.andWhere('i.status = :status', { status: filter.status });
      if (filter.supplierId) q.andWhere('i.supplier_id = :supplierId', { supplierId: filter.supplierId });
      if (filter.orderId) q.andWhere('i.order_id = :orderId', { orderId: filter.orderId });
      return q;
    };
    const q = qb();
    // The cursor keeps milliseconds (JavaScript's dates); the column has microseconds.
    if (after)
      q.andWhere("(date_trunc('milliseconds', i.created_at), i.id) < (:at::timestamptz, :id::uuid)", {
        at: after.at,
        id: after.id,
      });
    const found = await q
      .orderBy("date_trunc('milliseconds', i.created_at)", 'DESC')
      .addOrderBy('i.id', 'DESC')
      .limit(first + 1)
      .getMany();
    return {
      rows: found.slice(0, first).map((node) => ({ cursor: encode(node), node })),
      hasNextPage: found.length > first,
      count: () => qb().getCount(),
    };
  }
}
