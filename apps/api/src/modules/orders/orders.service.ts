import { Injectable } from '@nestjs/common';
import { BULK_MAX_ORDERS, ORDER_VIEWS, OrderView, type Channel } from '@order-hub/types';
import type { SelectQueryBuilder } from 'typeorm';
import { BadUserInputError, ConflictError } from 'src/common/errors/app-error';
import type { z } from 'zod';
import { ChannelAccountRepository } from 'src/modules/channels/channel-account.repository';
import type { OrderEntity } from './order.entity';
import { OrderRepository } from './order.repository';
import { toOrderQuery, type bulkTargetSchema, type OrderQuery } from './orders.args';
import { filterPredicates } from './order-filters';
import { afterCursor, encodeSortCursor, nullsOrder, sortSpec } from './order-sort';
import { viewPredicate, type AccountDayEnd, type Predicate } from './order-view.predicates';
import { looksLikeNumber, matchesOf, searchPredicate, searchTerm, type SearchMatch } from './orders-search';
import { UUID } from 'src/common/validation/uuid';

export type { SearchMatch } from './orders-search';

export interface OrderPage {
  rows: { order: OrderEntity; cursor: string; matches: SearchMatch[] }[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  count: () => Promise<number>;
  approximate: () => Promise<{ count: number; exact: boolean }>;
}

/** Above this many rows (the planner's guess) ALL's count is given as an estimate: counting them exactly is the slow part. */
export const EXACT_COUNT_LIMIT = 10_000;

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

  /** One page in the asked (or the view's) order, read by keyset from `after`, plus lazy counts under the same filter. */
  async list(query: OrderQuery, first: number, after: string | null, now = new Date()): Promise<OrderPage> {
    const sort = sortSpec(query.view, query.sort);
    const where = await this.conditions(query, now);
    // Parenthesised: TypeORM would read a bare `o.status` as the entity's own column and drop it from the entity.
    const qb = this.orders.inboxQuery(where).addSelect(`(${sort.expr})`, 'sort_key');
    if (after) {
      const past = afterCursor(sort, after);
      qb.andWhere(past.sql, past.params);
    }
    const { entities: found, raw } = await qb
      .orderBy('sort_key', sort.direction, nullsOrder(sort))
      .addOrderBy('o.id', sort.direction)
      .limit(first + 1)
      .getRawAndEntities<{ sort_key: unknown }>();

    const page = found.slice(0, first);
    const matches = await this.matchesFor(query, page);
    const count = () => this.orders.countRows(this.orders.inboxQuery(where));
    return {
      rows: page.map((order, i) => ({
        order,
        cursor: encodeSortCursor(sort, raw[i].sort_key, order.id),
        matches: matches.get(order.id) ?? [],
      })),
      hasNextPage: found.length > first,
      hasPreviousPage: after !== null,
      count,
      approximate: () => this.approximateCount(query.view, this.orders.inboxQuery(where)),
    };
  }

  /**
   * How many orders each view holds under the filter (its own view ignored): one small count per view, each over
   * its partial index; ALL is the planner's estimate when it is large (exact: false).
   */
  async viewCounts(
    query: Omit<OrderQuery, 'view'>,
    now = new Date(),
  ): Promise<{ view: OrderView; count: number; exact: boolean }[]> {
    const dayEnds = await this.dayEnds(now);
    const shared = await this.sharedConditions({ ...query, view: OrderView.ALL });
    return Promise.all(
      ORDER_VIEWS.map(async (view) => {
        const qb = this.orders.inboxQuery([viewPredicate(view, now, dayEnds), ...shared]);
        return { view, ...(await this.approximateCount(view, qb)) };
      }),
    );
  }

  /** The channel's order whose order number or customer order number is `number`. */
  async getByNumber(channel: Channel, number: string): Promise<OrderEntity | null> {
    return (await this.orders.findByNumbers([number])).find((o) => o.channel === channel) ?? null;
  }

  /** How many orders match, exactly (the same count the list's totalCount gives). */
  async count(query: OrderQuery, now = new Date()): Promise<number> {
    return this.orders.countRows(this.orders.inboxQuery(await this.conditions(query, now)));
  }

