import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Channel, SupplierTrackingState } from '@order-hub/types';
import { DataSource, In, IsNull, Not, type EntityManager } from 'typeorm';
import { PurchaseOrderEntity } from './purchase-order.entity';
import { SupplierSkuEntity } from './supplier-sku.entity';
import { SupplierEntity } from './supplier.entity';

export interface PurchaseOrderFilter {
  supplierId: string | null;
  orderId: string | null;
  waiting: boolean;
  state: SupplierTrackingState | null;
  /** Hours left at which a purchase order is due soon (the rules' warning). */
  warnHours: number;
}

/** The supplier, supplier_sku and purchase_order tables: every read and write of them goes through here. */
@Injectable()
export class SuppliersRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  suppliers(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(SupplierEntity);
  }

  skus(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(SupplierSkuEntity);
  }

  purchaseOrders(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(PurchaseOrderEntity);
  }

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }

  list(): Promise<SupplierEntity[]> {
    return this.suppliers().createQueryBuilder('s').orderBy('lower(s.name)', 'ASC').getMany();
  }

  findById(id: string, em?: EntityManager): Promise<SupplierEntity | null> {
    return this.suppliers(em).findOneBy({ id });
  }

  findByIds(ids: readonly string[]): Promise<SupplierEntity[]> {
    return ids.length ? this.suppliers().findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  /** Another supplier of this name, whatever its case. */
  findByName(name: string, em?: EntityManager): Promise<SupplierEntity | null> {
    return this.suppliers(em).createQueryBuilder('s').where('lower(s.name) = lower(:name)', { name }).getOne();
  }

  /** Active suppliers that list this address or its @domain among their senders (stored lower case). */
  findBySenders(candidates: readonly string[]): Promise<SupplierEntity[]> {
    return this.suppliers()
      .createQueryBuilder('s')
      .where('s.active = true AND s.sender_addresses && :candidates::text[]', { candidates: [...candidates] })
      .orderBy('s.name', 'ASC')
      .getMany();
  }

  skusOf(supplierId: string): Promise<SupplierSkuEntity[]> {
    return this.skus().find({ where: { supplierId }, order: { sku: 'ASC', accountId: 'ASC' } });
  }

  /** The map rows of these SKUs in this account or in any account, of active suppliers. */
  async mappings(skus: readonly string[], accountId: string, em?: EntityManager): Promise<SupplierSkuEntity[]> {
    if (skus.length === 0) return [];
    return this.skus(em)
      .createQueryBuilder('m')
      .innerJoin(SupplierEntity, 's', 's.id = m.supplier_id AND s.active = true')
      .where('m.sku IN (:...skus) AND (m.account_id IS NULL OR m.account_id = :accountId)', {
        skus: [...skus],
        accountId,
      })
      .getMany();
  }

  /** The order's purchase order that is not cancelled. */
  openFor(orderId: string, em?: EntityManager): Promise<PurchaseOrderEntity | null> {
    return this.purchaseOrders(em).findOneBy({ orderId, status: Not('CANCELLED') });
  }

  openForOrders(orderIds: readonly string[]): Promise<PurchaseOrderEntity[]> {
    if (orderIds.length === 0) return Promise.resolve([]);
    return this.purchaseOrders().findBy({ orderId: In([...orderIds]), status: Not('CANCELLED') });
  }

  findPurchaseOrder(id: string): Promise<PurchaseOrderEntity | null> {
    return this.purchaseOrders().findOneBy({ id });
  }

  /** Sent purchase orders still waiting for tracking (of one supplier, or all), soonest due first. */
  waiting(supplierId: string | null): Promise<PurchaseOrderEntity[]> {
    return this.purchaseOrders().find({
      where: { status: 'SENT', trackingReceivedAt: IsNull(), ...(supplierId ? { supplierId } : {}) },
      order: { trackingDueAt: { direction: 'ASC', nulls: 'LAST' }, number: 'ASC' },
    });
  }

  /** The next `PO-<yymmdd>-<n>` of the day. */
  async nextNumber(prefix: string, em: EntityManager): Promise<string> {
    const rows: { n: number }[] = await em.query(
      `SELECT COALESCE(MAX(CAST(substring(number FROM $2) AS integer)), 0)::int AS n FROM purchase_order WHERE number LIKE $1`,
      [`${prefix}%`, `^${prefix}(\\d+)$`],
    );
    return `${prefix}${rows[0].n + 1}`;
  }

  /** Records the first tracking received for the order's open purchase order; false when there is none. */
  async markTrackingReceived(orderId: string, at: Date, em?: EntityManager): Promise<boolean> {
    const result = await this.purchaseOrders(em)
      .createQueryBuilder()
      .update(PurchaseOrderEntity)
      .set({ trackingReceivedAt: at, status: 'TRACKING_RECEIVED' })
      .where("order_id = :orderId AND status = 'SENT'", { orderId })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /**
   * A page of purchase orders (not cancelled): of a supplier, waiting for tracking (soonest due first), or in one
   * clock state as of `now`; otherwise newest first. Offset paging: the list is short and sorted stably.
   */
  async listPurchaseOrders(
    filter: PurchaseOrderFilter,
    page: { offset: number; limit: number },
    now: Date,
  ): Promise<{ rows: PurchaseOrderEntity[]; total: number }> {
    const qb = this.purchaseOrders().createQueryBuilder('p').where("p.status <> 'CANCELLED'");
    if (filter.supplierId) qb.andWhere('p.supplier_id = :supplierId', { supplierId: filter.supplierId });
    if (filter.orderId) qb.andWhere('p.order_id = :orderId', { orderId: filter.orderId });
    if (filter.waiting) qb.andWhere("p.status = 'SENT' AND p.tracking_received_at IS NULL");
    const soon = new Date(now.getTime() + filter.warnHours * 3_600_000);
    const states: Record<SupplierTrackingState, string> = {
      ON_TIME:
        'p.tracking_received_at IS NOT NULL AND (p.tracking_due_at IS NULL OR p.tracking_received_at <= p.tracking_due_at)',
      LATE: 'p.tracking_received_at > p.tracking_due_at',
      MISSED: 'p.tracking_received_at IS NULL AND p.tracking_due_at <= :now',
      DUE_SOON: 'p.tracking_received_at IS NULL AND p.tracking_due_at > :now AND p.tracking_due_at <= :soon',
      WAITING: 'p.tracking_received_at IS NULL AND (p.tracking_due_at IS NULL OR p.tracking_due_at > :soon)',
    };
    if (filter.state) qb.andWhere(states[filter.state], { now, soon });
    if (filter.waiting) qb.orderBy('p.trackingDueAt', 'ASC', 'NULLS LAST').addOrderBy('p.number', 'ASC');
    else qb.orderBy('p.sentAt', 'DESC').addOrderBy('p.number', 'DESC');
    const [rows, total] = await qb.skip(page.offset).take(page.limit).getManyAndCount();
    return { rows, total };
  }

  /**
   * Sent purchase orders without tracking, due at or before `dueBefore`, whose orders still wait to ship in an
   * enabled account: what the supplier clock alarms on.
   */
  clockCandidates(dueBefore: Date): Promise<ClockCandidate[]> {
    return this.ds.query(
      `SELECT p.id, p.number, p.order_id, p.tracking_due_at, s.name AS supplier_name, o.account_id, o.channel,
              o.channel_order_id, a.name AS account_name, a.time_zone
         FROM purchase_order p
         JOIN supplier s ON s.id = p.supplier_id
         JOIN "order" o ON o.id = p.order_id
         JOIN channel_account a ON a.id = o.account_id
        WHERE p.status = 'SENT' AND p.tracking_received_at IS NULL AND p.tracking_due_at <= $1
          AND o.status IN ('CREATED', 'ACKNOWLEDGED', 'PARTIALLY_SHIPPED') AND a.disabled_at IS NULL
        ORDER BY p.tracking_due_at, p.number`,
      [dueBefore],
    );
  }
}

export interface ClockCandidate {
  id: string;
  number: string;
  order_id: string;
  tracking_due_at: Date;
  supplier_name: string;
  account_id: string;
  channel: Channel;
  channel_order_id: string;
  account_name: string;
  time_zone: string;
}
