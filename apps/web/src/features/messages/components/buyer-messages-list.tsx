import { channelLabel } from '@order-hub/rules/channels';
import { Link } from 'react-router';
import { formatZonedDateTime } from '@/lib/format';
import type { BuyerMessageView } from '../lib/message-views';
import { answeredByWords } from '../lib/message-words';
import { BuyerMessageClock } from './buyer-message-clock';

interface BuyerMessagesListProps {
  messages: readonly BuyerMessageView[];
  /** Opens "Mark answered" on an unanswered message; absent for a role that may not. */
  onMarkAnswered?: (message: BuyerMessageView) => void;
  testId?: string;
}

/**
 * Buyer messages (or the channel's performance e-mails) with their clocks; on a phone each row is a card. The hub
 * never answers a buyer itself: Reply opens the channel's own page for it.
 */
export function BuyerMessagesList({ messages, onMarkAnswered, testId = 'buyer-messages' }: BuyerMessagesListProps) {
  return (
    <div className="table-scroll">
      <table className="grid stack-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">Channel</th>
            <th scope="col">Order</th>
            <th scope="col">From</th>
            <th scope="col">Subject</th>
            <th scope="col">Received</th>
            <th scope="col">Clock</th>
            <th scope="col" aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {messages.map((message) => {
            const zone = message.account?.timeZone;
            const answeredBy = answeredByWords(message.answeredBy);
            return (
              <tr key={message.id} data-testid="buyer-message" data-message-id={message.id} data-state={message.state}>
                <td data-label="Channel">
                  {channelLabel(message.channel)}
                  {message.account && <span className="muted"> · {message.account.name}</span>}
                </td>
                <td data-label="Order">
                  {message.order ? (
                    <Link to={`/orders/${message.order.id}`} className="mono" data-testid="buyer-message-order">
                      {message.order.channelOrderId}
                    </Link>
                  ) : (
                    <span className="muted" title={message.unlinkedReason ?? undefined}>
                      {message.orderNumbers && message.orderNumbers.length > 0
                        ? `${message.orderNumbers.join(', ')} (not in the hub)`
                        : 'No order named'}
                    </span>
                  )}
                </td>
                <td data-label="From" className="wrap message-from">
                  {message.from}
                </td>
                <td data-label="Subject" className="wrap">
                  <span className="message-subject" data-testid="buyer-message-subject">
                    {message.subject}
                  </span>
                  {message.excerpt && (
                    <span className="message-excerpt clamp" title={message.excerpt}>
                      {message.excerpt}
                    </span>
                  )}
                </td>
                <td data-label="Received" data-testid="buyer-message-received">
                  {formatZonedDateTime(message.receivedAt, zone)}
                </td>
                <td data-label="Clock">
                  <BuyerMessageClock clock={message} timeZone={zone} />
                  {message.state === 'ANSWERED' && (message.answeredAt || answeredBy) && (
                    <span className="message-excerpt" data-testid="buyer-message-answered">
                      {[
                        message.answeredAt && formatZonedDateTime(message.answeredAt, zone),
                        answeredBy && `by ${answeredBy}`,
                      ]
                        .filter(Boolean)
                        .join(' ')}
                      {message.answerNote && `: ${message.answerNote}`}
                    </span>
                  )}
                </td>
                <td data-label="Actions">
                  <span className="message-actions">
                    {message.kind === 'PERFORMANCE_ALERT' ? (
                      <Link
                        to={message.channelWarningId ? `/alerts#warning-${message.channelWarningId}` : '/alerts'}
                        data-testid="performance-warning-link"
                      >
                        Answer the channel warning
                      </Link>
                    ) : (
                      <a
                        href={message.replyUrl}
                        target="_blank"
                        rel="noreferrer"
                        data-testid="buyer-message-reply"
                        aria-label={`Reply on ${channelLabel(message.channel)} (opens the channel's page)`}
                      >
                        Reply on {channelLabel(message.channel)}
                      </a>
                    )}
                    {onMarkAnswered && message.state !== 'ANSWERED' && (
                      <button
                        type="button"
                        onClick={() => onMarkAnswered(message)}
                        data-testid="buyer-message-mark-answered"
                      >
                        Mark answered…
                      </button>
                    )}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
