import { useState } from 'react';
import type { NotificationDeliveryStatus } from '@order-hub/types';
import { ConfirmAction } from '@/components/confirm-action';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { currentCursor, popCursor, pushCursor, type CursorStack } from '@/lib/cursor-stack';
import { usePageTitle } from '@/lib/use-page-title';
import { useMe } from '@/features/auth/api/auth.hooks';
import type { NotificationRuleRow } from '../api/notifications.graphql';
import {
  useCreateNotificationRule,
  useNotificationDeliveries,
  useNotificationPeople,
  useNotificationSettings,
  useRemoveNotificationRule,
  useTestNotificationRule,
  useUpdateNotificationRule,
} from '../api/notifications.hooks';
import { DeliveriesLog } from '../components/deliveries-log';
import { RuleCard } from '../components/rule-card';
import { RuleForm } from '../components/rule-form';
import { WebhookSecretNotice } from '../components/webhook-secret-notice';
import { deliveryStatusWords, targetWords } from '../lib/notification-words';
import { newRuleValues, ruleValues, toRuleInput } from '../lib/rule-form-values';

const STATUSES: readonly { status: NotificationDeliveryStatus | ''; label: string }[] = [
  { status: '', label: 'Every delivery' },
  { status: 'FAILED', label: 'Gave up' },
  { status: 'RETRYING', label: 'Trying again' },
  { status: 'DEFERRED', label: 'Held for quiet hours' },
  { status: 'PENDING', label: 'Waiting to be sent' },
  { status: 'SENT', label: 'Sent' },
];

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** `/settings/notifications`: who hears of which alerts, by e-mail or signed webhook, and what was sent. */
export function NotificationsSettingsPage() {
  usePageTitle('Notifications');
  const role = useMe().data?.me.role;
  const isAdmin = role === 'ADMIN';
  const mayTest = isAdmin || role === 'OPERATOR';
  const settings = useNotificationSettings();
  const people = useNotificationPeople(isAdmin);
  const create = useCreateNotificationRule();
  const update = useUpdateNotificationRule();
  const remove = useRemoveNotificationRule();
  const test = useTestNotificationRule();
  const [editing, setEditing] = useState<NotificationRuleRow | 'new' | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [tested, setTested] = useState<string | null>(null);

  if (settings.isPending) return <Loading label="Loading the notification rules…" />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  const { notificationRules: rules, notificationAlertKinds: kinds, channelAccounts: accounts } = settings.data;
  const zone = accounts[0]?.timeZone ?? browserZone();
  const saving = editing === 'new' ? create : update;
  const close = () => {
    create.reset();
    update.reset();
    setEditing(null);
  };

  return (
    <section className="page notifications-page" data-testid="notifications-page">
      <div className="page-head">
        <h1>Notifications</h1>
        {isAdmin && editing === null && (
          <button type="button" className="primary" onClick={() => setEditing('new')} data-testid="rule-add">
            Add rule
          </button>
        )}
      </div>
      <p className="muted">
        Alerts show in the console; a rule also sends them to people by e-mail, or to a chat tool or script by a signed
        webhook, as they open or as one e-mail a day. Each message links to the console page.
      </p>
      {secret && <WebhookSecretNotice secret={secret} onDismiss={() => setSecret(null)} />}
      {editing !== null && (
        <section className="panel" aria-label={editing === 'new' ? 'New rule' : `Edit ${editing.name}`}>
          <h2>{editing === 'new' ? 'New rule' : `Edit ${editing.name}`}</h2>
          <RuleForm
            key={editing === 'new' ? 'new' : editing.id}
            mode={editing === 'new' ? 'create' : 'edit'}
            initial={editing === 'new' ? newRuleValues(zone) : ruleValues(editing)}
            accounts={accounts}
            kinds={kinds}
            people={people.data ?? []}
            pending={saving.isPending}
            error={saving.error}
            onCancel={close}
            onSubmit={(values) => {
              const input = toRuleInput(values);
              const done = (result: { webhookSecret?: string | null }) => {
                if (result.webhookSecret) setSecret(result.webhookSecret);
                close();
              };
              if (editing === 'new') create.mutate(input, { onSuccess: (data) => done(data.createNotificationRule) });
              else update.mutate({ id: editing.id, input }, { onSuccess: (data) => done(data.updateNotificationRule) });
            }}
          />
        </section>
      )}
      <h2>Rules</h2>
      {rules.length === 0 ? (
        <p className="empty" data-testid="rules-empty">
          No rule yet: alerts show only in the console.
        </p>
      ) : (
        rules.map((rule) => (
          <RuleCard key={rule.id} rule={rule} kinds={kinds}>
            {isAdmin && (
              <button type="button" onClick={() => setEditing(rule)} data-testid="rule-edit">
                Edit
              </button>
            )}
            {mayTest && (
              <button
                type="button"
                disabled={test.isPending}
                onClick={() => {
                  setTested(rule.id);
                  test.mutate(rule.id);
                }}
                data-testid="rule-test"
              >
                {test.isPending && tested === rule.id ? 'Sending…' : 'Send test'}
              </button>
            )}
            {isAdmin && (
              <ConfirmAction
                label="Remove"
                question={`Remove the rule “${rule.name}” and its delivery log? Its people stop hearing of alerts.`}
                confirmLabel="Remove rule"
                pending={remove.isPending}
                error={remove.error}
                onCancel={() => remove.reset()}
                onConfirm={(done) => remove.mutate(rule.id, { onSuccess: done })}
                testId="rule-remove"
              />
            )}
            {tested === rule.id && test.isError && <ErrorState title="Test not sent" error={test.error} />}
            {tested === rule.id && test.data && (
              <ul className="mail-findings" role="status" data-testid="rule-test-result">
                {test.data.testNotificationRule.map((delivery) => (
                  <li key={delivery.id}>
                    {targetWords(delivery)}: {deliveryStatusWords(delivery, rule.timeZone)}
                    {delivery.lastError ? ` — ${delivery.lastError}` : ''}
                  </li>
                ))}
              </ul>
            )}
          </RuleCard>
        ))
      )}
      <Deliveries rules={rules} />
    </section>
  );
}

