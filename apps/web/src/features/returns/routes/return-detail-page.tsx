import { channelLabel, RETURN_REASON_CATEGORY_LABELS, returnRefundUnavailableReason } from '@order-hub/rules';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { formatMoney, formatZonedDateTime } from '@/lib/format';
import { usePageTitle } from '@/lib/use-page-title';
import { actionDeniedReason } from '@/features/actions/lib/action-permissions';
import { useMe } from '@/features/auth/api/auth.hooks';
import type { RefundReturnResultView, ReturnDetail } from '../api/returns.graphql';
import { useReturn, useReturnAccounts } from '../api/returns.hooks';
import { RefundClockBadge } from '../components/refund-clock-badge';
import { RefundReturnDialog } from '../components/refund-return-dialog';
import { RefundSentNotice } from '../components/refund-sent-notice';
import { ReturnOrderLink } from '../components/return-order-link';
import { ReturnStatusBadge } from '../components/return-status-badge';
import { refundCallWords } from '../lib/outbox-words';
import { refundCallsOf, returnSteps } from '../lib/return-timeline';

/** `/returns/:id`: a return's lines and reasons, its tracking and label, what happened to it and its refund calls. */
export function ReturnDetailPage() {
  const { id = '' } = useParams();
  const query = useReturn(id);
  const accounts = useReturnAccounts();
  const ret = query.data?.return;
  usePageTitle(ret ? `Return ${ret.channelReturnId}` : 'Return');
  let body;
  if (query.isPending) body = <Loading label="Loading return…" />;
  else if (query.isError) body = <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  else if (!ret) {
    body = (
      <p className="empty" data-testid="return-not-found">
        No such return. <Link to="/returns">All returns</Link>
      </p>
    );
  } else {
    const account = accounts.data?.find((a) => a.id === ret.accountId);
    body = (
      <ReturnDetailBody
        ret={ret}
        timeZone={ret.order?.account.timeZone ?? account?.timeZone}
        marketplace={ret.order?.account.marketplace ?? account?.marketplace}
      />
    );
  }
  return (
    <div className="page return-detail" data-testid="return-detail">
      <div className="order-links">
        <Link to="/returns" className="back" data-testid="back-to-returns">
          ← Returns
        </Link>
      </div>
      {body}
    </div>
  );
}

