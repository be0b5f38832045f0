import type { Channel, NotificationDeliveryStatus, NotificationMode } from '@order-hub/types';

/** An alert kind a rule may pick, with its words (the api's notificationAlertKinds). */
export interface AlertKindChoice {
  kind: string;
  label: string;
}

export type Severity = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

/** A notification rule as Settings → Notifications shows it (the api's NotificationRule). */
export interface NotificationRuleView {
  id: string;
  name: string;
  enabled: boolean;
  kinds: readonly string[];
  minSeverity: Severity;
  channel?: Channel | null;
  accountId?: string | null;
  accountName?: string | null;
  emails: readonly string[];
  userIds: readonly string[];
  /** The people of userIds who still exist. */
  people: readonly { id: string; name: string; email: string }[];
  webhookUrl?: string | null;
  hasWebhookSecret?: boolean;
  mode: NotificationMode;
  digestHour: number;
  quietFrom?: string | null;
  quietTo?: string | null;
  timeZone: string;
}

/** One message to one target: an alert (or a day's digest) by e-mail or webhook, and how it went. */
export interface NotificationDeliveryView {
  id: string;
  ruleId: string;
  ruleName?: string | null;
  kind: 'ALERT' | 'TEST' | 'DIGEST';
  alertId?: string | null;
  digestDate?: string | null;
  targetKind: 'EMAIL' | 'WEBHOOK';
  /** The e-mail address, or the webhook URL. */
  target: string;
  /** The e-mail's subject, or the alert's message. */
  summary: string;
  status: NotificationDeliveryStatus;
  attempts: number;
  nextAttemptAt?: string | null;
  lastError?: string | null;
  responseStatus?: number | null;
  sentAt?: string | null;
  createdAt: string;
}