function Deliveries({ rules }: { rules: readonly NotificationRuleRow[] }) {
  const [status, setStatus] = useState<NotificationDeliveryStatus | ''>('');
  const [cursors, setCursors] = useState<CursorStack>([]);
  const deliveries = useNotificationDeliveries({ status: status || null }, currentCursor(cursors));
  const connection = deliveries.data?.notificationDeliveries;
  const byId = new Map(rules.map((rule) => [rule.id, { name: rule.name, timeZone: rule.timeZone }]));
  return (
    <section aria-labelledby="deliveries-title" data-testid="deliveries-section">
      <div className="page-head">
        <h2 id="deliveries-title">What was sent</h2>
        <label>
          <select
            aria-label="Which deliveries"
            value={status}
            onChange={(event) => {
              setCursors([]);
              setStatus(event.target.value as NotificationDeliveryStatus | '');
            }}
            data-testid="deliveries-status"
          >
            {STATUSES.map((entry) => (
              <option key={entry.status} value={entry.status}>
                {entry.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {deliveries.isPending ? (
        <Loading label="Loading the deliveries…" />
      ) : deliveries.isError ? (
        <ErrorState error={deliveries.error} onRetry={() => void deliveries.refetch()} />
      ) : connection!.edges.length === 0 ? (
        <p className="empty" data-testid="deliveries-empty">
          Nothing sent yet.
        </p>
      ) : (
        <>
          <DeliveriesLog deliveries={connection!.edges.map((edge) => edge.node)} rules={byId} />
          <div className="pager">
            <button type="button" disabled={cursors.length === 0} onClick={() => setCursors(popCursor)}>
              ← Newer
            </button>
            <button
              type="button"
              disabled={!connection!.pageInfo.hasNextPage}
              onClick={() => {
                const end = connection!.pageInfo.endCursor;
                if (end) setCursors((stack) => pushCursor(stack, end));
              }}
            >
              Older →
            </button>
          </div>
        </>
      )}
    </section>
  );
}
