import { Fragment } from 'react';
import { Link } from 'react-router';
import { StatusBadge } from '@/features/orders/components/order-status';
import type { OrderEvidenceView } from '../api/evidence.graphql';
import { EvidenceShipment } from './evidence-shipment';
import { evidenceSummary, formatDuration, formatEvidenceTime } from '../lib/evidence-format';
import { formatActor } from '@/lib/actor-format';
import { formatZonedDateTime } from '@/lib/format';
import { shipToLines } from '@/features/print/lib/print-format';

/** The evidence record laid out to read on screen and print on paper: one section per kind of fact. */
export function EvidenceRecord({ evidence }: { evidence: OrderEvidenceView }) {
  const { order } = evidence;
  return (
    <article className="evidence" data-testid="evidence-record" data-order-id={order.id}>
      <header className="evidence-head">
        <h1 data-testid="evidence-title">Evidence record · {order.channelOrderId}</h1>
        <dl className="facts">
          <dt>Channel</dt>
          <dd>
            {order.channel} · {order.account.name} ({order.account.marketplace})
          </dd>
          {order.customerOrderId && (
            <>
              <dt>Customer order</dt>
              <dd>{order.customerOrderId}</dd>
            </>
          )}
          <dt>Status</dt>
          <dd>
            <StatusBadge status={order.status} />
          </dd>
          <dt>Ordered</dt>
          <dd>{formatEvidenceTime(order.orderedAt)}</dd>
          <dt>Acknowledge by</dt>
          <dd>{formatEvidenceTime(order.acknowledgeBy)}</dd>
          <dt>Acknowledged</dt>
          <dd data-testid="evidence-acknowledged">
            {order.acknowledgedAt ? (
              <>
                <span data-testid="evidence-acknowledged-zoned">
                  {formatZonedDateTime(order.acknowledgedAt, order.account.timeZone)}
                </span>{' '}
                ({formatEvidenceTime(order.acknowledgedAt)}, as the hub recorded it)
              </>
            ) : (
              'Not yet'
            )}
          </dd>
          <dt>Ship by</dt>
          <dd>{formatEvidenceTime(order.shipBy)}</dd>
          <dt>Deliver by</dt>
          <dd>{formatEvidenceTime(order.deliverBy)}</dd>
        </dl>
        <p className="muted" data-testid="evidence-summary">
          {evidenceSummary(evidence)}
        </p>
      </header>

      <section className="evidence-section evidence-order" data-testid="evidence-order">
        <div data-testid="evidence-ship-to">
          <h2>Ship to</h2>
          <address>
            {shipToLines(order.shipTo ?? null, order.buyerDataRedactedAt != null).map((line, i) => (
              <span key={i}>
                {line}
                <br />
              </span>
            ))}
          </address>
        </div>
        <div>
          <h2>Lines</h2>
          <table className="grid compact" data-testid="evidence-lines">
            <thead>
              <tr>
                <th>SKU</th>
                <th>Item</th>
                <th className="num">Ordered</th>
                <th className="num">Shipped</th>
                <th className="num">Cancelled</th>
                <th className="num">Refunded</th>
              </tr>
            </thead>
            <tbody>
              {order.lines.map((line) => (
                <tr key={line.id} data-testid="evidence-line" data-sku={line.sku}>
                  <td className="mono">{line.sku}</td>
                  <td>{line.title}</td>
                  <td className="num">{line.quantityOrdered}</td>
                  <td className="num">{line.quantityShipped}</td>
                  <td className="num">{line.quantityCancelled}</td>
                  <td className="num">{line.quantityRefunded}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="evidence-section" data-testid="evidence-timeline">
        <h2>Timeline</h2>
        {evidence.events.length === 0 ? (
          <p className="empty">Nothing recorded.</p>
        ) : (
          <table className="grid compact">
            <thead>
              <tr>
                <th>When (UTC)</th>
                <th>What</th>
                <th>Who</th>
                <th>Detail</th>
              </tr>
            </thead>
            <tbody>
              {evidence.events.map((event, index) => (
                <tr key={index} data-testid="evidence-event" data-kind={event.kind}>
                  <td className="nowrap">{formatEvidenceTime(event.at)}</td>
                  <td>{event.kind}</td>
                  <td>{formatActor(event.actor)}</td>
                  <td className="wrap">{event.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="evidence-section" data-testid="evidence-calls">
        <h2>What the hub sent to the channel</h2>
        {evidence.channelCalls.length === 0 ? (
          <p className="empty">No call to the channel for this order.</p>
        ) : (
          <table className="grid compact">
            <thead>
              <tr>
                <th>Call / attempt</th>
                <th>When (UTC)</th>
                <th>Request</th>
                <th>Answer</th>
                <th>Outcome</th>
              </tr>
            </thead>
            <tbody>
              {evidence.channelCalls.map((call) => (
                <Fragment key={call.id}>
                  <tr
                    className="evidence-call"
                    data-testid="evidence-call"
                    data-operation={call.operation}
                    data-status={call.status}
                  >
                    <td>
                      <strong>{call.operation}</strong>
                    </td>
                    <td className="nowrap">{formatEvidenceTime(call.createdAt)}</td>
                    <td>by {formatActor(call.createdBy)}</td>
                    <td>
                      {call.deliveredAt
                        ? `delivered ${formatEvidenceTime(call.deliveredAt)}`
                        : (call.lastError ?? call.discardReason ?? '')}
                    </td>
                    <td>{call.status}</td>
                  </tr>
                  {call.attempts.map((attempt) => (
                    <tr
                      key={`${call.id}:${attempt.attempt}`}
                      data-testid="evidence-attempt"
                      data-outcome={attempt.outcome}
                    >
                      <td className="indent">#{attempt.attempt}</td>
                      <td className="nowrap">
                        {formatEvidenceTime(attempt.startedAt)} · {formatDuration(attempt.durationMs)}
                      </td>
                      <td className="mono wrap">{attempt.request}</td>
                      <td className="mono wrap">
                        {attempt.responseStatus !== null && <strong>{attempt.responseStatus} </strong>}
                        {attempt.responseExcerpt ?? attempt.error ?? ''}
                      </td>
                      <td>{attempt.outcome}</td>
                    </tr>
                  ))}
                </Fragment>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="evidence-section" data-testid="evidence-shipments">
        <h2>Tracking and carrier events</h2>
        <p className="muted">Carrier times in the account’s time zone ({order.account.timeZone}).</p>
        {evidence.shipments.length === 0 ? (
          <p className="empty">No shipment.</p>
        ) : (
          evidence.shipments.map((shipment) => (
            <EvidenceShipment key={shipment.id} shipment={shipment} timeZone={order.account.timeZone} />
          ))
        )}
      </section>

      <section className="evidence-section" data-testid="evidence-returns">
        <h2>Returns</h2>
        {evidence.returns.length === 0 ? (
          <p className="empty">No return.</p>
        ) : (
          <table className="grid compact">
            <thead>
              <tr>
                <th>Return</th>
                <th>Items and reasons</th>
                <th>Requested</th>
                <th>Received</th>
                <th>Refunded</th>
              </tr>
            </thead>
            <tbody>
              {evidence.returns.map((r) => (
                <tr key={r.id} data-testid="evidence-return">
                  <td>
                    <Link to={`/returns/${r.id}`}>{r.channelReturnId}</Link>
                    <div className="muted">{r.status}</div>
                  </td>
                  <td className="wrap">
                    {r.lines.join('; ')}
                    {r.tracking.length > 0 && <div className="muted">Return label {r.tracking.join(', ')}</div>}
                  </td>
                  <td className="nowrap">{formatZonedDateTime(r.requestedAt, order.account.timeZone)}</td>
                  <td className="nowrap">
                    {r.receivedAt ? formatZonedDateTime(r.receivedAt, order.account.timeZone) : 'Not yet'}
                  </td>
                  <td className="nowrap" data-testid="evidence-return-refunded">
                    {r.refundedAt
                      ? `${formatZonedDateTime(r.refundedAt, order.account.timeZone)} by ${r.refundedBy ?? 'the seller'}`
                      : 'Not yet'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="evidence-section" data-testid="evidence-audit">
        <h2>Who did what</h2>
        {evidence.audit.length === 0 ? (
          <p className="empty">No audit entry.</p>
        ) : (
          <table className="grid compact">
            <thead>
              <tr>
                <th>When (UTC)</th>
                <th>Who</th>
                <th>Action</th>
                <th>Change</th>
              </tr>
            </thead>
            <tbody>
              {evidence.audit.map((entry, index) => (
                <tr key={index} data-testid="evidence-audit-entry">
                  <td className="nowrap">{formatEvidenceTime(entry.occurredAt)}</td>
                  <td>{formatActor(entry.actor)}</td>
                  <td>{entry.action}</td>
                  <td className="wrap">{entry.summary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <footer className="muted evidence-footer">
        Printed from order-hub · {formatEvidenceTime(new Date().toISOString())}
      </footer>
    </article>
  );
}
