/** Columns the inbox grid can show; a person picks theirs and saved views keep their own. */
export const InboxColumn = {
  ORDER_NUMBER: 'ORDER_NUMBER',
  CHANNEL: 'CHANNEL',
  CUSTOMER: 'CUSTOMER',
  STATUS: 'STATUS',
  ORDERED_AT: 'ORDERED_AT',
  SHIP_BY: 'SHIP_BY',
  TOTAL: 'TOTAL',
  SKU: 'SKU',
  QUANTITY: 'QUANTITY',
  SHIP_METHOD: 'SHIP_METHOD',
  EXPEDITED: 'EXPEDITED',
  TRACKING: 'TRACKING',
  SHIP_TO_STATE: 'SHIP_TO_STATE',
  AGE: 'AGE',
  FULFILLMENT: 'FULFILLMENT',
  /** What the order's bought labels cost (PURCHASED labels, integer cents). */
  LABEL_COST: 'LABEL_COST',
} as const;
export type InboxColumn = (typeof InboxColumn)[keyof typeof InboxColumn];
export const INBOX_COLUMNS: readonly InboxColumn[] = Object.values(InboxColumn);

/** What the grid shows before a person chooses. */
export const DEFAULT_INBOX_COLUMNS: readonly InboxColumn[] = [
  InboxColumn.ORDER_NUMBER,
  InboxColumn.CHANNEL,
  InboxColumn.CUSTOMER,
  InboxColumn.STATUS,
  InboxColumn.SHIP_BY,
  InboxColumn.TOTAL,
];

/** What the inbox can sort by; every field is a column of the order row, so keyset paging stays an index scan. */
export const OrderSortField = {
  ORDERED_AT: 'ORDERED_AT',
  SHIP_BY: 'SHIP_BY',
  ORDER_NUMBER: 'ORDER_NUMBER',
  CUSTOMER: 'CUSTOMER',
  TOTAL: 'TOTAL',
  STATUS: 'STATUS',
  SHIP_TO_STATE: 'SHIP_TO_STATE',
} as const;
export type OrderSortField = (typeof OrderSortField)[keyof typeof OrderSortField];

export const SortDirection = { ASC: 'ASC', DESC: 'DESC' } as const;
export type SortDirection = (typeof SortDirection)[keyof typeof SortDirection];

/** Which part of an order a search matched, so the result can say why it is listed. */
export const SearchMatchField = {
  ORDER_NUMBER: 'ORDER_NUMBER',
  CUSTOMER_ORDER_NUMBER: 'CUSTOMER_ORDER_NUMBER',
  CUSTOMER_NAME: 'CUSTOMER_NAME',
  SKU: 'SKU',
  TRACKING_NUMBER: 'TRACKING_NUMBER',
} as const;
export type SearchMatchField = (typeof SearchMatchField)[keyof typeof SearchMatchField];

/** At most this many orders in one bulk action or print run ("all N matching" included). */
export const BULK_MAX_ORDERS = 500;
