import { Injectable } from '@nestjs/common';
import { ORDER_VIEWS, type OrderView } from '@order-hub/types';
import type { SelectQueryBuilder } from 'typeorm';
import { decodeCursor, encodeCursor } from 'src/common/pagination/cursor';
import { BadUserInputError } from 'src/common/errors/app-error';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import type { OrderEntity } from './order.entity';
import { OrderRepository } from './order.repository';
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
  constructor(
    private readonly orders: OrderRepository,
    private readonly accounts: ChannelAccountRepository,
  ) {}

  async get(id: string): Promise<OrderEntity | null> {
    if (!UUID.test(id)) throw new BadUserInputError('id', 'must be an id returned by the API (a UUID).');
    return this.orders.findById(id);
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
    return this.orders.inboxQuery(query, viewPredicate(query.view, now, dayEnds));
  }

  private dayEndsFor(view: OrderView, now: Date): Promise<AccountDayEnd[]> {
    return view === 'DUE_TODAY' ? this.dayEnds(now) : Promise.resolve([]);
  }

  /** When each account's day ends (PostgreSQL does the time-zone arithmetic, DST included, in one small query). */
  private dayEnds(now: Date): Promise<AccountDayEnd[]> {
    return this.accounts.dayEnds(now);
  }
}
