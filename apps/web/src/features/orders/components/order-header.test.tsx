import { render, screen } from '@testing-library/react';
import { order } from '@/features/shared/test/order-fixtures';
import { OrderHeader } from './order-header';

test('labels a Walmart replacement order, with the customer order it replaces, in words', () => {
  render(<OrderHeader order={order({ orderType: 'REPLACEMENT', originalCustomerOrderId: '2000012345600' })} />);
  expect(screen.getByTestId('replacement-order').textContent).toBe('Replacement for customer order 2000012345600');
  expect(screen.queryByText(/REPLACEMENT/)).toBeNull();
});

test('labels an order routed to the seller’s 3PL node in words, and says nothing for a regular seller-fulfilled order', () => {
  const { unmount } = render(<OrderHeader order={order({ shipNodeType: '3PLFulfilled' })} />);
  expect(screen.getByTestId('ship-node').textContent).toBe('Shipped by your third-party logistics provider (3PL)');
  expect(screen.queryByText(/3PLFulfilled/)).toBeNull();
  unmount();
  render(<OrderHeader order={order({ orderType: 'REGULAR', shipNodeType: 'SellerFulfilled' })} />);
  expect(screen.queryByTestId('replacement-order')).toBeNull();
  expect(screen.queryByTestId('ship-node')).toBeNull();
});

test('says who ships and how in words, the codes only in the title, and the order time in the account zone', () => {
  render(
    <OrderHeader
      order={order({
        channel: 'AMAZON',
        fulfillmentMethod: 'MERCHANT',
        shipMethod: 'SecondDay',
        orderedAt: '2026-12-01T18:05:00Z',
      })}
    />,
  );
  const summary = screen.getByTestId('order-shipping-summary');
  expect(summary.textContent).toBe('You ship · Two-day');
  expect(summary.title).toBe('MERCHANT · SecondDay');
  expect(screen.queryByText(/SecondDay/)).toBeNull();
});
