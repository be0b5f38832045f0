import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorState } from '@/components/error-state';
import type { BulkResultFieldsFragment, Channel, OrderFilter } from '@/gql/graphql';
import { useMe } from '@/features/auth/api/auth.hooks';
import { actionDeniedReason } from '@/features/actions/lib/action-permissions';
import { fetchBulkPreview, useBulkAcknowledge, useBulkRouteToMcf } from '../api/bulk.hooks';
import type { BulkPreview } from '../api/bulk.graphql';
import { allMatchingUnavailable, scopeQuery, targetOf, type BulkScope } from '../lib/bulk-target';
import { BulkCancelDialog } from './bulk-cancel-dialog';
import { BulkResults } from './bulk-results';
import { BuyerCancelWarning } from './buyer-cancel-warning';
import { BulkBuyLabelsDialog } from '@/features/labels/components/bulk-buy-labels-dialog';

/** What the bar needs of a row the person ticked. */
export interface BulkRow {
  id: string;
  channel: Channel;
  channelOrderId: string;
}

export interface BulkBarProps {
  /** The rows ticked on this page. */
  selected: readonly BulkRow[];
  /** How many rows the page shows: when all are ticked, "select all N matching" is offered. */
  pageSize: number;
  /** The list's filter, its view included: "all N matching" acts on exactly this. */
  filter: OrderFilter;
  /** The list's count as shown (approximateCount); all matching needs an exact one. */
  matchingCount: { count: number; exact: boolean } | null;
  /** Called after an action, to clear the ticks. */
  onDone: () => void;
}

type Pending =
  | { kind: 'warn'; action: 'Acknowledge' | 'Ship'; scope: BulkScope; preview: BulkPreview }
  | { kind: 'cancel'; scope: BulkScope }
  | { kind: 'labels'; orderIds: string[]; leftOut: number };

/**
 * The inbox's bulk actions on the ticked orders or on all N matching (Gmail-style): acknowledge, ship from a grid,
 * route to MCF, cancel with one reason, print. Warns first about orders whose buyer asked to cancel.
 */
