import type { AlertSeverity } from '@order-hub/types';
import type { NotificationRuleEntity } from './notification-rule.entity';

const SEVERITY_RANK: Record<AlertSeverity, number> = { LOW: 0, MEDIUM: 1, HIGH: 2, CRITICAL: 3 };

/** What a rule looks at in an alert: its kind, severity, account and that account's channel. */
export interface MatchedAlert {
  kind: string;
  severity: AlertSeverity;
  accountId: string | null;
  channel: string | null;
}

export function ruleMatches(
  rule: Pick<NotificationRuleEntity, 'kinds' | 'minSeverity' | 'accountId' | 'channel'>,
  alert: MatchedAlert,
): boolean {
  if (rule.kinds.length > 0 && !rule.kinds.includes(alert.kind)) return false;
  if (SEVERITY_RANK[alert.severity] < SEVERITY_RANK[rule.minSeverity]) return false;
  if (rule.accountId && alert.accountId !== rule.accountId) return false;
  if (rule.channel && alert.channel !== rule.channel) return false;
  return true;
}

/**
 * A rule's targets: `email:<address>` for each address and each person's (once each, any case), and `webhook`.
 * A daily digest is e-mail only.
 */
export function ruleTargets(
  rule: Pick<NotificationRuleEntity, 'emails' | 'userIds' | 'webhookUrl'>,
  people: ReadonlyMap<string, string>,
  withWebhook = true,
): string[] {
  const addresses = new Map<string, string>();
  for (const email of [...rule.emails, ...rule.userIds.map((id) => people.get(id) ?? null)]) {
    if (email && !addresses.has(email.toLowerCase())) addresses.set(email.toLowerCase(), email);
  }
  const targets = [...addresses.values()].map((a) => `email:${a}`);
  if (withWebhook && rule.webhookUrl) targets.push('webhook');
  return targets;
}
