import { Fragment } from 'react';
import { formatZonedDateTime } from '@/lib/format';
import type { PushStatusView } from '../api/push.graphql';
import { pollModeText, pushHeadlineParts, pushTone } from '../lib/push-format';
import { MissedPushes } from './missed-pushes';

interface PushStatusLineProps {
  accountId: string;
  push: PushStatusView;
  timeZone: string;
  now: number;
  /** Opens the push panel (to manage, or read the details). */
  onOpen: () => void;
  /** ADMIN: the panel's button says it manages. */
  canManage: boolean;
}

/** The account's order pushes and its polling, in words, under its sync state. */
export function PushStatusLine({ accountId, push, timeZone, now, onOpen, canManage }: PushStatusLineProps) {
  const parts = pushHeadlineParts(push, now);
  const tone = pushTone(push);
  return (
    <div className="sync-state push-status" data-testid="push-status" data-push-state={push.state}>
      <span
        className={tone === 'bad' ? 'bad' : tone === 'off' ? 'muted' : undefined}
        title={push.lastEventAt ? `Last event ${formatZonedDateTime(push.lastEventAt, timeZone)}` : undefined}
        data-testid="push-headline"
      >
        {parts.map((part, index) => (
          <Fragment key={part}>
            {index > 0 && ' · '}
            {push.state === 'ACTIVE' && index === parts.length - 1 && push.missedToday > 0 ? (
              <span className="badge badge-warn">{part}</span>
            ) : (
              part
            )}
          </Fragment>
        ))}
      </span>
      {push.state !== 'OFF' && (
        <span className="muted" data-testid="push-poll-mode">
          {pollModeText(push)}
        </span>
      )}
      <MissedPushes accountId={accountId} push={push} timeZone={timeZone} />
      <button type="button" className="link" onClick={onOpen} data-testid="push-open">
        {canManage ? 'Manage order pushes…' : 'Order push details…'}
      </button>
    </div>
  );
}