export function BulkBar({ selected, pageSize, filter, matchingCount, onDone }: BulkBarProps) {
  const me = useMe();
  const denied = actionDeniedReason(me.data?.me.role);
  const navigate = useNavigate();
  const filterKey = JSON.stringify(filter);
  const [matchingFor, setMatchingFor] = useState<string | null>(null);
  const allMatching =
    matchingFor === filterKey && matchingCount !== null && allMatchingUnavailable(matchingCount) === null;
  const [pending, setPending] = useState<Pending | null>(null);
  const [outcome, setOutcome] = useState<{
    done: string;
    result: BulkResultFieldsFragment;
    channels: Map<string, Channel>;
  } | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<unknown>(null);
  const acknowledge = useBulkAcknowledge();
  const route = useBulkRouteToMcf();

  const scope: BulkScope | null = allMatching
    ? { kind: 'matching', filter, count: matchingCount.count }
    : selected.length > 0
      ? { kind: 'selection', ids: selected.map((r) => r.id) }
      : null;
  const busy = checking || acknowledge.isPending || route.isPending;
  const actionTitle = denied ?? (scope ? undefined : 'Select orders first.');
  const unavailable = allMatchingUnavailable(matchingCount);
  const everyRowTicked = pageSize > 0 && selected.length === pageSize;

  const finish = (done: string, result: BulkResultFieldsFragment, channels: Map<string, Channel>) => {
    setOutcome({ done, result, channels });
    setMatchingFor(null);
    setPending(null);
    onDone();
  };
  const channelsOf = (preview: BulkPreview | null) =>
    new Map<string, Channel>([
      ...selected.map((r) => [r.id, r.channel] as const),
      ...(preview?.orders.map((o) => [o.id, o.channel] as const) ?? []),
    ]);

  /** The orders of the scope, checked by the api as the action will be (the count the person saw included). */
  const withPreview = async (run: (preview: BulkPreview) => void) => {
    if (!scope) return;
    setChecking(true);
    setCheckError(null);
    try {
      run(await fetchBulkPreview(targetOf(scope)));
    } catch (err) {
      setCheckError(err);
    } finally {
      setChecking(false);
    }
  };
  const sendAcknowledge = (target: BulkScope, preview: BulkPreview) =>
    acknowledge.mutate(targetOf(target), {
      onSuccess: (result) => finish('acknowledged', result, channelsOf(preview)),
    });
  // All N matching stay a filter in the address (500 ids would not fit one); the grid checks the count again.
  const openShipGrid = (target: BulkScope, override: boolean) =>
    void navigate(`/bulk/ship?${scopeQuery(target)}${override ? '&anyway=1' : ''}`);
  const leaveOut = (p: Extract<Pending, { kind: 'warn' }>) => {
    const asked = new Set(p.preview.buyerAskedToCancel.map((o) => o.orderId));
    const rest = p.preview.orderIds.filter((id) => !asked.has(id));
    setPending(null);
    if (p.action === 'Acknowledge') sendAcknowledge({ kind: 'selection', ids: rest }, p.preview);
    else openShipGrid({ kind: 'selection', ids: rest }, false);
  };

  return (
    <div className="bulk-bar" data-testid="bulk-bar">
      <div className="bulk-scope" aria-live="polite">
        {allMatching ? (
          <span data-testid="bulk-scope">
            All {matchingCount.count.toLocaleString('en-US')} matching orders are selected.{' '}
            <button type="button" className="link" onClick={() => setMatchingFor(null)} data-testid="bulk-clear-all">
              Clear selection
            </button>
          </span>
        ) : (
          <span data-testid="bulk-scope">
            {selected.length === 0 ? 'No orders selected' : `${selected.length} selected`}
            {everyRowTicked && matchingCount && matchingCount.count > selected.length && (
              <>
                {' · '}
                <button
                  type="button"
                  className="link"
                  disabled={unavailable !== null}
                  title={unavailable ?? undefined}
                  onClick={() => setMatchingFor(filterKey)}
                  data-testid="bulk-select-all-matching"
                >
                  Select all {matchingCount.count.toLocaleString('en-US')} matching
                </button>
              </>
            )}
          </span>
        )}
      </div>
      <div className="bulk-actions" role="group" aria-label="Bulk actions">
        <button
          type="button"
          className="primary"
          disabled={!scope || denied !== null || busy}
          title={actionTitle}
          onClick={() =>
            void withPreview((preview) =>
              preview.buyerAskedToCancel.length > 0
                ? setPending({ kind: 'warn', action: 'Acknowledge', scope: scope!, preview })
                : sendAcknowledge(scope!, preview),
            )
          }
          data-testid="bulk-acknowledge"
        >
          {acknowledge.isPending ? 'Acknowledging…' : 'Acknowledge'}
        </button>
        <button
          type="button"
          disabled={!scope || denied !== null || busy}
          title={actionTitle}
          onClick={() =>
            void withPreview((preview) =>
              preview.buyerAskedToCancel.length > 0
                ? setPending({ kind: 'warn', action: 'Ship', scope: scope!, preview })
                : openShipGrid(scope!, false),
            )
          }
          data-testid="bulk-ship"
        >
          Ship…
        </button>
        <button
          type="button"
          disabled={!scope || denied !== null || busy}
          title={actionTitle}
          onClick={() =>
            void withPreview((preview) => {
              const asked = new Set(preview.buyerAskedToCancel.map((o) => o.orderId));
              const orderIds = preview.orderIds.filter((id) => !asked.has(id));
              setPending({ kind: 'labels', orderIds, leftOut: preview.orderIds.length - orderIds.length });
            })
          }
          data-testid="bulk-buy-labels"
        >
          Buy labels…
        </button>
        <button
          type="button"
          disabled={!scope || denied !== null || busy}
          title={actionTitle}
          onClick={() =>
            route.mutate(targetOf(scope!), { onSuccess: (result) => finish('routed to MCF', result, channelsOf(null)) })
          }
          data-testid="bulk-route-mcf"
        >
          {route.isPending ? 'Routing…' : 'Route to MCF'}
        </button>
        <button
          type="button"
          className="danger"
          disabled={!scope || denied !== null || busy}
          title={actionTitle}
          onClick={() => setPending({ kind: 'cancel', scope: scope! })}
          data-testid="bulk-cancel"
        >
          Cancel…
        </button>
        {scope ? (
          <>
            <Link className="button" to={`/print/packing-slips?${scopeQuery(scope)}`} data-testid="bulk-print-slips">
              Print packing slips
            </Link>
            <Link className="button" to={`/print/pick-list?${scopeQuery(scope)}`} data-testid="bulk-print-pick-list">
              Print pick list
            </Link>
          </>
        ) : null}
      </div>
      {checkError !== null && <ErrorState title="Nothing was done" error={checkError} />}
      {acknowledge.isError && <ErrorState title="Nothing was acknowledged" error={acknowledge.error} />}
      {route.isError && <ErrorState title="Nothing was routed" error={route.error} />}
      {outcome && (
        <BulkResults
          done={outcome.done}
          result={outcome.result}
          channels={outcome.channels}
          onDismiss={() => setOutcome(null)}
        />
      )}
      {pending?.kind === 'warn' && (
        <BuyerCancelWarning
          action={pending.action}
          orders={pending.preview.buyerAskedToCancel}
          total={pending.preview.total}
          onClose={() => setPending(null)}
          onAnyway={() => {
            setPending(null);
            if (pending.action === 'Acknowledge') sendAcknowledge(pending.scope, pending.preview);
            else openShipGrid(pending.scope, true);
          }}
          onLeaveOut={() => leaveOut(pending)}
          onCancelThem={() =>
            setPending({
              kind: 'cancel',
              scope: { kind: 'selection', ids: pending.preview.buyerAskedToCancel.map((o) => o.orderId) },
            })
          }
        />
      )}
      {pending?.kind === 'labels' && (
        <BulkBuyLabelsDialog
          orderIds={pending.orderIds}
          leftOut={pending.leftOut}
          onClose={() => {
            setPending(null);
            onDone();
          }}
        />
      )}
      {pending?.kind === 'cancel' && (
        <BulkCancelDialog
          scope={pending.scope}
          onClose={() => setPending(null)}
          onDone={(result) => finish('cancelled', result, channelsOf(null))}
        />
      )}
    </div>
  );
}
