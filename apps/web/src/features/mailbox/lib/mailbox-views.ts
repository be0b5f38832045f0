/** A connected mailbox as Settings → Mailbox shows it (the api's Mailbox). */
export interface MailboxView {
  id: string;
  name: string;
  host: string;
  port: number;
  secure: boolean;
  user: string;
  folders: { inbox: string; junk?: string | null; sent?: string | null };
  enabled: boolean;
  /** Channel accounts whose mail arrives here (empty: any). */
  accountIds: readonly string[];
  sync: MailSyncView;
}

export interface MailSyncView {
  lastRunAt?: string | null;
  lastSuccessAt?: string | null;
  lastError?: string | null;
  nextRunAt?: string | null;
  messagesRead: number;
  /** A read is running now. */
  running?: boolean;
}
