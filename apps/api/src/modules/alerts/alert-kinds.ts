/**
 * Every alert kind, each with what it means in words (e-mail subjects, the console's choices). A module can raise
 * only a kind listed here (RaisedAlert.kind), so a notification rule can pick out any of them.
 */
export const NOTIFIABLE_ALERT_KINDS = {
  ACKNOWLEDGE_DUE_SOON: 'Order to acknowledge soon',
  ACKNOWLEDGE_OVERDUE: 'Order not acknowledged in time',
  SHIP_BY_TODAY: 'Order to ship today',
  PAST_SHIP_BY: 'Order past its ship-by date',
  AUTO_CANCEL_RISK: 'Order at risk of being cancelled by the channel',
  OUTBOX_FAILED: 'A change the channel did not take',
  CHANNEL_WARNING_DUE: 'Channel warning to answer soon',
  CHANNEL_WARNING_OVERDUE: 'Channel warning not answered in time',
  REFUND_DUE_SOON: 'Return to refund soon',
  REFUND_OVERDUE: 'Return not refunded in time',
  RETURN_REFUNDED_BY_CHANNEL: 'Return refunded by the channel',
  COMPLIANCE_METRIC: 'Seller metric at risk',
  LATE_ORIGIN_SCAN: 'Package scanned late by the carrier',
  ADDRESS_MISMATCH: 'Package delivered elsewhere than the order says',
  TRACKING_REUSED: 'Tracking number used twice',
  UNTRACKABLE_TRACKING: 'Tracking number the carrier does not know',
  MCF_TRACKING_HELD: 'Amazon fulfilment tracking held',
  MCF_NOT_FULFILLED: 'Amazon fulfilment order not shipped',
  SUPPLIER_TRACKING_DUE_SOON: 'Supplier tracking due soon',
  SUPPLIER_TRACKING_MISSED: 'Supplier tracking missed',
  BUYER_MESSAGE_DUE_SOON: 'Buyer message to answer soon',
  BUYER_MESSAGE_OVERDUE: 'Buyer message not answered in time',
  MAILBOX_UNREACHABLE: 'Mailbox the hub cannot read',
  ORDER_QUARANTINED: 'Order the hub could not import',
  LABEL_NOT_RECORDED: 'Label bought, shipment not recorded',
  LABEL_VOID_UNSETTLED: 'Label void not finished',
} as const satisfies Record<string, string>;

export type AlertKind = keyof typeof NOTIFIABLE_ALERT_KINDS;

export function alertKindLabel(kind: string): string {
  return (NOTIFIABLE_ALERT_KINDS as Record<string, string>)[kind] ?? kind.toLowerCase().replace(/_/g, ' ');
}
