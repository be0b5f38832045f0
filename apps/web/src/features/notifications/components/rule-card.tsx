import type { ReactNode } from 'react';
import { channelLabel } from '@order-hub/rules/channels';
import type { AlertKindChoice, NotificationRuleView } from '../lib/notification-views';
import { kindsWords, quietWords, scheduleWords, severityWords } from '../lib/notification-words';

interface RuleCardProps {
  rule: NotificationRuleView;
  kinds: readonly AlertKindChoice[];
  /** Edit, Send test, Remove: what the caller's role may do. */
  children?: ReactNode;
}

/** One rule in words: which alerts, to whom, when. */
export function RuleCard({ rule, kinds, children }: RuleCardProps) {
  const recipients = [
    ...rule.people.map((person) => person.name || person.email),
    ...rule.emails,
    ...(rule.webhookUrl ? [`webhook ${rule.webhookUrl}`] : []),
  ];
  const scope = [
    rule.channel ? channelLabel(rule.channel) : 'Every channel',
    rule.accountId ? (rule.accountName ?? 'a removed account') : 'every account',
  ].join(', ');
  const quiet = quietWords(rule);
  return (
    <article className="settings-card" data-testid="rule" data-rule-id={rule.id} aria-labelledby={`rule-${rule.id}`}>
      <h3 id={`rule-${rule.id}`}>
        {rule.name} {!rule.enabled && <span className="badge badge-disabled">Off</span>}
      </h3>
      <dl className="settings-facts">
        <dt>Alerts</dt>
        <dd data-testid="rule-alerts">
          {kindsWords(rule.kinds, kinds)}; {severityWords(rule.minSeverity).toLowerCase()}
        </dd>
        <dt>From</dt>
        <dd>{scope}</dd>
        <dt>To</dt>
        <dd data-testid="rule-recipients">{recipients.join(', ')}</dd>
        <dt>When</dt>
        <dd data-testid="rule-schedule">{[scheduleWords(rule), quiet].filter(Boolean).join('. ')}</dd>
      </dl>
      {children && <div className="message-actions">{children}</div>}
    </article>
  );
}
