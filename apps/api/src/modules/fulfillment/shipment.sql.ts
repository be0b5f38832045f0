/** Conditions on an order that order queries put in their WHERE; `o` is the alias of the order table in the query. */

/** A shipment of the order has this tracking number (the parameter given upper case, compared upper case). */
export const orderHasTrackingNumberSql = (param: string, o = 'o') =>
  `EXISTS (SELECT 1 FROM shipment s WHERE s.order_id = ${o}.id AND upper(s.tracking_number) = :${param})`;