  /** How many orders match, as the list's approximateCount gives it (a saved view's count in the sidebar). */
  async approximate(query: OrderQuery, now = new Date()): Promise<{ count: number; exact: boolean }> {
    return this.approximateCount(query.view, this.orders.inboxQuery(await this.conditions(query, now)));
  }

  /**
   * The order ids a bulk action or print run covers: the ids as given, or every order matching the filter when as
   * many match as the person saw (`expectedCount`); CONFLICT when the list changed, BAD_USER_INPUT past the limit.
   */
  async resolveTarget(target: z.output<typeof bulkTargetSchema>, now = new Date()): Promise<string[]> {
    if (target.orderIds) return [...new Set(target.orderIds)];
    const query = toOrderQuery(target.filter);
    const count = await this.count(query, now);
    if (count !== target.expectedCount) {
      throw new ConflictError(
        `${count} orders match now, not the ${target.expectedCount} shown; nothing was done. Look at the list again and retry.`,
      );
    }
    if (count > BULK_MAX_ORDERS) {
      throw new BadUserInputError('target', `covers ${count} orders; at most ${BULK_MAX_ORDERS} at a time.`);
    }
    return this.idsMatching(query, BULK_MAX_ORDERS, now);
  }

  /** Ids of up to `limit` orders matching, in the view's order. */
  async idsMatching(query: OrderQuery, limit: number, now = new Date()): Promise<string[]> {
    const page = await this.list(query, Math.min(limit, 10_000), null, now);
    return page.rows.map((r) => r.order.id);
  }

  /** Exact, except ALL when the planner expects more than EXACT_COUNT_LIMIT rows (then its estimate, exact: false). */
  private async approximateCount(
    view: OrderView,
    qb: SelectQueryBuilder<OrderEntity>,
  ): Promise<{ count: number; exact: boolean }> {
    if (view === OrderView.ALL) {
      const estimate = await this.orders.estimateRows(qb);
      if (estimate > EXACT_COUNT_LIMIT) return { count: estimate, exact: false };
    }
    return { count: await this.orders.countRows(qb), exact: true };
  }

  private async conditions(query: OrderQuery, now: Date): Promise<Predicate[]> {
    const dayEnds = await this.dayEndsFor(query.view, now);
    return [viewPredicate(query.view, now, dayEnds), ...(await this.sharedConditions(query))];
  }

  /** The filter's and the search's conditions. A number-like search that names orders whole uses just those. */
  private async sharedConditions(query: OrderQuery): Promise<Predicate[]> {
    const where = filterPredicates(query);
    if (!query.search) return where;
    const term = searchTerm(query.search);
    const exact = looksLikeNumber(term) ? await this.orders.exactNumberIds(term) : [];
    where.push(exact.length ? { sql: 'o.id IN (:...searchIds)', params: { searchIds: exact } } : searchPredicate(term));
    return where;
  }

  /** What the search matched in each of the page's orders (a few small reads over the page only). */
  private async matchesFor(query: OrderQuery, page: OrderEntity[]): Promise<Map<string, SearchMatch[]>> {
    const found = new Map<string, SearchMatch[]>();
    if (!query.search || page.length === 0) return found;
    const term = searchTerm(query.search);
    const ids = page.map((o) => o.id);
    const [skus, tracking] = await Promise.all([this.orders.skusByOrder(ids), this.orders.trackingMatches(ids, term)]);
    for (const o of page) found.set(o.id, matchesOf(term, o, skus.get(o.id) ?? [], tracking.get(o.id) ?? []));
    return found;
  }

  private dayEndsFor(view: OrderView, now: Date): Promise<AccountDayEnd[]> {
    return view === OrderView.DUE_TODAY || view === OrderView.NEW ? this.dayEnds(now) : Promise.resolve([]);
  }

  /** When each account's day ends (PostgreSQL does the time-zone arithmetic, DST included, in one small query). */
  private dayEnds(now: Date): Promise<AccountDayEnd[]> {
    return this.accounts.dayEnds(now);
  }
}
