import type { ReactNode } from 'react';
import type { OrderDetail } from '@/features/shared/api/orders.graphql';

interface ShipToAddressProps {
  address: OrderDetail['shipTo'];
  /** Says when and why the buyer's name and street were removed, in place of them. */
  redaction?: ReactNode;
}

export function ShipToAddress({ address, redaction }: ShipToAddressProps) {
  return (
    <section className="panel" data-testid="order-ship-to">
      <h2>Ship to</h2>
      {address ? (
        <address>
          {!address.name && !address.line1 ? (
            (redaction ?? (
              <span className="muted" data-testid="ship-to-redacted">
                The buyer’s name and street were removed under the buyer data retention policy.
              </span>
            ))
          ) : (
            <strong>{address.name}</strong>
          )}
          {[address.line1, address.line2, address.line3].filter(Boolean).map((line) => (
            <span key={line}>{line}</span>
          ))}
          <span>
            {address.city}, {address.stateOrRegion} {address.postalCode}
          </span>
          <span>{address.countryCode}</span>
          {address.phone && <span className="muted">{address.phone}</span>}
        </address>
      ) : (
        <p className="muted">No address (yet).</p>
      )}
    </section>
  );
}
