import type { InboxColumn } from '@order-hub/types';

/** Each inbox column's header, in words; the column chooser and the grid both read it. */
export const INBOX_COLUMN_LABELS: Record<InboxColumn, string> = {
  ORDER_NUMBER: 'Order',
  CHANNEL: 'Channel',
  CUSTOMER: 'Customer',
  STATUS: 'Status',
  ORDERED_AT: 'Ordered',
  SHIP_BY: 'Ship by',
  TOTAL: 'Total',
  SKU: 'SKU',
  QUANTITY: 'Quantity',
  SHIP_METHOD: 'Ship method',
  EXPEDITED: 'Prime / expedited',
  TRACKING: 'Tracking',
  SHIP_TO_STATE: 'Ship-to state',
  AGE: 'Age',
  FULFILLMENT: 'Fulfilment',
  LABEL_COST: 'Label cost',
};

export function inboxColumnLabel(column: InboxColumn): string {
  return INBOX_COLUMN_LABELS[column];
}
