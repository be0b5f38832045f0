import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { lineStatusOf, orderStatusOfLines } from '@order-hub/rules';
import type { Channel, FulfillmentMethod, OrderStatus } from '@order-hub/types';
import { DataSource, In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { ConflictError } from 'src/common/errors/app-error';
import { shipmentsWithTrackingNumberSql } from 'src/modules/fulfillment/shipment.sql';
import { pendingOperationsSql } from 'src/modules/outbox/outbox.sql';
import { OrderLineEntity } from './order-line.entity';
import { OrderEntity } from './order.entity';
import type { Predicate } from './order-view.predicates';
import { exactNumberIdsSql, type SearchTerm } from './orders-search';

/** The rows this repository returns, for modules that hold them (they never query the table). */
export type { OrderLineEntity } from './order-line.entity';
export type { OrderEntity } from './order.entity';

/** The only way into the `order` and `order_line` tables; every method joins the caller's transaction when given `em`. */
@Injectable()
export class OrderRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private orders(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(OrderEntity);
  }

  private orderLines(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(OrderLineEntity);
  }

  findById(id: string, em?: EntityManager): Promise<OrderEntity | null> {
    return this.orders(em).findOneBy({ id });
  }

  /** Throws TypeORM's EntityNotFoundError when the order is gone (callers that hold its id from another row). */
  getById(id: string, em?: EntityManager): Promise<OrderEntity> {
    return this.orders(em).findOneByOrFail({ id });
  }

  findByIds(ids: readonly string[], em?: EntityManager): Promise<OrderEntity[]> {
    return ids.length ? this.orders(em).findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  /** Orders whose channel order number or customer order number is one of `numbers`. */
  findByNumbers(numbers: readonly string[], em?: EntityManager): Promise<OrderEntity[]> {
    if (numbers.length === 0) return Promise.resolve([]);
    const wanted = In([...numbers]);
    return this.orders(em).find({ where: [{ channelOrderId: wanted }, { customerOrderId: wanted }] });
  }

  /** The order's lines, in line-number order. */
  linesOf(orderId: string, em?: EntityManager): Promise<OrderLineEntity[]> {
    return this.orderLines(em).find({ where: { orderId }, order: { lineNumber: 'ASC' } });
  }

  /** The lines of many orders (any order), for callers that group them. */
  linesOfOrders(orderIds: readonly string[], em?: EntityManager): Promise<OrderLineEntity[]> {
    return orderIds.length ? this.orderLines(em).findBy({ orderId: In([...orderIds]) }) : Promise.resolve([]);
  }

  /** Each order's SKUs (one per line), keyed by order id. */
  async skusByOrder(orderIds: readonly string[], em?: EntityManager): Promise<Map<string, string[]>> {
    const lines = orderIds.length
      ? await this.orderLines(em).find({ select: { orderId: true, sku: true }, where: { orderId: In([...orderIds]) } })
      : [];
    const skus = new Map<string, string[]>();
    for (const l of lines) skus.set(l.orderId, [...(skus.get(l.orderId) ?? []), l.sku]);
    return skus;
  }

  /**
   * The order locked FOR UPDATE until the transaction ends, with its lines; null order when it is gone.
   * Only meaningful inside a transaction (`em`).
   */
  async lockWithLines(id: string, em: EntityManager): Promise<{ order: OrderEntity | null; lines: OrderLineEntity[] }> {
    const order = await this.orders(em).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    return { order, lines: await this.linesOf(id, em) };
  }

  /**
   * Saves the lines and moves the order to the status they add up to, with a new version, if nobody changed it
   * since `version` (another operator, a bulk upload, an import): otherwise CONFLICT, and the transaction rolls back.
   */
  async commitChange(
    order: OrderEntity,
    lines: OrderLineEntity[],
    version: number,
    changes: Partial<Pick<OrderEntity, 'acknowledgedAt'>>,
    em: EntityManager,
  ): Promise<OrderStatus> {
    for (const line of lines) line.status = lineStatusOf(line);
    const status = orderStatusOfLines(lines);
    const result = await em
      .createQueryBuilder()
      .update(OrderEntity)
      .set({ ...changes, status, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id: order.id, version })
      .execute();
    if (!result.affected) {
      throw new ConflictError(
        `Order ${order.channelOrderId} changed while this action was prepared (version ${version} is no longer current); reload it and try again.`,
      );
    }
    await this.orderLines(em).save(lines);
    return status;
  }

  /** Saves the lines and moves the order to the status they add up to, whatever its version (the caller holds the lock). */
  async saveRecomputed(orderId: string, lines: OrderLineEntity[], em: EntityManager): Promise<void> {
    for (const line of lines) line.status = lineStatusOf(line);
    await this.orderLines(em).save(lines);
    await em
      .createQueryBuilder()
      .update(OrderEntity)
      .set({ status: orderStatusOfLines(lines), version: () => 'version + 1' })
      .where('id = :id', { id: orderId })
      .execute();
  }

  async saveLines(lines: OrderLineEntity[], em?: EntityManager): Promise<void> {
    await this.orderLines(em).save(lines);
  }

  /**
   * Hands a seller-fulfilled order to MCF if it is still at `version` and seller-fulfilled; `acknowledgedAt` also
   * acknowledges it. Returns false when the order changed meanwhile.
   */
  async moveToMcf(id: string, version: number, acknowledgedAt: Date | null, em: EntityManager): Promise<boolean> {
    const moved = await em
      .createQueryBuilder()
      .update(OrderEntity)
      .set({
        fulfillmentMethod: 'MCF',
        ...(acknowledgedAt ? { status: 'ACKNOWLEDGED', acknowledgedAt } : {}),
        version: () => 'version + 1',
      })
      .where('id = :id AND version = :version AND fulfillment_method = :merchant', {
        id,
        version,
        merchant: 'MERCHANT',
      })
      .execute();
    return !!moved.affected;
  }

  /** An MCF order Amazon will not fulfil goes back to the seller (no-op when it is no longer with MCF). */
  async returnFromMcf(id: string, em?: EntityManager): Promise<void> {
    await this.orders(em).update({ id, fulfillmentMethod: 'MCF' }, { fulfillmentMethod: 'MERCHANT' });
  }

  /** The account's orders in `statuses` with `fulfillmentMethod`, earliest ship-by first, at most `take`. */
  findByAccountStatus(
    accountId: string,
    statuses: readonly OrderStatus[],
    fulfillmentMethod: FulfillmentMethod,
    take: number,
    em?: EntityManager,
  ): Promise<OrderEntity[]> {
    return this.orders(em).find({
      where: { accountId, status: In([...statuses]), fulfillmentMethod },
      order: { shipBy: 'ASC' },
      take,
    });
  }

  /** Ids of the account's orders matching the filter (any order). */
  async idsByAccount(
    accountId: string,
    filter: { statuses: readonly OrderStatus[]; methods: readonly FulfillmentMethod[]; channel?: Channel },
    em?: EntityManager,
  ): Promise<string[]> {
    const rows = await this.orders(em).find({
      select: { id: true },
      where: {
        accountId,
        ...(filter.channel ? { channel: filter.channel } : {}),
        status: In([...filter.statuses]),
        fulfillmentMethod: In([...filter.methods]),
      },
    });
    return rows.map((o) => o.id);
  }

  /** Ids of new orders (CREATED) of the account that the seller or MCF fulfils: what acknowledgement is for. */
  idsAwaitingAcknowledgement(accountId: string, channel: Channel, em?: EntityManager): Promise<string[]> {
    return this.idsByAccount(accountId, { statuses: ['CREATED'], methods: ['MERCHANT', 'MCF'], channel }, em);
  }

  /**
   * What an import compares against: the account's stored copies of these channel orders, locked FOR UPDATE until
   * the transaction ends (two imports of one account take turns).
   */
  lockForImport(
    accountId: string,
    channelOrderIds: readonly string[],
    em: EntityManager,
  ): Promise<Pick<OrderEntity, 'id' | 'channelOrderId' | 'channelUpdatedAt' | 'status'>[]> {
    return this.orders(em).find({
      select: { id: true, channelOrderId: true, channelUpdatedAt: true, status: true },
      where: { accountId, channelOrderId: In([...channelOrderIds]) },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** For each of these orders with calls still on their way to its channel, the operations of those calls. */
  async pendingChannelOperations(ids: readonly string[], em?: EntityManager): Promise<Map<string, Set<string>>> {
    if (ids.length === 0) return new Map();
    const rows = await this.orders(em)
      .createQueryBuilder('o')
      .select('o.id', 'id')
      .addSelect(pendingOperationsSql('o'), 'operations')
      .where('o.id IN (:...ids)', { ids: [...ids] })
      .getRawMany<{ id: string; operations: string[] }>();
    return new Map(rows.filter((r) => r.operations.length > 0).map((r) => [r.id, new Set(r.operations)]));
  }

  /** New orders and lines an import brings (ids chosen by the caller), in chunks. */
  async insertImported(
    orders: Partial<OrderEntity>[],
    lines: Partial<OrderLineEntity>[],
    em?: EntityManager,
  ): Promise<void> {
    await insertChunked(em ?? this.ds.manager, OrderEntity, orders);
    await insertChunked(em ?? this.ds.manager, OrderLineEntity, lines);
  }

  /**
   * Writes the channel's newer copy over a stored order, with a new version. `acknowledgedAt` is set only where the
   * hub has none: the time the hub recorded when it acknowledged the order is never overwritten by the channel's copy.
   */
  async updateImported(
    id: string,
    columns: Partial<OrderEntity>,
    acknowledgedAt: Date | null,
    em?: EntityManager,
  ): Promise<void> {
    await (em ?? this.ds.manager)
      .createQueryBuilder()
      .update(OrderEntity)
      .set({
        ...columns,
        ...(acknowledgedAt ? { acknowledgedAt: () => 'COALESCE(acknowledged_at, :channelAcknowledgedAt)' } : {}),
        version: () => 'version + 1',
      })
      .where('id = :id', { id, ...(acknowledgedAt ? { channelAcknowledgedAt: acknowledgedAt } : {}) })
      .execute();
  }

  async updateLine(id: string, columns: Omit<Partial<OrderLineEntity>, 'order'>, em?: EntityManager): Promise<void> {
    await this.orderLines(em).update(id, columns);
  }

  /** The inbox's orders (alias `o`) under every condition given (the view's, the filter's, the search's). */
  inboxQuery(where: readonly Predicate[], em?: EntityManager): SelectQueryBuilder<OrderEntity> {
    const qb = this.orders(em).createQueryBuilder('o').where('TRUE');
    for (const p of where) qb.andWhere(p.sql, p.params);
    return qb;
  }

  /** How many rows the query gives: a plain count(*), not TypeORM's count(DISTINCT id). */
  async countRows(qb: SelectQueryBuilder<OrderEntity>): Promise<number> {
    const row = await qb.clone().select('count(*)::int', 'n').orderBy().getRawOne<{ n: number }>();
    return Number(row?.n ?? 0);
  }

  /** The planner's estimate of the rows the query gives (EXPLAIN, nothing read): for large sets shown as "about N". */
  async estimateRows(qb: SelectQueryBuilder<OrderEntity>): Promise<number> {
    const [sql, params] = qb.clone().select('1').orderBy().getQueryAndParameters();
    const [row]: { 'QUERY PLAN': ExplainJson | string }[] = await this.ds.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
    const plan = row['QUERY PLAN'];
    const parsed = typeof plan === 'string' ? (JSON.parse(plan) as ExplainJson) : plan;
    return Math.round(parsed[0].Plan['Plan Rows']);
  }

  /** Ids of the orders a number-like search term names whole (order number, customer order number, tracking number). */
  async exactNumberIds(term: SearchTerm, em?: EntityManager): Promise<string[]> {
    const { sql, params } = exactNumberIdsSql(term);
    const [query, values] = (em ?? this.ds.manager).connection.driver.escapeQueryWithParameters(sql, params, {});
    const rows: { id: string }[] = await (em ?? this.ds.manager).query(query, values);
    return rows.map((r) => r.id);
  }

  /** Of these orders, the tracking numbers that are the term (spaces and case ignored), keyed by order id. */
  async trackingMatches(
    orderIds: readonly string[],
    term: SearchTerm,
    em?: EntityManager,
  ): Promise<Map<string, string[]>> {
    const found = new Map<string, string[]>();
    if (orderIds.length === 0) return found;
    const sql = `SELECT t.order_id, t.tracking_number FROM (${shipmentsWithTrackingNumberSql('tracking')}) t WHERE t.order_id IN (:...ids)`;
    const [query, values] = (em ?? this.ds.manager).connection.driver.escapeQueryWithParameters(
      sql,
      { tracking: term.tracking, ids: [...orderIds] },
      {},
    );
    const rows: { order_id: string; tracking_number: string }[] = await (em ?? this.ds.manager).query(query, values);
    for (const r of rows) found.set(r.order_id, [...(found.get(r.order_id) ?? []), r.tracking_number]);
    return found;
  }

  /** The distinct SKUs (at most 64 characters) on the account's order lines. */
  async skusOfAccount(accountId: string, em?: EntityManager): Promise<string[]> {
    const rows: { sku: string }[] = await (em ?? this.ds.manager).query(
      `SELECT DISTINCT l.sku FROM order_line l JOIN "order" o ON o.id = l.order_id
        WHERE o.account_id = $1 AND length(l.sku) <= 64`,
      [accountId],
    );
    return rows.map((r) => r.sku);
  }

  /**
   * Of the orders imported after `after` (of the channel, or one account of it): the earliest order date and the
   * latest import time; both null when none.
   */
  async importedAfter(
    channel: Channel,
    accountId: string | null,
    after: Date,
    em?: EntityManager,
  ): Promise<{ since: Date | null; latest: Date | null }> {
    const [row]: { since: Date | null; latest: Date | null }[] = await (em ?? this.ds.manager).query(
      `SELECT min(ordered_at) AS since, max(created_at) AS latest FROM "order" WHERE channel = $1 AND ($2::uuid IS NULL OR account_id = $2) AND created_at > $3`,
      [channel, accountId, after],
    );
    return row;
  }

  /**
   * The deadline alarms' candidates among the open orders of the given accounts that the seller or MCF fulfils:
   * new orders due for acknowledgement before `acknowledgeBefore`, and orders due to ship before their account's
   * day ends (`dayEnd`, each row's `end_of_today`).
   */
  findDeadlineCandidates(
    accounts: readonly { accountId: string; dayEnd: Date }[],
    acknowledgeBefore: Date,
    em?: EntityManager,
  ): Promise<OrderDeadlineRow[]> {
    return (em ?? this.ds.manager).query(
      `SELECT o.id, o.account_id, o.channel, o.channel_order_id, o.status, o.ship_by, o.acknowledge_by, o.auto_cancel_at, d.day_end AS end_of_today
         FROM "order" o JOIN unnest($1::uuid[], $2::timestamptz[]) AS d(account_id, day_end) ON d.account_id = o.account_id
        WHERE o.status IN ('CREATED', 'ACKNOWLEDGED', 'PARTIALLY_SHIPPED') AND o.fulfillment_method <> 'CHANNEL'
          AND ((o.status = 'CREATED' AND o.acknowledge_by < $3) OR o.ship_by < d.day_end)`,
      [accounts.map((a) => a.accountId), accounts.map((a) => a.dayEnd), acknowledgeBefore],
    );
  }
}

/** EXPLAIN (FORMAT JSON)'s answer, as far as the estimate needs it. */
type ExplainJson = [{ Plan: { 'Plan Rows': number } }];

/** An open order with its deadlines, as the deadline alarms read it. */
export interface OrderDeadlineRow {
  id: string;
  account_id: string;
  channel: Channel;
  channel_order_id: string;
  status: OrderStatus;
  ship_by: Date | null;
  acknowledge_by: Date | null;
  auto_cancel_at: Date | null;
  end_of_today: Date;
}

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters for the widest table. */
const CHUNK = 500;

async function insertChunked<T extends object>(em: EntityManager, entity: new () => T, rows: Partial<T>[]) {
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
