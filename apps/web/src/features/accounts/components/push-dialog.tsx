import { useEffect, useRef, useState } from 'react';
import { CopyButton } from '@/components/copy-button';
import { Dialog } from '@/components/dialog';
import { ErrorState } from '@/components/error-state';
import { RelativeTime } from '@/components/relative-time';
import { formatActor } from '@/lib/actor-format';
import { formatZonedDateTime } from '@/lib/format';
import type { PushStatusView } from '../api/push.graphql';
import { useSendPushTest, useSubscribePush, useUnsubscribePush, useWatchedChannelAccounts } from '../api/push.hooks';
import { pollModeText, pushActions, pushHeadline, transportText, type PushAction } from '../lib/push-format';

interface PushDialogProps {
  account: { id: string; name: string; timeZone: string };
  push: PushStatusView;
  now: number;
  /** ADMIN: may turn pushes on and off and send a test event; anyone else reads. */
  canManage: boolean;
  onClose: () => void;
}

const ACTION_LABELS: Record<PushAction, string> = {
  subscribe: 'Turn on pushes',
  test: 'Send test event',
  unsubscribe: 'Turn off pushes',
};

const DONE: Record<PushAction, string> = {
  subscribe: 'Pushes are on.',
  test: 'Test event sent: it shows as the last event once the channel delivers it.',
  unsubscribe: 'Pushes are off; polling brings the orders again.',
};

/** The account's order pushes: their state and counts, and for an ADMIN turning them on or off and a test event. */
export function PushDialog({ account, push, now, canManage, onClose }: PushDialogProps) {
  // The list behind the dialog refreshes fast while it is open: a test event or a new order shows within seconds.
  useWatchedChannelAccounts();
  const subscribe = useSubscribePush();
  const test = useSendPushTest();
  const unsubscribe = useUnsubscribePush();
  const mutations = { subscribe, test, unsubscribe };
  const [last, setLast] = useState<PushAction | null>(null);
  const pending = subscribe.isPending || test.isPending || unsubscribe.isPending;
  const failed = last ? mutations[last].error : null;

  const done = last ? mutations[last].isSuccess : false;
  // The button pressed may be gone once the state changes (Turn on becomes Send test): the focus goes to the outcome,
  // which a screen reader then reads, and stays inside the dialog for Escape and Tab.
  const doneRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const run = (action: PushAction) => {
    if (pending) return;
    for (const mutation of Object.values(mutations)) mutation.reset();
    setLast(action);
    mutations[action].mutate(account.id);
  };
  const zoned = (iso: string | null | undefined) => formatZonedDateTime(iso, account.timeZone);

  return (
    <Dialog title={`Order pushes · ${account.name}`} testId="push-dialog" onClose={onClose}>
      <p className={push.state === 'FAILED' ? 'bad' : undefined} data-testid="push-dialog-headline">
        {pushHeadline(push, now)}
      </p>
      <p className="muted">{transportText(push)}</p>
      {!push.available && (
        <p className="notice warn" data-testid="push-unavailable">
          Pushes are unavailable here: {push.unavailableReason ?? 'the hub is not configured for them.'}
        </p>
      )}
      {push.transport === 'WEBHOOK' && push.webhookUrl && (
        <div className="one-time-secret">
          <label className="form-field">
            <span>Webhook URL (where the channel posts each event)</span>
            <input
              readOnly
              value={push.webhookUrl}
              className="mono"
              onFocus={(event) => event.currentTarget.select()}
              data-testid="push-webhook-url"
            />
          </label>
          <div className="form-actions">
            <CopyButton text={push.webhookUrl} label="Copy URL" testId="push-webhook-copy" />
          </div>
        </div>
      )}
      <dl className="facts push-facts" data-testid="push-facts">
        <dt>Polling</dt>
        <dd data-testid="push-poll-mode-detail">
          {pollModeText(push)} <span className="muted">({push.pollModeReason})</span>
        </dd>
        <dt>Subscribed</dt>
        <dd data-testid="push-subscribed">
          {push.subscribedAt
            ? `since ${zoned(push.subscribedAt)}${push.subscribedBy ? ` by ${formatActor(push.subscribedBy)}` : ''}`
            : 'no'}
        </dd>
        <dt>Last event</dt>
        <dd>
          <RelativeTime at={push.lastEventAt} now={now} empty="none yet" testId="push-last-event" />
          {push.lastEventAt && <span className="muted"> · {zoned(push.lastEventAt)}</span>}
        </dd>
        <dt>Events today</dt>
        <dd data-testid="push-events-today">{push.eventsToday}</dd>
        <dt>Missed</dt>
        <dd data-testid="push-missed" className={push.missedToday > 0 ? 'bad' : undefined}>
          {push.missedToday} today · {push.missedLast7Days} in 7 days
        </dd>
        <dt>Pending</dt>
        <dd data-testid="push-pending">{push.pendingEvents} waiting for their order to be read</dd>
        <dt>Failed</dt>
        <dd data-testid="push-failed">{push.failedLast7Days} in 7 days (order not found, unreadable or refused)</dd>
        {(push.transport === 'QUEUE' || push.deadLetters > 0) && (
          <>
            <dt>Dead letters</dt>
            <dd data-testid="push-dead-letters" className={push.deadLetters > 0 ? 'bad' : undefined}>
              {push.deadLetters} in 7 days
            </dd>
          </>
        )}
        <dt>Last error</dt>
        <dd data-testid="push-last-error">
          {push.lastError ? `${push.lastError} (${zoned(push.lastErrorAt)})` : <span className="muted">none</span>}
        </dd>
        <dt>Last test</dt>
        <dd>
          <RelativeTime at={push.lastTestAt} now={now} empty="never" testId="push-last-test" />
          {push.lastTestAt && <span className="muted"> · {zoned(push.lastTestAt)}</span>}
        </dd>
      </dl>
      {failed != null && <ErrorState title={`${ACTION_LABELS[last!]}: not done`} error={failed} />}
      {last && done && (
        <p ref={doneRef} tabIndex={-1} className="notice outcome" role="status" data-testid="push-action-done">
          {DONE[last]}
        </p>
      )}
      {canManage ? (
        <div className="dialog-actions">
          {pushActions(push).map((action) => (
            <button
              key={action}
              type="button"
              className={action === 'subscribe' ? 'primary' : action === 'unsubscribe' ? 'danger' : undefined}
              // Not disabled while a call runs: a disabled button drops the focus out of the dialog.
              aria-disabled={pending || undefined}
              disabled={action === 'subscribe' && !push.available}
              title={action === 'subscribe' && !push.available ? (push.unavailableReason ?? undefined) : undefined}
              onClick={() => run(action)}
              data-testid={`push-${action}`}
            >
              {pending && last === action ? 'Working…' : ACTION_LABELS[action]}
            </button>
          ))}
        </div>
      ) : (
        <p className="hint" data-testid="push-read-only">
          Turning pushes on or off needs the ADMIN role.
        </p>
      )}
    </Dialog>
  );
}
