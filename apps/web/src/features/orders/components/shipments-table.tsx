import type { ReactNode } from 'react';
import { safeHttpUrl } from '@order-hub/rules';
import { formatDateTime } from '@/lib/format';
import type { OrderDetail } from '@/features/shared/api/orders.graphql';

type Shipment = OrderDetail['shipments'][number];

function formatPackage(shipment: Shipment): string {
  const { weightOz, lengthIn, widthIn, heightIn } = shipment;
  const parts = [shipment.packageType.toLowerCase()];
  if (weightOz != null) parts.push(`${weightOz} oz`);
  if (lengthIn != null && widthIn != null && heightIn != null) parts.push(`${lengthIn}×${widthIn}×${heightIn} in`);
  return parts.join(' · ');
}

interface ShipmentsTableProps {
  shipments: OrderDetail['shipments'];
  /** Buttons for a shipment's row (Fix tracking). */
  actions?: (shipment: Shipment) => ReactNode;
}

export function ShipmentsTable({ shipments, actions }: ShipmentsTableProps) {
  return (
    <section className="panel" data-testid="order-shipments">
      <h2>Shipments</h2>
      {shipments.length === 0 ? (
        <p className="muted">Nothing shipped yet.</p>
      ) : (
        <table className="grid">
          <thead>
            <tr>
              <th>Carrier</th>
              <th>Service</th>
              <th>Tracking</th>
              <th>Shipped</th>
              <th>Package</th>
              <th>Lines</th>
              {actions && <th />}
            </tr>
          </thead>
          <tbody>
            {shipments.map((shipment) => (
              <tr
                key={shipment.id}
                data-testid="order-shipment"
                data-shipment-id={shipment.id}
                data-source={shipment.source}
              >
                <td>{shipment.carrier}</td>
                <td>{shipment.service ?? '—'}</td>
                <td className="mono">
                  {safeHttpUrl(shipment.trackingUrl) ? (
                    <a href={safeHttpUrl(shipment.trackingUrl)!} target="_blank" rel="noreferrer">
                      {shipment.trackingNumber ?? 'Track'}
                    </a>
                  ) : (
                    (shipment.trackingNumber ?? '—')
                  )}
                </td>
                <td>{formatDateTime(shipment.shippedAt)}</td>
                <td>{formatPackage(shipment)}</td>
                <td>
                  {shipment.lines.map((line) => (
                    <div key={line.orderLineId}>
                      #{line.lineNumber} <span className="mono">{line.sku}</span> × {line.quantity}
                    </div>
                  ))}
                </td>
                {actions && <td>{actions(shipment)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
