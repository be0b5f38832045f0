/** Conditions on an order that order queries put in their SQL; `o` is the alias of the order table in the caller's query. */

/** A channel refused a call of the order and has not taken it since. */
export const orderHasRefusalSql = (o = 'o') =>
  `EXISTS (SELECT 1 FROM outbox x WHERE x.order_id = ${o}.id AND x.refused_at IS NOT NULL)`;

/** When a channel last refused a call of the order that it has not taken since (null when none stands). */
export const latestRefusalSql = (o = 'o') =>
  `(SELECT max(x.refused_at) FROM outbox x WHERE x.order_id = ${o}.id AND x.refused_at IS NOT NULL)`;
