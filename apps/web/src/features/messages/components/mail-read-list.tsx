import { channelLabel } from '@order-hub/rules/channels';
import { Link } from 'react-router';
import { formatZonedDateTime } from '@/lib/format';
import type { MailMessageView } from '../lib/message-views';
import { findingsWords, folderWords, mailKindWords, mailOutcomeWords } from '../lib/message-words';

interface MailReadListProps {
  messages: readonly MailMessageView[];
  /** The zone the mailbox's account reads in (its first account's); the browser's when it has none. */
  zoneOf: (mail: MailMessageView) => string | undefined;
  testId?: string;
}

/** The evidence of every message the hub read: who sent it, when, from which folder, what was found and what was done. */
export function MailReadList({ messages, zoneOf, testId = 'mail-read' }: MailReadListProps) {
  return (
    <div className="table-scroll">
      <table className="grid stack-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">Subject</th>
            <th scope="col">Received</th>
            <th scope="col">What it is</th>
            <th scope="col">What the hub did</th>
          </tr>
        </thead>
        <tbody>
          {messages.map((mail) => {
            const findings = findingsWords(mail);
            return (
              <tr key={mail.id} data-testid="mail-message" data-kind={mail.kind} data-outcome={mail.outcome}>
                <td data-label="From" className="wrap message-from">
                  {mail.fromName ? (
                    <>
                      {mail.fromName} <span className="muted">{mail.from}</span>
                    </>
                  ) : (
                    mail.from
                  )}
                </td>
                <td data-label="Subject" className="wrap">
                  <span className="message-subject">{mail.subject || '(no subject)'}</span>
                  <span className="message-excerpt">in {folderWords(mail.folderRole)}</span>
                </td>
                <td data-label="Received" data-testid="mail-message-received">
                  {formatZonedDateTime(mail.receivedAt, zoneOf(mail))}
                </td>
                <td data-label="What it is">{mailKindWords(mail.kind)}</td>
                <td data-label="What the hub did" className="wrap" data-testid="mail-message-outcome">
                  <strong>{mailOutcomeWords(mail.outcome)}</strong>
                  {mail.summary && <span className="message-excerpt">{mail.summary}</span>}
                  {findings.length > 0 && (
                    <ul className="mail-findings message-excerpt">
                      {findings.map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  )}
                  {mail.orders.map((order) => (
                    <Link
                      key={order.id}
                      to={`/orders/${order.id}`}
                      className="message-excerpt"
                      data-testid="mail-message-order"
                    >
                      {channelLabel(order.channel)} order {order.channelOrderId}
                    </Link>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
