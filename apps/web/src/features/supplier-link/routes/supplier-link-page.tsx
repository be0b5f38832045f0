import { useMutation, useQuery } from '@tanstack/react-query';
import type { CarrierCode } from '@order-hub/types';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { Loading } from '@/components/loading';
import { formatZonedDateTime } from '@/lib/format';
import { useDebounced } from '@/lib/use-debounced';
import { usePageTitle } from '@/lib/use-page-title';
import {
  checkSupplierTracking,
  fetchSupplierLink,
  type SupplierLinkOrder,
  SupplierLinkError,
  submitSupplierTracking,
} from '../api/supplier-link.api';
import { LinkViolations } from '../components/link-violations';
import { blocks, carrierChoices, clientTrackingViolations, mergeLinkViolations, shipToWords } from '../lib/link-checks';

const CHECK_DELAY_MS = 500;

/**
 * `/supplier/:token`: the page a supplier opens from the purchase order, without an account. It shows what to ship
 * and where to (city and state only), and takes the carrier and tracking number, checked as they type.
 */
export function SupplierLinkPage() {
  const { token = '' } = useParams();
  usePageTitle('Tracking for your order');
  const link = useQuery({
    queryKey: ['supplier-link', token],
    queryFn: ({ signal }) => fetchSupplierLink(token, signal),
    retry: false,
  });
  return (
    <main className="page supplier-link-page" data-testid="supplier-link-page">
      <h1>Tracking for your order</h1>
      {link.isPending ? (
        <Loading label="Opening the order…" />
      ) : link.isError ? (
        <LinkRefused error={link.error} onRetry={() => void link.refetch()} />
      ) : (
        <SupplierOrder token={token} order={link.data} />
      )}
    </main>
  );
}

function LinkRefused({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const unusable = error instanceof SupplierLinkError && error.linkUnusable;
  return (
    <div className="error-state" role="alert" data-testid="supplier-link-refused">
      <strong>{unusable ? 'This link cannot be used' : 'The order cannot be opened'}</strong>
      <span data-testid="supplier-link-refused-message">{error.message}</span>
      {unusable ? (
        <span>Ask the seller for a new link.</span>
      ) : (
        <button type="button" onClick={onRetry} data-testid="retry-button">
          Try again
        </button>
      )}
    </div>
  );
}

function SupplierOrder({ token, order }: { token: string; order: SupplierLinkOrder }) {
  const zone = order.timeZone || 'UTC';
  return (
    <>
      <section className="panel" data-testid="supplier-link-order">
        <dl className="facts">
          <dt>Order</dt>
          <dd className="mono" data-testid="supplier-link-order-number">
            {order.orderNumber}
          </dd>
          {order.poNumber && (
            <>
              <dt>Purchase order</dt>
              <dd className="mono">{order.poNumber}</dd>
            </>
          )}
          <dt>Ship by</dt>
          <dd data-testid="supplier-link-ship-by">{formatZonedDateTime(order.shipBy, zone)}</dd>
          <dt>Ships to</dt>
          <dd data-testid="supplier-link-ship-to">{shipToWords(order.shipTo)}</dd>
        </dl>
        <div className="table-scroll">
          <table className="grid compact">
            <thead>
              <tr>
                <th>SKU</th>
                <th>Item</th>
                <th className="num">Quantity</th>
              </tr>
            </thead>
            <tbody>
              {order.lines.map((line, index) => (
                <tr key={`${line.sku}-${index}`} data-testid="supplier-link-line">
                  <td className="mono">{line.sku}</td>
                  <td className="wrap">{line.title ?? ''}</td>
                  <td className="num">{line.quantity}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {order.trackingReceivedAt ? (
        <p className="notice" role="status" data-testid="supplier-link-done">
          Tracking for this order was received {formatZonedDateTime(order.trackingReceivedAt, zone)}. Thank you.
        </p>
      ) : (
        <TrackingForm token={token} order={order} />
      )}
    </>
  );
}

function TrackingForm({ token, order }: { token: string; order: SupplierLinkOrder }) {
  const choices = carrierChoices(order);
  const [carrier, setCarrier] = useState<CarrierCode>(choices[0]?.code ?? 'UPS');
  const [carrierName, setCarrierName] = useState('');
  const [trackingNumber, setTrackingNumber] = useState('');
  const input = {
    carrier,
    ...(carrier === 'OTHER' && { carrierName: carrierName.trim() }),
    trackingNumber: trackingNumber.trim(),
  };
  const settled = useDebounced(input, CHECK_DELAY_MS);
  const current = JSON.stringify(settled) === JSON.stringify(input);
  const server = useQuery({
    queryKey: ['supplier-link', token, 'check', settled],
    queryFn: ({ signal }) => checkSupplierTracking(token, settled, signal),
    enabled: current && settled.trackingNumber !== '',
    retry: false,
    staleTime: 60_000,
  });
  const submit = useMutation({ mutationFn: () => submitSupplierTracking(token, input) });

  const client = clientTrackingViolations(carrier, trackingNumber);
  const serverViolations = current && input.trackingNumber !== '' ? (server.data?.violations ?? []) : [];
  // A refused submit's reasons are in its message (the server's sentence); the list keeps the checks as typed.
  const violations = mergeLinkViolations(client, serverViolations);
  const blocked = blocks(violations);

  if (submit.isSuccess) {
    return (
      <section className="panel" role="status" data-testid="supplier-link-thanks">
        <h2>Thank you</h2>
        <p>
          {submit.data?.message ||
            `Tracking ${input.trackingNumber} was received for order ${order.orderNumber}. Nothing more is needed.`}
        </p>
      </section>
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (input.trackingNumber === '' || blocked) return;
    submit.mutate();
  };

  return (
    <form className="panel supplier-link-form" onSubmit={onSubmit} noValidate data-testid="supplier-link-form">
      <h2>Shipped? Enter the tracking</h2>
      <label className="field">
        <span>Carrier</span>
        <select
          value={carrier}
          onChange={(event) => {
            submit.reset();
            setCarrier(event.target.value as CarrierCode);
          }}
          data-testid="supplier-link-carrier"
        >
          {choices.map((choice) => (
            <option key={choice.code} value={choice.code}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
      {carrier === 'OTHER' && (
        <label className="field">
          <span>Carrier name</span>
          <input
            value={carrierName}
            onChange={(event) => {
              submit.reset();
              setCarrierName(event.target.value);
            }}
            data-testid="supplier-link-carrier-name"
          />
        </label>
      )}
      <label className="field">
        <span>Tracking number</span>
        <input
          className="mono"
          value={trackingNumber}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={blocked}
          aria-describedby="supplier-link-findings"
          onChange={(event) => {
            submit.reset();
            setTrackingNumber(event.target.value);
          }}
          data-testid="supplier-link-tracking"
        />
      </label>
      <div id="supplier-link-findings" aria-live="polite">
        <LinkViolations violations={violations} />
        {current && server.isFetching && (
          <small className="muted" data-testid="supplier-link-checking">
            Checking…
          </small>
        )}
        {current && server.isError && (
          <small className="muted" data-testid="supplier-link-check-error">
            The number could not be checked just now ({server.error.message}); it is checked again when you send it.
          </small>
        )}
        {submit.isError && (
          <p className="violation block" role="alert" data-testid="supplier-link-submit-error">
            {submit.error.message}
          </p>
        )}
      </div>
      <button
        type="submit"
        className="primary"
        disabled={submit.isPending || input.trackingNumber === '' || blocked}
        data-testid="supplier-link-submit"
      >
        {submit.isPending ? 'Sending…' : 'Send tracking'}
      </button>
    </form>
  );
}
