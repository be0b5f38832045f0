import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { ComplianceReturnsView } from '../api/compliance.graphql';
import { ReturnsPanel } from './returns-panel';

const returns = (overrides: Partial<ComplianceReturnsView> = {}): ComplianceReturnsView => ({
  windowDays: 60,
  windowStart: '2026-10-04T12:00:00.000Z',
  windowEnd: '2026-12-03T12:00:00.000Z',
  returnRate: {
    label: 'Return rate (delivered orders returned)',
    returned: 7,
    delivered: 100,
    percent: 7,
    threshold: 6,
    comparator: 'AT_MOST',
    status: 'FAILING',
    source: 'Walmart Seller Performance Standards',
    returnedOrders: [{ orderId: 'ord-1', orderNumber: '108829', deliveredAt: '2026-11-20T18:00:00.000Z' }],
  },
  refundsByCategory: [
    { category: 'SELLER_FAULT', label: 'Seller fault', count: 2, amountCents: 5998 },
    { category: 'BUYER_REMORSE', label: 'Buyer remorse', count: 1, amountCents: 1299 },
    { category: 'OTHER', label: 'Other', count: 0, amountCents: 0 },
  ],
  byReason: [
    { reasonCode: 'DAMAGED', label: 'Damaged', category: 'SELLER_FAULT', count: 2, units: 3 },
    { reasonCode: null, label: 'No reason given', category: 'OTHER', count: 1, units: 1 },
  ],
  refundedByChannel: {
    count: 1,
    amountCents: 2999,
    explanation:
      "The seller did not refund these returns within 48 hours of receiving them, so Walmart refunded the buyer on the seller's behalf.",
    returns: [
      {
        id: 'ret-9',
        channelReturnId: '77001234',
        orderId: 'ord-1',
        orderNumber: '108829',
        receivedAt: '2026-11-28T18:00:00.000Z',
        refundedAt: '2026-11-30T18:00:00.000Z',
        amountCents: 2999,
      },
    ],
  },
  ...overrides,
});

const renderPanel = (view: ComplianceReturnsView, channel: 'WALMART' | 'AMAZON' = 'WALMART') =>
  render(
    <MemoryRouter>
      <ReturnsPanel channel={channel} returns={view} timeZone="America/Los_Angeles" />
    </MemoryRouter>,
  );

test('Walmart: the return rate against its standard in words, the evidence behind a disclosure', () => {
  renderPanel(returns());
  const rate = screen.getByTestId('returns-rate');
  expect(rate.dataset.status).toBe('FAILING');
  expect(screen.getByTestId('returns-rate-value').textContent).toBe('7%');
  expect(screen.getByTestId('returns-rate-status').textContent).toBe('Failing');
  expect(screen.getByTestId('returns-rate-ratio').textContent).toBe(
    '7 orders returned of 100 delivered orders. Standard: at most 6%.',
  );
  expect(screen.getByTestId('returns-window').textContent).toBe('60 days: Sun 4 Oct – Thu 3 Dec');
  // The returned orders sit in a native disclosure (a focusable summary: Enter or Space opens it), each linked to its order.
  const details = screen.getByTestId<HTMLDetailsElement>('returns-rate-orders');
  expect(details.open).toBe(false);
  fireEvent.click(within(details).getByText('Returned orders'));
  expect(details.open).toBe(true);
  const link = screen.getByRole('link', { name: 'Order 108829' });
  expect(link.getAttribute('href')).toBe('/orders/ord-1');
});

test('refunds by reason category and returns by reason read as words, not codes', () => {
  renderPanel(returns());
  const categories = screen.getAllByTestId('returns-category').map((li) => li.textContent);
  expect(categories).toEqual([
    'Seller fault: 2 returns refunded, $59.98',
    'Buyer remorse: 1 return refunded, $12.99',
    'Other: 0 returns refunded, $0.00',
  ]);
  const rows = screen
    .getAllByTestId('returns-reason')
    .map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
  expect(rows).toEqual([
    ['Damaged', 'Seller fault', '2', '3'],
    ['No reason given', 'Other', '1', '1'],
  ]);
  expect(screen.getByTestId('returns-panel').textContent).not.toContain('SELLER_FAULT');
});

test('refunds Walmart issued itself: counted, explained, each linked to its return', () => {
  renderPanel(returns());
  const section = screen.getByTestId('returns-refunded-by-channel');
  expect(section.dataset.count).toBe('1');
  expect(section.textContent).toContain('Walmart refunded 1 return itself, $29.99.');
  expect(screen.getByTestId('returns-refunded-by-channel-explanation').textContent).toContain(
    'did not refund these returns within 48 hours',
  );
  const item = screen.getByTestId('returns-refunded-by-channel-return');
  expect(within(item).getByRole('link', { name: 'Return 77001234' }).getAttribute('href')).toBe('/returns/ret-9');
  // Dates in the account's zone, the zone named.
  expect(item.textContent).toContain('received Nov 28, 10:00 PST');
  expect(item.textContent).toContain('refunded by Walmart Nov 30, 10:00 PST, $29.99');
});

test('Amazon: no return rate standard, nothing refunded by Amazon, no returns in the window', () => {
  renderPanel(
    returns({
      returnRate: null,
      byReason: [],
      refundedByChannel: { count: 0, amountCents: 0, explanation: 'n/a', returns: [] },
    }),
    'AMAZON',
  );
  expect(screen.queryByTestId('returns-rate')).toBeNull();
  expect(screen.getByTestId('returns-by-reason-none').textContent).toBe('No returns asked for in these days.');
  expect(screen.getByText('Refunds Amazon issued itself')).toBeTruthy();
  expect(screen.getByTestId('returns-refunded-by-channel').textContent).toBe(
    'None: every refund in these days came from you.',
  );
});
