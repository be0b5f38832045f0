import type { NormalizedOrder } from '@order-hub/types';
import type { OrderLineEntity } from './order-line.entity';
import { withPendingChanges } from './order-import.service';

type Line = NormalizedOrder['lines'][number];

const line = (over: Partial<Line> = {}): Line => ({
  lineNumber: '1',
  sku: 'SKU',
  title: 'Item',
  quantityOrdered: 2,
  quantityShipped: 0,
  quantityCancelled: 0,
  quantityRefunded: 0,
  unitPriceCents: 1000,
  status: 'ACKNOWLEDGED',
  cancellationRequested: false,
  ...over,
});

/** The channel's copy of an order with these lines. */
const copy = (...lines: Line[]) => ({ status: 'ACKNOWLEDGED', lines }) as unknown as NormalizedOrder;
/** The hub's stored line. */
const stored = (over: Partial<Line>) => line(over) as unknown as OrderLineEntity;

describe('an import over changes still on their way to the channel (withPendingChanges)', () => {
  it('keeps the copy as it is without pending calls', () => {
    const incoming = copy(line());
    expect(withPendingChanges(incoming, [stored({ quantityShipped: 2, status: 'SHIPPED' })], undefined)).toBe(incoming);
    expect(withPendingChanges(incoming, [stored({ quantityShipped: 2 })], new Set())).toBe(incoming);
  });

  it('keeps units the hub shipped while a SHIP call is pending, and the order shipped', () => {
    const out = withPendingChanges(
      copy(line()),
      [stored({ quantityShipped: 2, status: 'SHIPPED' })],
      new Set(['SHIP']),
    );
    expect(out.lines[0]).toMatchObject({ quantityShipped: 2, status: 'SHIPPED' });
    expect(out.status).toBe('SHIPPED');
  });

  it('takes the channel copy where it already shows more than the hub (never fewer units)', () => {
    const incoming = copy(line({ quantityShipped: 2, status: 'SHIPPED' }));
    expect(withPendingChanges(incoming, [stored({ quantityShipped: 1 })], new Set(['SHIP']))).toBe(incoming);
  });

  it('keeps cancelled and refunded units of pending CANCEL and REFUND calls', () => {
    const cancelled = withPendingChanges(copy(line()), [stored({ quantityCancelled: 2 })], new Set(['CANCEL']));
    expect(cancelled.lines[0]).toMatchObject({ quantityCancelled: 2, status: 'CANCELLED' });
    expect(cancelled.status).toBe('CANCELLED');
    const refunded = withPendingChanges(
      copy(line({ quantityShipped: 2, status: 'SHIPPED' })),
      [stored({ quantityShipped: 2, quantityRefunded: 2 })],
      new Set(['REFUND']),
    );
    expect(refunded.lines[0]).toMatchObject({ quantityRefunded: 2, status: 'REFUNDED' });
  });

  it('keeps a line acknowledged while the ACKNOWLEDGE call is pending', () => {
    const out = withPendingChanges(
      copy(line({ status: 'CREATED' })),
      [stored({ status: 'ACKNOWLEDGED' })],
      new Set(['ACKNOWLEDGE']),
    );
    expect(out.lines[0].status).toBe('ACKNOWLEDGED');
    expect(out.status).toBe('ACKNOWLEDGED');
  });

  it('does not lay over a change of another kind than the pending call', () => {
    const incoming = copy(line());
    expect(withPendingChanges(incoming, [stored({ quantityCancelled: 2 })], new Set(['SHIP', 'UPDATE_TRACKING']))).toBe(
      incoming,
    );
  });
});
