/** Conditions on an order that order queries put in their SQL; `o` is the alias of the order table in the caller's query. */

/** A channel refused a call of the order and has not taken it since. */
export const orderHasRefusalSql = (o = 'o') =>
  `EXISTS (SELECT 1 FROM outbox x WHERE x.order_id = ${o}.id AND x.refused_at IS NOT NULL)`;

/** When a channel last refused a call of the order that it has not taken since (null when none stands). */
export const latestRefusalSql = (o = 'o') =>
  `(SELECT max(x.refused_at) FROM outbox x WHERE x.order_id = ${o}.id AND x.refused_at IS NOT NULL)`;

/**
 * The operations of the order's calls still on their way to the channel (PENDING or SENDING: neither delivered nor
 * refused), as a text array (empty when none): the changes an import must not undo before they settle.
 */
export const pendingOperationsSql = (o = 'o') =>
  `(SELECT coalesce(array_agg(DISTINCT x.operation::text), '{}'::text[]) FROM outbox x WHERE x.order_id = ${o}.id AND x.status IN ('PENDING', 'SENDING'))`;
