/** SQL over the shipment table that order queries use (the fulfillment module owns the table). */

/**
 * The shipments (order_id, tracking_number) whose tracking number is the parameter (given upper case, compared upper
 * case): a subquery that searches can use through the upper(tracking_number) index.
 */
export const shipmentsWithTrackingNumberSql = (param: string) =>
  `SELECT s.order_id, s.tracking_number FROM shipment s WHERE upper(s.tracking_number) = :${param}`;
