import { orderHasRefusalSql } from 'src/modules/outbox/outbox.sql';
import type { OrderQuery } from './orders.args';
import { SHIPPED_NO_SCAN, type Predicate } from './order-view.predicates';

/** The filter's conditions besides the view and the search, each over the order aliased `o`. */
export function filterPredicates(query: OrderQuery): Predicate[] {
  const where: Predicate[] = [];
  const upper = (values: readonly string[]) => values.map((v) => v.trim().toUpperCase());
  if (query.channel) where.push({ sql: 'o.channel = :channel', params: { channel: query.channel } });
  if (query.accountId) where.push({ sql: 'o.account_id = :accountId', params: { accountId: query.accountId } });
  if (query.statuses?.length) where.push({ sql: 'o.status IN (:...statuses)', params: { statuses: query.statuses } });
  if (query.fulfillment?.length)
    where.push({ sql: 'o.fulfillment_method IN (:...fulfillment)', params: { fulfillment: query.fulfillment } });
  if (query.skus?.length)
    where.push({
      sql: 'o.id = ANY(ARRAY(SELECT l.order_id FROM order_line l WHERE upper(l.sku) IN (:...skus)))',
      params: { skus: upper(query.skus) },
    });
  if (query.shipMethods?.length)
    where.push({ sql: 'upper(o.ship_method) IN (:...shipMethods)', params: { shipMethods: upper(query.shipMethods) } });
  if (query.shipToStates?.length)
    where.push({
      sql: `upper(o.ship_to->>'stateOrRegion') IN (:...shipToStates)`,
      params: { shipToStates: upper(query.shipToStates) },
    });
  if (query.buyerRequestedCancel != null)
    where.push({
      sql: 'o.cancellation_requested = :buyerRequestedCancel',
      params: { buyerRequestedCancel: query.buyerRequestedCancel },
    });
  if (query.channelRefused != null)
    where.push({ sql: query.channelRefused ? orderHasRefusalSql() : `NOT ${orderHasRefusalSql()}`, params: {} });
  if (query.shippedNoScan != null)
    where.push({ sql: query.shippedNoScan ? SHIPPED_NO_SCAN : `NOT (${SHIPPED_NO_SCAN})`, params: {} });
  return where;
}
