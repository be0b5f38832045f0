import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { currentCursor, popCursor, pushCursor, type CursorStack } from '@/lib/cursor-stack';
import { usePageTitle } from '@/lib/use-page-title';
import { actionDeniedReason } from '@/features/actions/lib/action-permissions';
import { useMe } from '@/features/auth/api/auth.hooks';
import { useSupplier } from '../api/suppliers.hooks';
import { PurchaseOrdersTable } from '../components/purchase-orders-table';
import { SupplierDialog } from '../components/supplier-dialog';
import { SupplierScorecard } from '../components/supplier-scorecard';
import { SupplierSkusEditor } from '../components/supplier-skus-editor';
import { PO_FORMAT_WORDS, PO_METHOD_WORDS } from '../lib/supplier-form';

/** `/suppliers/:id`: the supplier's details, its 30-day scorecard, the SKUs it ships and its purchase orders. */
export function SupplierDetailPage() {
  const { id = '' } = useParams();
  const [cursors, setCursors] = useState<CursorStack>([]);
  const query = useSupplier(id, currentCursor(cursors));
  const [editing, setEditing] = useState(false);
  const me = useMe();
  const mayAct = actionDeniedReason(me.data?.me.role) === null;
  // Where purchase orders (and the buyer's ship-to) go is an admin's to set.
  const mayManage = me.data?.me.role === 'ADMIN';
  const supplier = query.data?.supplier;
  usePageTitle(supplier ? supplier.name : 'Supplier');

  let body;
  if (query.isPending) body = <Loading label="Loading supplier…" />;
  else if (query.isError) body = <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  else if (!supplier) {
    body = (
      <p className="empty" data-testid="supplier-not-found">
        No such supplier. <Link to="/suppliers">All suppliers</Link>
      </p>
    );
  } else {
    const pos = supplier.purchaseOrders;
    body = (
      <>
        <div className="page-head">
          <h1 data-testid="supplier-name">
            {supplier.name}
            {!supplier.active && <span className="badge"> Inactive</span>}
          </h1>
          {mayManage && (
            <button type="button" onClick={() => setEditing(true)} data-testid="supplier-edit">
              Edit…
            </button>
          )}
        </div>
        <section className="panel" data-testid="supplier-details">
          <dl className="facts">
            <dt>Contact</dt>
            <dd>{[supplier.contactName, supplier.phone].filter(Boolean).join(', ') || '—'}</dd>
            <dt>Purchase orders</dt>
            <dd>
              {PO_METHOD_WORDS[supplier.poMethod]}
              {supplier.poMethod === 'EMAIL' && `, ${PO_FORMAT_WORDS[supplier.poFormat]}, to ${supplier.email ?? '—'}`}
            </dd>
            <dt>Sends tracking from</dt>
            <dd>{supplier.senderAddresses.join(', ') || 'no address given: its e-mails are held for review'}</dd>
            <dt>Lead time</dt>
            <dd>
              {supplier.leadTimeBusinessDays} business day{supplier.leadTimeBusinessDays === 1 ? '' : 's'}
            </dd>
            <dt>Tracking due</dt>
            <dd>{supplier.trackingDeadlineHours} h before the order's ship-by</dd>
          </dl>
        </section>
        <SupplierScorecard scorecard={supplier.scorecard} />
        <SupplierSkusEditor supplierId={supplier.id} skus={supplier.skus} editable={mayAct} />
        <section className="panel" aria-labelledby="pos-title">
          <h2 id="pos-title">Purchase orders ({pos.totalCount})</h2>
          {pos.edges.length === 0 ? (
            <p className="empty">None sent yet.</p>
          ) : (
            <PurchaseOrdersTable purchaseOrders={pos.edges.map((edge) => edge.node)} />
          )}
          {(cursors.length > 0 || pos.pageInfo.hasNextPage) && (
            <div className="pager">
              <button type="button" disabled={cursors.length === 0} onClick={() => setCursors(popCursor)}>
                ← Newer
              </button>
              <button
                type="button"
                disabled={!pos.pageInfo.hasNextPage}
                onClick={() => {
                  const end = pos.pageInfo.endCursor;
                  if (end) setCursors((stack) => pushCursor(stack, end));
                }}
              >
                Older →
              </button>
            </div>
          )}
        </section>
        {editing && (
          <SupplierDialog supplier={supplier} onClose={() => setEditing(false)} onDone={() => setEditing(false)} />
        )}
      </>
    );
  }
  return (
    <section className="page supplier-detail" data-testid="supplier-detail">
      <div className="order-links">
        <Link to="/suppliers" className="back">
          ← Suppliers
        </Link>
      </div>
      {body}
    </section>
  );
}
