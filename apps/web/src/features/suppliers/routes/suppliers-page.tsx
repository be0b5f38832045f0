import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { currentCursor, pageRangeLabel, popCursor, pushCursor, type CursorStack } from '@/lib/cursor-stack';
import { usePageTitle } from '@/lib/use-page-title';
import { actionDeniedReason } from '@/features/actions/lib/action-permissions';
import { useMe } from '@/features/auth/api/auth.hooks';
import type { ReviewRowView } from '../api/supplier-views';
import {
  SUPPLIERS_PAGE_SIZE,
  useHeldIntake,
  useSuppliers,
  useWaitingCount,
  useWaitingPurchaseOrders,
} from '../api/suppliers.hooks';
import { ApproveIntakeDialog } from '../components/approve-intake-dialog';
import { DismissIntakeDialog } from '../components/dismiss-intake-dialog';
import { ReviewQueue } from '../components/review-queue';
import { SupplierDialog } from '../components/supplier-dialog';
import { SuppliersTable } from '../components/suppliers-table';
import { WaitingList } from '../components/waiting-list';

type Tab = 'suppliers' | 'waiting' | 'review';
const TABS: { tab: Tab; label: string }[] = [
  { tab: 'suppliers', label: 'Suppliers' },
  { tab: 'waiting', label: 'Waiting for supplier' },
  { tab: 'review', label: 'Tracking to review' },
];
const tabOf = (value: string | null): Tab => (value === 'waiting' || value === 'review' ? value : 'suppliers');

/** `/suppliers`: the suppliers, the purchase orders waiting for their tracking, and tracking held for review. */
export function SuppliersPage() {
  const [params, setParams] = useSearchParams();
  const tab = tabOf(params.get('tab'));
  const label = TABS.find((t) => t.tab === tab)!.label;
  usePageTitle(label);
  const waitingCount = useWaitingCount();
  const me = useMe();
  const mayAct = actionDeniedReason(me.data?.me.role) === null;
  // Where purchase orders (and the buyer's ship-to) go is an admin's to set.
  const mayManage = me.data?.me.role === 'ADMIN';
  const [adding, setAdding] = useState(false);
  const navigate = useNavigate();

  const select = (next: Tab) => setParams(next === 'suppliers' ? {} : { tab: next }, { replace: true });
  const onTabKey = (event: React.KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(index + step + TABS.length) % TABS.length].tab;
    select(next);
    document.getElementById(`suppliers-tab-${next}`)?.focus();
  };

  return (
    <section className="page suppliers-page" data-testid="suppliers-page">
      <div className="page-head">
        <h1>Suppliers</h1>
        {mayManage && (
          <button type="button" className="primary" onClick={() => setAdding(true)} data-testid="supplier-add">
            Add supplier…
          </button>
        )}
      </div>
      <nav className="tabs" role="tablist" aria-label="Supplier views">
        {TABS.map((t, index) => (
          <button
            key={t.tab}
            id={`suppliers-tab-${t.tab}`}
            type="button"
            role="tab"
            aria-selected={tab === t.tab}
            aria-controls="suppliers-panel"
            tabIndex={tab === t.tab ? 0 : -1}
            className={tab === t.tab ? 'tab active' : 'tab'}
            onClick={() => select(t.tab)}
            onKeyDown={(event) => onTabKey(event, index)}
            data-testid={`suppliers-tab-${t.tab}`}
          >
            {t.label}
            {t.tab === 'waiting' && (waitingCount.data ?? 0) > 0 && (
              <span className="count" data-testid="suppliers-waiting-count">
                {waitingCount.data}
              </span>
            )}
          </button>
        ))}
      </nav>
      <div id="suppliers-panel" role="tabpanel" aria-labelledby={`suppliers-tab-${tab}`}>
        {tab === 'suppliers' && <SuppliersTab />}
        {tab === 'waiting' && <WaitingTab />}
        {tab === 'review' && <ReviewTab mayAct={mayAct} />}
      </div>
      {adding && (
        <SupplierDialog
          supplier={null}
          onClose={() => setAdding(false)}
          onDone={(saved) => {
            setAdding(false);
            void navigate(`/suppliers/${saved.id}`);
          }}
        />
      )}
    </section>
  );
}

function SuppliersTab() {
  const suppliers = useSuppliers();
  if (suppliers.isPending) return <Loading label="Loading suppliers…" />;
  if (suppliers.isError) return <ErrorState error={suppliers.error} onRetry={() => void suppliers.refetch()} />;
  if (suppliers.data.length === 0) {
    return (
      <p className="empty" data-testid="suppliers-empty">
        No suppliers yet. Add one, then list the SKUs it ships: orders of those SKUs can then be sent to it.
      </p>
    );
  }
  return <SuppliersTable suppliers={suppliers.data} />;
}

