import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ORDER_VIEWS, type OrderView } from '@order-hub/types';
import { Brackets, DataSource, type SelectQueryBuilder } from 'typeorm';
import { decodeCursor, encodeCursor } from '../../common/pagination/cursor';
import { BadUserInputError } from '../../common/errors/app-error';
import { OrderEntity } from './order.entity';
import type { OrderQuery } from './orders.args';
import { LATEST_REFUSAL, sortFor, viewPredicate, type AccountDayEnd } from './order-view.predicates';

export interface OrderPage {
  rows: { order: OrderEntity; cursor: string }[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  count: () => Promise<number>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class OrdersService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async get(id: string): Promise<OrderEntity | null> {
    if (!UUID.test(id)) throw new BadUserInputError('id', 'must be an id returned by the API (a UUID).');
    return this.ds.getRepository(OrderEntity).findOneBy({ id });
  }

  /** One page in the view's order, read by keyset from `after`, plus a lazy total under the same filter. */
  async list(query: OrderQuery, first: number, after: string | null, now = new Date()): Promise<OrderPage> {
    const sort = sortFor(query.view);
    const sortName = `${query.view}:${sort.key}`;
    const column = sort.key === 'refused_at' ? LATEST_REFUSAL : `o.${sort.key}`;
    const dayEnds = await this.dayEndsFor(query.view, now);

    const qb = this.filtered(query, now, dayEnds).addSelect(column, 'sort_key');
    if (after) {
      const [key, id] = decodeCursor(after, sortName);
      if (typeof key !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(key))) {
        throw new BadUserInputError('after', 'is not a cursor returned by this list.');
      }
      const cmp = sort.direction === 'ASC' ? '>' : '<';
      qb.andWhere(`(${column}, o.id) ${cmp} (:afterKey, :afterId)`, { afterKey: new Date(key), afterId: id });
    }
    const { entities: found, raw } = await qb
      .orderBy('sort_key', sort.direction)
      .addOrderBy('o.id', sort.direction)
      .limit(first + 1)
      .getRawAndEntities<{ sort_key: Date | string }>();

    const page = found.slice(0, first);
    return {
      rows: page.map((order, i) => ({
        order,
        cursor: encodeCursor(sortName, [new Date(raw[i].sort_key).toISOString(), order.id]),
      })),
      hasNextPage: found.length > first,
      hasPreviousPage: after !== null,
      count: () => this.filtered(query, now, dayEnds).getCount(),
    };
  }

  /** How many orders each view holds under the filter (its own view ignored), in one scan. */
  async viewCounts(query: Omit<OrderQuery, 'view'>, now = new Date()): Promise<{ view: OrderView; count: number }[]> {
    const dayEnds = await this.dayEnds(now);
    const qb = this.filtered({ ...query, view: 'ALL' }, now, dayEnds).select([]);
    for (const view of ORDER_VIEWS) {
      const p = viewPredicate(view, now, dayEnds);
      qb.addSelect(`count(*) FILTER (WHERE ${p.sql})::int`, view).setParameters(p.params);
    }
    const raw = (await qb.getRawOne<Record<OrderView, number>>())!;
    return ORDER_VIEWS.map((view) => ({ view, count: Number(raw[view]) }));
  }

  private filtered(query: OrderQuery, now: Date, dayEnds: AccountDayEnd[]): SelectQueryBuilder<OrderEntity> {
    const qb = this.ds.getRepository(OrderEntity).createQueryBuilder('o');
    const view = viewPredicate(query.view, now, dayEnds);
    qb.where(view.sql, view.params);
    if (query.channel) qb.andWhere('o.channel = :channel', { channel: query.channel });
    if (query.accountId) qb.andWhere('o.account_id = :accountId', { accountId: query.accountId });
    if (query.statuses?.length) qb.andWhere('o.status IN (:...statuses)', { statuses: query.statuses });
    if (query.search) {
      const contains = `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const tracking = query.search.replace(/\s+/g, '').toUpperCase();
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('o.channel_order_id ILIKE :contains')
            .orWhere('o.customer_order_id ILIKE :contains')
            .orWhere('o.ship_to_name ILIKE :contains')
            .orWhere('EXISTS (SELECT 1 FROM order_line l WHERE l.order_id = o.id AND l.sku ILIKE :contains)')
            .orWhere(
              'EXISTS (SELECT 1 FROM shipment s WHERE s.order_id = o.id AND upper(s.tracking_number) = :tracking)',
            ),
        ),
        { contains, tracking },
      );
    }
    return qb;
  }

  private dayEndsFor(view: OrderView, now: Date): Promise<AccountDayEnd[]> {
    return view === 'DUE_TODAY' ? this.dayEnds(now) : Promise.resolve([]);
  }

  /** PostgreSQL does the time-zone arithmetic (DST included) for every account in one small query. */
  private async dayEnds(now: Date): Promise<AccountDayEnd[]> {
    const rows: { id: string; day_end: Date }[] = await this.ds.query(
      `SELECT id, (date_trunc('day', $1::timestamptz AT TIME ZONE time_zone) + interval '1 day') AT TIME ZONE time_zone AS day_end
         FROM channel_account`,
      [now],
    );
    return rows.map((r) => ({ accountId: r.id, dayEnd: new Date(r.day_end) }));
  }
}