function ReturnDetailBody({
  ret,
  timeZone,
  marketplace,
}: {
  ret: ReturnDetail;
  timeZone?: string;
  marketplace?: string;
}) {
  const [refunding, setRefunding] = useState(false);
  const [sent, setSent] = useState<RefundReturnResultView | null>(null);
  const me = useMe();
  const denied = actionDeniedReason(me.data?.me.role);
  const unavailable = returnRefundUnavailableReason(ret.channel, ret);
  const refundable = unavailable === null;
  const calls = refundCallsOf(ret.order?.outbox ?? [], ret.id);
  const steps = returnSteps(ret);

  return (
    <>
      <header className="page-head return-head">
        <h1>
          Return <span className="mono">{ret.channelReturnId}</span>
        </h1>
        <ReturnStatusBadge status={ret.status} label={ret.statusLabel} />
        <RefundClockBadge clock={ret.refundClock} timeZone={timeZone} />
        {unavailable && ret.status !== 'REFUNDED' && ret.status !== 'CLOSED' && (
          <span className="muted" data-testid="return-refund-unavailable">
            {unavailable}
          </span>
        )}
        {refundable && (
          <button
            type="button"
            className="primary"
            disabled={denied !== null}
            title={denied ?? undefined}
            onClick={() => setRefunding(true)}
            data-testid="return-refund"
          >
            Refund…
          </button>
        )}
      </header>
      {sent && <RefundSentNotice channel={ret.channel} result={sent} onDismiss={() => setSent(null)} />}
      <dl className="facts return-facts">
        <dt>Channel</dt>
        <dd>
          {channelLabel(ret.channel)} · {ret.accountName}
        </dd>
        <dt>Order</dt>
        <dd>
          <ReturnOrderLink ret={ret} />
        </dd>
        <dt>Amount</dt>
        <dd data-testid="return-detail-amount">
          {formatMoney(ret.amountCents, ret.currency)}
          {ret.refundedCents > 0 && ` · ${formatMoney(ret.refundedCents, ret.currency)} refunded`}
        </dd>
        {ret.returnType && (
          <>
            <dt>Type</dt>
            <dd>
              {ret.returnType === 'REPLACEMENT'
                ? 'Replacement'
                : ret.returnType === 'REFUND'
                  ? 'Refund'
                  : ret.returnType}
            </dd>
          </>
        )}
        {ret.claim && (
          <>
            <dt>Claim</dt>
            <dd className="bad">The buyer opened an A-to-z claim</dd>
          </>
        )}
        <dt>Return shipping</dt>
        <dd data-testid="return-tracking">
          {ret.tracking.length === 0
            ? 'No tracking yet'
            : ret.tracking.map((t) => (
                <div key={t.trackingNumber}>
                  {t.carrier ?? 'Carrier not named'} <span className="mono">{t.trackingNumber}</span>
                </div>
              ))}
          {ret.labelUrl && (
            <div>
              <a href={ret.labelUrl} target="_blank" rel="noreferrer noopener" data-testid="return-label">
                Return label
              </a>
            </div>
          )}
        </dd>
      </dl>
      <section className="panel">
        <h2>Lines</h2>
        <div className="table-scroll">
          <table className="grid compact" data-testid="return-lines">
            <thead>
              <tr>
                <th>Line</th>
                <th>Item</th>
                <th>Reason</th>
                <th className="num">Returned</th>
                <th className="num">Refunded</th>
                <th className="num">Left to refund</th>
                <th className="num">Unit price</th>
                <th>Received</th>
              </tr>
            </thead>
            <tbody>
              {ret.lines.map((line) => (
                <tr key={line.returnLineNumber} data-testid="return-line" data-line={line.returnLineNumber}>
                  <td>
                    {line.returnLineNumber}
                    {line.lineNumber && <div className="muted">order line {line.lineNumber}</div>}
                  </td>
                  <td className="wrap">
                    <span className="mono">{line.sku ?? '—'}</span>
                    {line.productName && <div className="muted">{line.productName}</div>}
                  </td>
                  <td className="wrap" data-testid="return-line-reason">
                    {line.reasonLabel}
                    <div className="muted">{RETURN_REASON_CATEGORY_LABELS[line.reasonCategory]}</div>
                  </td>
                  <td className="num">{line.quantity}</td>
                  <td className="num" data-testid="return-line-refunded">
                    {line.quantityRefunded}
                  </td>
                  <td className="num">{line.quantityRefundable}</td>
                  <td className="num">
                    {line.unitPriceCents == null ? 'not known' : formatMoney(line.unitPriceCents, ret.currency)}
                  </td>
                  <td>{formatZonedDateTime(line.receivedAt, timeZone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="panel" data-testid="return-timeline">
        <h2>What happened</h2>
        <ol className="timeline">
          {steps.map((step) => (
            <li key={step.key} className="timeline-item" data-testid="return-step" data-step={step.key}>
              <time dateTime={step.at}>{formatZonedDateTime(step.at, timeZone)}</time>
              <div>{step.text}</div>
            </li>
          ))}
          {calls.map((entry) => {
            const words = refundCallWords(ret.channel, entry);
            return (
              <li key={entry.id} className="timeline-item" data-testid="return-refund-call" data-status={entry.status}>
                <time dateTime={entry.createdAt}>{formatZonedDateTime(entry.createdAt, timeZone)}</time>
                <div>
                  Refund sent through the hub:{' '}
                  <span className={`refund-call refund-call-${words.tone}`}>{words.text}</span>
                </div>
              </li>
            );
          })}
        </ol>
      </section>
      {refunding && (
        <RefundReturnDialog
          ret={ret}
          marketplace={marketplace}
          onClose={() => setRefunding(false)}
          onDone={(result) => {
            setSent(result);
            setRefunding(false);
          }}
        />
      )}
    </>
  );
}
