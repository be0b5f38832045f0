import type { BuyerMessageState, Channel, MailFolderRole, MailKind, MailOutcome } from '@order-hub/types';

/** A buyer message or a performance e-mail as the pages show it (the api's BuyerMessage). */
export interface BuyerMessageView {
  id: string;
  channel: Channel;
  account?: { id: string; name: string; timeZone: string } | null;
  order?: { id: string; channelOrderId: string } | null;
  kind: 'BUYER_MESSAGE' | 'PERFORMANCE_ALERT';
  from: string;
  subject: string;
  receivedAt: string;
  respondBy: string;
  state: BuyerMessageState;
  /** Hours left when the request was served (negative once passed); null when answered. */
  hoursLeft?: number | null;
  answeredAt?: string | null;
  answeredBy?: string | null;
  answerNote?: string | null;
  /** Why it names no order (or no account), in words; null when linked. */
  unlinkedReason?: string | null;
  orderNumbers?: readonly string[];
  /** The channel warning a performance e-mail became. */
  channelWarningId?: string | null;
  replyUrl: string;
  mailMessageId?: string | null;
  excerpt?: string | null;
}

/** A message the hub read from the mailbox, kept as evidence (the api's MailMessage). */
export interface MailMessageView {
  id: string;
  mailboxId: string;
  folder: string;
  folderRole: MailFolderRole;
  from: string;
  fromName?: string | null;
  subject: string;
  receivedAt: string;
  kind: MailKind;
  outcome: MailOutcome;
  summary: string;
  trackingNumbers: readonly string[];
  orderNumbers: readonly string[];
  reasons: readonly string[];
  orders: readonly { id: string; channel: Channel; channelOrderId: string }[];
}
