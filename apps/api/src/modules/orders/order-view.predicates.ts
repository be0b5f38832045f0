import { OrderView } from '@order-hub/types';
import { latestRefusalSql, orderHasRefusalSql } from 'src/modules/outbox/outbox.sql';

/** SQL fragment with named parameters (TypeORM `:name` syntax) over the `order` table aliased `o`. */
export interface Predicate {
  sql: string;
  params: Record<string, unknown>;
}

/** The end of the current day of each account, in its own time zone. */
export interface AccountDayEnd {
  accountId: string;
  dayEnd: Date;
}

// Must stay textually equal to the partial index predicates in the migrations, so the planner uses them.
const OPEN = `o.status IN ('CREATED', 'ACKNOWLEDGED', 'PARTIALLY_SHIPPED') AND o.fulfillment_method <> 'CHANNEL'`;

/**
 * Orders with a shipment the tracking provider follows and the carrier has not scanned: read-only over
 * shipment_tracker (its order index), whose first_scan_at the tracking module sets with the first SCANNED event.
 */
export const SHIPPED_NO_SCAN = `o.id IN (SELECT t.order_id FROM shipment_tracker t WHERE t.state IN ('PENDING', 'TRACKING') AND t.first_scan_at IS NULL)`;

export function viewPredicate(view: OrderView, now: Date, dayEnds: AccountDayEnd[]): Predicate {
  switch (view) {
    case OrderView.ALL:
      return { sql: 'TRUE', params: {} };
    case OrderView.NEW:
      return notYetDue(dayEnds);
    case OrderView.PAST_DUE:
      return { sql: `(${OPEN} AND o.ship_by < :now)`, params: { now } };
    case OrderView.AT_RISK:
      return {
        sql: `(${OPEN} AND (o.ship_by < :now OR (o.status = 'CREATED' AND o.acknowledge_by < :now)))`,
        params: { now },
      };
    case OrderView.DUE_TODAY:
      return dueToday(now, dayEnds);
    case OrderView.NEEDS_ATTENTION:
      return {
        sql: orderHasRefusalSql(),
        params: {},
      };
    case OrderView.SHIPPED_NO_SCAN:
      return { sql: SHIPPED_NO_SCAN, params: {} };
  }
}

/** When a channel last refused a call of the order that it has not taken since (NEEDS_ATTENTION's sort key). */
export const LATEST_REFUSAL = latestRefusalSql();

/**
 * Ship-by before the end of the account's day: one bound per account, since "today" ends at a different instant in
 * each time zone. The common upper bound lets the planner range-scan the ship-by index before checking the account's own.
 */
function beforeDayEnd(dayEnds: AccountDayEnd[]): Predicate {
  if (dayEnds.length === 0) return { sql: 'FALSE', params: {} };
  const params: Record<string, unknown> = {};
  const perAccount = dayEnds.map((d, i) => {
    params[`dueAccount${i}`] = d.accountId;
    params[`dueEnd${i}`] = d.dayEnd;
    return `(o.account_id = :dueAccount${i} AND o.ship_by < :dueEnd${i})`;
  });
  params.dueLatest = new Date(Math.max(...dayEnds.map((d) => d.dayEnd.getTime())));
  return { sql: `(o.ship_by < :dueLatest AND (${perAccount.join(' OR ')}))`, params };
}

/** Open, ship-by later today (not already past: that is PAST_DUE). */
function dueToday(now: Date, dayEnds: AccountDayEnd[]): Predicate {
  const before = beforeDayEnd(dayEnds);
  return { sql: `(${OPEN} AND o.ship_by >= :dueNow AND ${before.sql})`, params: { ...before.params, dueNow: now } };
}

/** Not yet acknowledged and not due by the end of today (those are in DUE_TODAY or PAST_DUE), or no ship-by at all. */
function notYetDue(dayEnds: AccountDayEnd[]): Predicate {
  const before = beforeDayEnd(dayEnds);
  return {
    sql: `(o.status = 'CREATED' AND o.fulfillment_method <> 'CHANNEL' AND NOT COALESCE(${before.sql}, FALSE))`,
    params: before.params,
  };
}
