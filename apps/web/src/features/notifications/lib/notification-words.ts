import { formatZonedDateTime } from '@/lib/format';
import { alertKindLabel } from '@/features/alerts/lib/alerts-format';
import type { AlertKindChoice, NotificationDeliveryView, NotificationRuleView, Severity } from './notification-views';

export const SEVERITIES: readonly Severity[] = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

const SEVERITY_WORDS: Record<Severity, string> = {
  LOW: 'Every alert',
  MEDIUM: 'Medium and above',
  HIGH: 'High and critical',
  CRITICAL: 'Critical only',
};

export const severityWords = (severity: Severity): string => SEVERITY_WORDS[severity];

/** "Every alert kind" or the kinds in the api's words (the code itself only for a kind it no longer lists). */
export function kindsWords(kinds: readonly string[], choices: readonly AlertKindChoice[]): string {
  if (kinds.length === 0) return 'Every alert kind';
  const labels = new Map(choices.map((choice) => [choice.kind, choice.label]));
  return kinds.map((kind) => labels.get(kind) ?? alertKindLabel(kind)).join(', ');
}

/** "Daily digest at 08:00 America/New_York" or "Each alert as it opens". */
export function scheduleWords(rule: Pick<NotificationRuleView, 'mode' | 'digestHour' | 'timeZone'>): string {
  if (rule.mode === 'DAILY_DIGEST')
    return `Daily digest at ${String(rule.digestHour).padStart(2, '0')}:00 ${rule.timeZone}`;
  return 'Each alert as it opens';
}

/** "Quiet 22:00–07:00 America/New_York (critical alerts still go out)" or null. */
export function quietWords(rule: Pick<NotificationRuleView, 'quietFrom' | 'quietTo' | 'timeZone'>): string | null {
  if (!rule.quietFrom || !rule.quietTo) return null;
  return `Quiet ${rule.quietFrom}–${rule.quietTo} ${rule.timeZone} (critical alerts still go out)`;
}

/** "E-mail to ana@example.com" or "Webhook https://…". */
export function targetWords(delivery: Pick<NotificationDeliveryView, 'targetKind' | 'target'>): string {
  return delivery.targetKind === 'EMAIL' ? `E-mail to ${delivery.target}` : `Webhook ${delivery.target}`;
}

/** What was sent: an alert, a rule's test, or the digest of a day. */
export function deliveryKindWords(delivery: Pick<NotificationDeliveryView, 'kind' | 'digestDate'>): string {
  if (delivery.kind === 'DIGEST') return delivery.digestDate ? `Digest of ${delivery.digestDate}` : 'Digest';
  if (delivery.kind === 'TEST') return 'Test';
  return 'Alert';
}

/** What became of a delivery, in words, with the next try or the end of the quiet hours in the rule's zone. */
export function deliveryStatusWords(delivery: NotificationDeliveryView, timeZone?: string): string {
  const tries = delivery.attempts === 1 ? '1 try' : `${delivery.attempts} tries`;
  switch (delivery.status) {
    case 'PENDING':
      return 'Waiting to be sent';
    case 'SENT':
      return delivery.sentAt ? `Sent ${formatZonedDateTime(delivery.sentAt, timeZone)}` : 'Sent';
    case 'RETRYING':
      return delivery.nextAttemptAt
        ? `Not delivered after ${tries}; trying again ${formatZonedDateTime(delivery.nextAttemptAt, timeZone)}`
        : `Not delivered after ${tries}; trying again`;
    case 'FAILED':
      return `Gave up after ${tries}`;
    case 'DEFERRED':
      return delivery.nextAttemptAt
        ? `Held for quiet hours until ${formatZonedDateTime(delivery.nextAttemptAt, timeZone)}`
        : 'Held for quiet hours';
  }
}

export function deliveryTone(status: NotificationDeliveryView['status']): 'ok' | 'warn' | 'bad' | 'muted' {
  if (status === 'SENT') return 'ok';
  if (status === 'FAILED') return 'bad';
  if (status === 'RETRYING') return 'warn';
  return 'muted';
}