function WaitingTab() {
  const [cursors, setCursors] = useState<CursorStack>([]);
  const waiting = useWaitingPurchaseOrders(currentCursor(cursors));
  if (waiting.isPending) return <Loading label="Loading purchase orders…" />;
  if (waiting.isError) return <ErrorState error={waiting.error} onRetry={() => void waiting.refetch()} />;
  const connection = waiting.data.purchaseOrders;
  if (connection.edges.length === 0) {
    return (
      <p className="empty" data-testid="waiting-empty">
        No supplier owes tracking: every purchase order sent has its tracking.
      </p>
    );
  }
  return (
    <>
      <p className="muted">Purchase orders sent and still without tracking, the soonest due first.</p>
      <WaitingList purchaseOrders={connection.edges.map((edge) => edge.node)} />
      <Pager
        cursors={cursors}
        setCursors={setCursors}
        shown={connection.edges.length}
        total={connection.totalCount}
        endCursor={connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null}
        testId="waiting"
      />
    </>
  );
}

function ReviewTab({ mayAct }: { mayAct: boolean }) {
  const [cursors, setCursors] = useState<CursorStack>([]);
  const held = useHeldIntake(currentCursor(cursors));
  const nodes = held.data?.trackingIntake.edges.map((edge) => edge.node) ?? [];
  const suppliers = useSuppliers();
  const [approving, setApproving] = useState<ReviewRowView | null>(null);
  const [dismissing, setDismissing] = useState<ReviewRowView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (held.isPending) return <Loading label="Loading tracking to review…" />;
  if (held.isError) return <ErrorState error={held.error} onRetry={() => void held.refetch()} />;
  const connection = held.data.trackingIntake;
  const rows: ReviewRowView[] = nodes.map((intake) => ({
    intake,
    order: intake.order ?? null,
    supplier: suppliers.data?.find((s) => s.id === intake.supplierId) ?? null,
  }));
  const orderWords = (row: ReviewRowView) => (row.order ? `order ${row.order.channelOrderId}` : 'the order');
  return (
    <>
      {notice && (
        <p className="notice" role="status" data-testid="review-notice">
          {notice}
        </p>
      )}
      {connection.edges.length === 0 ? (
        <p className="empty" data-testid="review-empty">
          Nothing to review: no tracking is held.
        </p>
      ) : (
        <>
          <p className="muted">
            Tracking a supplier sent that the hub did not apply on its own, with the reason. Approve it (corrected if
            needed) or dismiss it with a note.
          </p>
          <ReviewQueue
            rows={rows}
            onApprove={mayAct ? setApproving : undefined}
            onDismiss={mayAct ? setDismissing : undefined}
          />
          <Pager
            cursors={cursors}
            setCursors={setCursors}
            shown={connection.edges.length}
            total={connection.totalCount}
            endCursor={connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null}
            testId="review"
          />
        </>
      )}
      {approving && (
        <ApproveIntakeDialog
          row={approving}
          onClose={() => setApproving(null)}
          onDone={(intake) => {
            setApproving(null);
            setNotice(
              intake.status === 'APPLIED'
                ? `Tracking ${intake.trackingNumber} applied to ${orderWords(approving)}.`
                : `Not applied to ${orderWords(approving)}: ${intake.reasons.map((r) => r.message).join(' ')}`,
            );
          }}
        />
      )}
      {dismissing && (
        <DismissIntakeDialog
          row={dismissing}
          onClose={() => setDismissing(null)}
          onDone={() => {
            setDismissing(null);
            setNotice(`Dismissed the tracking held for ${orderWords(dismissing)}.`);
          }}
        />
      )}
    </>
  );
}

function Pager({
  cursors,
  setCursors,
  shown,
  total,
  endCursor,
  testId,
}: {
  cursors: CursorStack;
  setCursors: (update: (stack: CursorStack) => CursorStack) => void;
  shown: number;
  total: number;
  endCursor: string | null | undefined;
  testId: string;
}) {
  if (cursors.length === 0 && !endCursor) return null;
  return (
    <div className="pager">
      <button type="button" disabled={cursors.length === 0} onClick={() => setCursors(popCursor)}>
        ← Previous
      </button>
      <span className="muted" data-testid={`${testId}-range`}>
        {pageRangeLabel(cursors, SUPPLIERS_PAGE_SIZE, shown, total)}
      </span>
      <button
        type="button"
        disabled={!endCursor}
        onClick={() => endCursor && setCursors((stack) => pushCursor(stack, endCursor))}
      >
        Next →
      </button>
    </div>
  );
}
