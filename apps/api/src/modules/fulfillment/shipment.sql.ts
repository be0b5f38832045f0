/**
 * Conditions on an order that other modules' order queries put in their WHERE; `o` is the alias of the order table
 * in the caller's query.
 */

/** The order has at least one shipment. */
export const orderHasShipmentSql = (o = 'o') => `EXISTS (SELECT 1 FROM shipment s WHERE s.order_id = ${o}.id)`;

/** A shipment of the order has this tracking number (the parameter given upper case, compared upper case). */
export const orderHasTrackingNumberSql = (param: string, o = 'o') =>
  `EXISTS (SELECT 1 FROM shipment s WHERE s.order_id = ${o}.id AND upper(s.tracking_number) = :${param})`;
