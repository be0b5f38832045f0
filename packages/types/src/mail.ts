/** What a folder of the seller's mailbox is for, from its IMAP special-use flag (or its name where the server sets none). */
export const MailFolderRole = { INBOX: 'INBOX', JUNK: 'JUNK', SENT: 'SENT', OTHER: 'OTHER' } as const;
export type MailFolderRole = (typeof MailFolderRole)[keyof typeof MailFolderRole];

/** What a message read from the mailbox turned out to be. */
export const MailKind = {
  SUPPLIER_TRACKING: 'SUPPLIER_TRACKING',
  BUYER_MESSAGE: 'BUYER_MESSAGE',
  PERFORMANCE_ALERT: 'PERFORMANCE_ALERT',
  SELLER_REPLY: 'SELLER_REPLY',
  OTHER: 'OTHER',
} as const;
export type MailKind = (typeof MailKind)[keyof typeof MailKind];

/** What the hub did with a message: applied it, held it for a person, recorded it, ignored it, or failed (retried). */
export const MailOutcome = {
  APPLIED: 'APPLIED',
  HELD: 'HELD',
  RECORDED: 'RECORDED',
  IGNORED: 'IGNORED',
  FAILED: 'FAILED',
} as const;
export type MailOutcome = (typeof MailOutcome)[keyof typeof MailOutcome];

/** How a supplier's tracking number reached the hub. */
export const IntakeVia = { MAIL: 'MAIL', LINK: 'LINK', CSV: 'CSV', CONSOLE: 'CONSOLE' } as const;
export type IntakeVia = (typeof IntakeVia)[keyof typeof IntakeVia];

/** A supplier's tracking number: applied to the order, held for review, refused by the rules, or dismissed by a person. */
export const IntakeStatus = { APPLIED: 'APPLIED', HELD: 'HELD', REFUSED: 'REFUSED', DISMISSED: 'DISMISSED' } as const;
export type IntakeStatus = (typeof IntakeStatus)[keyof typeof IntakeStatus];

export const PurchaseOrderStatus = {
  SENT: 'SENT',
  TRACKING_RECEIVED: 'TRACKING_RECEIVED',
  CANCELLED: 'CANCELLED',
} as const;
export type PurchaseOrderStatus = (typeof PurchaseOrderStatus)[keyof typeof PurchaseOrderStatus];

/** How a purchase order reaches the supplier: an e-mail with the order attached, or a link the seller passes on. */
export const PurchaseOrderMethod = { EMAIL: 'EMAIL', LINK: 'LINK' } as const;
export type PurchaseOrderMethod = (typeof PurchaseOrderMethod)[keyof typeof PurchaseOrderMethod];

export const PurchaseOrderFormat = { CSV: 'CSV', PDF: 'PDF' } as const;
export type PurchaseOrderFormat = (typeof PurchaseOrderFormat)[keyof typeof PurchaseOrderFormat];

/** Where a supplier's tracking stands against its deadline (ship-by less the supplier's tracking deadline). */
export const SupplierTrackingState = {
  WAITING: 'WAITING',
  DUE_SOON: 'DUE_SOON',
  MISSED: 'MISSED',
  ON_TIME: 'ON_TIME',
  LATE: 'LATE',
} as const;
export type SupplierTrackingState = (typeof SupplierTrackingState)[keyof typeof SupplierTrackingState];

/** Where a buyer message or a channel's performance e-mail stands against its response clock. */
export const BuyerMessageState = {
  OPEN: 'OPEN',
  DUE_SOON: 'DUE_SOON',
  OVERDUE: 'OVERDUE',
  ANSWERED: 'ANSWERED',
} as const;
export type BuyerMessageState = (typeof BuyerMessageState)[keyof typeof BuyerMessageState];

export const NotificationTargetKind = { EMAIL: 'EMAIL', WEBHOOK: 'WEBHOOK' } as const;
export type NotificationTargetKind = (typeof NotificationTargetKind)[keyof typeof NotificationTargetKind];

export const NotificationMode = { IMMEDIATE: 'IMMEDIATE', DAILY_DIGEST: 'DAILY_DIGEST' } as const;
export type NotificationMode = (typeof NotificationMode)[keyof typeof NotificationMode];

export const NotificationDeliveryStatus = {
  PENDING: 'PENDING',
  SENT: 'SENT',
  RETRYING: 'RETRYING',
  FAILED: 'FAILED',
  DEFERRED: 'DEFERRED',
} as const;
export type NotificationDeliveryStatus = (typeof NotificationDeliveryStatus)[keyof typeof NotificationDeliveryStatus];
