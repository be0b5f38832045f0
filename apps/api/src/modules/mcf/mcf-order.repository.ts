import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { McfStatus } from '@order-hub/types';
import { DataSource, In, LessThanOrEqual, type EntityManager } from 'typeorm';
import { McfOrderEntity } from './mcf-order.entity';

export interface McfOrderFilter {
  statuses: string[] | null;
  /** createdAt of the last order of the previous page. */
  before: Date | null;
  /** Only orders with (true) or without (false) a package whose tracking is held back. */
  held: boolean | null;
}

/** A routed order's MCF record as the create call was queued. */
export interface NewRoutedMcfOrder {
  orderId: string;
  mcfAccountId: string;
  sellerFulfillmentOrderId: string;
  shippingSpeed: string;
  nextPollAt: Date;
  routedBy: string;
  /** The rule that matched it, when its account is the one routed to. */
  routingRuleId: string | null;
}

/** The MCF queue's tabs as status groups: each counted in one query for the tab badges. */
export interface McfQueueCounts {
  pending: number;
  processing: number;
  held: number;
  shipped: number;
  operator: number;
}

const HELD = `EXISTS (SELECT 1 FROM jsonb_array_elements(m.packages) p WHERE p->>'holdReason' IS NOT NULL)`;

/** Why the provider's preview refused an order, kept on its MCF record. */
export interface NotRoutedMcfOrder {
  orderId: string;
  mcfAccountId: string;
  sellerFulfillmentOrderId: string;
  shippingSpeed: string;
  reason: string;
  routedBy: string;
}

/** The only way into the `mcf_order` table; every method joins the caller's transaction when given `em`. */
@Injectable()
export class McfRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private mcfOrders(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(McfOrderEntity);
  }

  findById(id: string, em?: EntityManager): Promise<McfOrderEntity | null> {
    return this.mcfOrders(em).findOneBy({ id });
  }

  findByOrderId(orderId: string, em?: EntityManager): Promise<McfOrderEntity | null> {
    return this.mcfOrders(em).findOneBy({ orderId });
  }

  findBySellerFulfillmentOrderId(
    mcfAccountId: string,
    sellerFulfillmentOrderId: string,
    em?: EntityManager,
  ): Promise<McfOrderEntity | null> {
    return this.mcfOrders(em).findOneBy({ mcfAccountId, sellerFulfillmentOrderId });
  }

  /** The order's MCF record locked FOR UPDATE until the transaction ends; null when it was never routed. */
  lockByOrderId(orderId: string, em: EntityManager): Promise<McfOrderEntity | null> {
    return this.mcfOrders(em).findOne({ where: { orderId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Which of `orderIds` have an MCF record (routed, or refused by the preview). */
  async orderIdsWithRecord(orderIds: readonly string[], em?: EntityManager): Promise<Set<string>> {
    if (orderIds.length === 0) return new Set();
    const rows = await this.mcfOrders(em).find({ select: { orderId: true }, where: { orderId: In([...orderIds]) } });
    return new Set(rows.map((m) => m.orderId));
  }

  /** MCF orders newest first, at most `first`. */
  list(filter: McfOrderFilter, first: number, em?: EntityManager): Promise<McfOrderEntity[]> {
    const qb = this.mcfOrders(em).createQueryBuilder('m').orderBy('m.created_at', 'DESC').take(first);
    if (filter.statuses?.length) qb.andWhere('m.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.before) qb.andWhere('m.created_at < :before', { before: filter.before });
    if (filter.held !== null) qb.andWhere(`${filter.held ? '' : 'NOT '}${HELD}`);
    return qb.getMany();
  }

  /** How many MCF orders each queue tab holds, in one scan. */
  async queueCounts(em?: EntityManager): Promise<McfQueueCounts> {
    const [row]: Record<keyof McfQueueCounts, string>[] = await (em ?? this.ds.manager).query(
      `SELECT count(*) FILTER (WHERE m.status IN ('ROUTED', 'RECEIVED', 'PLANNING')) AS pending,
              count(*) FILTER (WHERE m.status = 'PROCESSING') AS processing,
              count(*) FILTER (WHERE ${HELD}) AS held,
              count(*) FILTER (WHERE m.status = 'COMPLETE') AS shipped,
              count(*) FILTER (WHERE m.status IN ('NOT_ROUTED', 'UNFULFILLABLE')) AS operator
         FROM mcf_order m`,
    );
    return {
      pending: Number(row.pending),
      processing: Number(row.processing),
      held: Number(row.held),
      shipped: Number(row.shipped),
      operator: Number(row.operator),
    };
  }

  /** Ids of the MCF orders whose next poll is due, at most `limit`. */
  async duePollIds(now: Date, limit: number, em?: EntityManager): Promise<string[]> {
    const rows = await this.mcfOrders(em).find({
      select: { id: true },
      where: { nextPollAt: LessThanOrEqual(now) },
      take: limit,
    });
    return rows.map((m) => m.id);
  }

  /** The order's record becomes ROUTED (replacing a NOT_ROUTED one left by an earlier preview). */
  async insertRouted(routed: NewRoutedMcfOrder, em?: EntityManager): Promise<void> {
    await this.mcfOrders(em).delete({ orderId: routed.orderId, status: McfStatus.NOT_ROUTED });
    await this.mcfOrders(em).insert({ ...routed, status: McfStatus.ROUTED, packages: [] });
  }

  /** Records (or updates the reason of) the order's NOT_ROUTED record. */
  async upsertNotRouted(refused: NotRoutedMcfOrder, em?: EntityManager): Promise<void> {
    await (em ?? this.ds.manager).query(
      `INSERT INTO mcf_order (order_id, mcf_account_id, seller_fulfillment_order_id, status, shipping_speed, reason, routed_by) VALUES ($1, $2, $3, 'NOT_ROUTED', $4, $5, $6)
         ON CONFLICT (order_id) DO UPDATE SET reason = EXCLUDED.reason, updated_at = now()`,
      [
        refused.orderId,
        refused.mcfAccountId,
        refused.sellerFulfillmentOrderId,
        refused.shippingSpeed,
        refused.reason,
        refused.routedBy,
      ],
    );
  }

  save(mcfOrder: McfOrderEntity, em?: EntityManager): Promise<McfOrderEntity> {
    return this.mcfOrders(em).save(mcfOrder);
  }

  /** Brings the MCF order's next poll forward to `now` (only while it is still polled). */
  async pollNow(id: string, now: Date, em?: EntityManager): Promise<void> {
    await this.mcfOrders(em)
      .createQueryBuilder()
      .update()
      .set({ nextPollAt: now })
      .where('id = :id AND next_poll_at > :now', { id, now })
      .execute();
  }

  /** Stops polling the MCF order. */
  async stopPolling(id: string, em?: EntityManager): Promise<void> {
    await this.mcfOrders(em).update({ id }, { nextPollAt: null });
  }
}
