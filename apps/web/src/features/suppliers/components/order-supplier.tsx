import { Link } from 'react-router';
import { CopyButton } from '@/components/copy-button';
import { ErrorState } from '@/components/error-state';
import { formatZonedDateTime } from '@/lib/format';
import { actionDeniedReason } from '@/features/actions/lib/action-permissions';
import { useMe } from '@/features/auth/api/auth.hooks';
import type { TrackingIntakeView } from '../api/supplier-views';
import { useOrderSupplier, useSendPurchaseOrders, useSupplierLink } from '../api/suppliers.hooks';
import { INTAKE_STATUS_WORDS, INTAKE_VIA_WORDS, PO_STATUS_WORDS, reasonsInWords } from '../lib/intake-words';
import { carrierWords } from './review-queue';
import { SupplierClock } from './supplier-clock';

/**
 * The order page's Supplier section: the supplier its SKUs route it to, its purchase order with the tracking clock,
 * Send PO, the supplier link to copy, and every tracking the supplier sent for it. Nothing when no supplier is involved.
 */
export function OrderSupplier({ orderId, timeZone }: { orderId: string; timeZone: string }) {
  const query = useOrderSupplier(orderId);
  const me = useMe();
  const mayAct = actionDeniedReason(me.data?.me.role) === null;
  const send = useSendPurchaseOrders();
  const link = useSupplierLink();

  if (query.isPending) return null;
  if (query.isError) {
    return (
      <section className="panel" data-testid="order-supplier">
        <h2>Supplier</h2>
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </section>
    );
  }
  const order = query.data;
  if (!order) return null;
  const po = order.purchaseOrder;
  const intake = order.trackingIntake;
  const supplier = po?.supplier ?? order.supplier;
  if (!supplier && intake.length === 0) return null;
  const open = po && po.status !== 'CANCELLED';
  const sendResult = send.data?.find((r) => r.orderId === orderId);
  const sentLink =
    sendResult?.linkUrl && sendResult.linkExpiresAt
      ? { url: sendResult.linkUrl, expiresAt: sendResult.linkExpiresAt }
      : null;
  const shownLink = link.data ?? sentLink;

  return (
    <section className="panel" data-testid="order-supplier" aria-labelledby="order-supplier-title">
      <h2 id="order-supplier-title">Supplier</h2>
      {supplier && (
        <p data-testid="order-supplier-name">
          <Link to={`/suppliers/${supplier.id}`}>{supplier.name}</Link>
          {!po && ' ships every line of this order (by its SKUs).'}
        </p>
      )}
      {po && (
        <dl className="facts" data-testid="order-purchase-order">
          <dt>Purchase order</dt>
          <dd className="mono">{po.number}</dd>
          <dt>Status</dt>
          <dd data-testid="order-po-status">{PO_STATUS_WORDS[po.status]}</dd>
          <dt>Sent</dt>
          <dd>
            {formatZonedDateTime(po.sentAt, timeZone)}
            {po.sentTo ? ` to ${po.sentTo}` : ' (by link)'}
          </dd>
          {po.status !== 'CANCELLED' && (
            <>
              <dt>Tracking</dt>
              <dd>
                <SupplierClock dueAt={po.trackingDueAt} receivedAt={po.trackingReceivedAt} timeZone={timeZone} />
              </dd>
            </>
          )}
        </dl>
      )}
      <div className="order-supplier-actions">
        {mayAct && supplier && !open && (
          <button
            type="button"
            className="primary"
            disabled={send.isPending}
            onClick={() => send.mutate([orderId])}
            data-testid="send-po"
          >
            {send.isPending ? 'Sending…' : `Send purchase order to ${supplier.name}`}
          </button>
        )}
        {mayAct && open && !po.trackingReceivedAt && !shownLink && (
          <button
            type="button"
            disabled={link.isPending}
            onClick={() => link.mutate(orderId)}
            data-testid="show-supplier-link"
          >
            {link.isPending ? 'Signing the link…' : 'Supplier link…'}
          </button>
        )}
      </div>
      {send.isError && <ErrorState title="Purchase order not sent" error={send.error} />}
      {sendResult?.error && (
        <p className="violation block" role="alert" data-testid="send-po-error">
          {sendResult.error}
        </p>
      )}
      {link.isError && <ErrorState title="No link" error={link.error} />}
      {shownLink && open && !po.trackingReceivedAt && (
        <div className="supplier-link-box" data-testid="supplier-link-box">
          <label className="field">
            <span>
              The supplier enters tracking here, no account needed (until{' '}
              {formatZonedDateTime(shownLink.expiresAt, timeZone)})
            </span>
            <input
              readOnly
              className="mono"
              value={shownLink.url}
              onFocus={(event) => event.target.select()}
              data-testid="supplier-link-url"
            />
          </label>
          <CopyButton text={shownLink.url} label="Copy link" testId="copy-supplier-link" />
        </div>
      )}
      {intake.length > 0 && <IntakeRows rows={intake} timeZone={timeZone} />}
    </section>
  );
}

function IntakeRows({ rows, timeZone }: { rows: readonly TrackingIntakeView[]; timeZone: string }) {
  return (
    <div className="table-scroll">
      <table className="grid compact" data-testid="order-intake">
        <caption className="visually-hidden">Tracking the supplier sent</caption>
        <thead>
          <tr>
            <th>Received</th>
            <th>How</th>
            <th>Tracking</th>
            <th>Outcome</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid="order-intake-row" data-status={row.status}>
              <td>{formatZonedDateTime(row.createdAt, timeZone)}</td>
              <td>{INTAKE_VIA_WORDS[row.via]}</td>
              <td>
                <span className="mono">{row.trackingNumber}</span> <span className="muted">({carrierWords(row)})</span>
              </td>
              <td className="wrap" data-testid="order-intake-outcome">
                <strong>{INTAKE_STATUS_WORDS[row.status]}</strong>
                {row.decidedBy && row.status !== 'HELD' && <span className="muted"> by {row.decidedBy}</span>}
                {row.note && <span>: “{row.note}”</span>}
                {row.status !== 'APPLIED' && reasonsInWords(row.reasons).length > 0 && (
                  <span>: {reasonsInWords(row.reasons).join(' ')}</span>
                )}
                {row.status === 'HELD' && (
                  <>
                    {' '}
                    <Link to="/suppliers?tab=review">Review…</Link>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
