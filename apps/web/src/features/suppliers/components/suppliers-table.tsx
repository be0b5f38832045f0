import { Link } from 'react-router';
import type { SupplierView } from '../api/supplier-views';
import { PO_METHOD_WORDS } from '../lib/supplier-form';

/** Every supplier with how purchase orders reach it and its clock settings; each name opens its page. */
export function SuppliersTable({ suppliers }: { suppliers: readonly SupplierView[] }) {
  return (
    <ul className="supplier-cards" data-testid="suppliers-list">
      {suppliers.map((supplier) => (
        <li key={supplier.id} className="supplier-card" data-testid="supplier-row" data-supplier-id={supplier.id}>
          <div className="supplier-card-head">
            <Link to={`/suppliers/${supplier.id}`} data-testid="supplier-link">
              <strong>{supplier.name}</strong>
            </Link>
            {!supplier.active && <span className="badge">Inactive</span>}
          </div>
          <div className="supplier-card-facts muted">
            <span>{PO_METHOD_WORDS[supplier.poMethod]}</span>
            {supplier.email && <span>{supplier.email}</span>}
            <span>
              ships in {supplier.leadTimeBusinessDays} business day{supplier.leadTimeBusinessDays === 1 ? '' : 's'};
              tracking due {supplier.trackingDeadlineHours} h before ship-by
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}
